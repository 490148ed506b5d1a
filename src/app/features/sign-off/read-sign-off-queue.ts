import { getRecord, listRecords, listRecordsByStatus, type LocalRecord } from '../../device/db';
import type { ChildBody } from '../../../shared/model/record-bodies.ts';
import { getRejection } from '../../device/sync';
import { parentIdOf } from '../../records/addendum/addendum-body';
import type { ChildOnDevice } from '../../records/caseload/use-children-on-device';
import { submittedAtOf } from '../../records/record-kinds';
import { isReviewed } from './review-record';

export interface QueueItem {
  record: LocalRecord;
  /** When its author finished it (the body's own time), else when it last changed. */
  submittedAt: string;
  /** An addendum's signed-off record. */
  parent: LocalRecord | null;
  /** A sign-off or return of it from this device was refused: it changed after it was read. */
  changedSinceRead: boolean;
}

/** The records on this device waiting for a manager's sign-off, oldest first. */
export async function readSignOffQueue(): Promise<{ items: QueueItem[]; children: ChildOnDevice[] }> {
  const [submitted, childRecords] = await Promise.all([listRecordsByStatus('submitted'), listRecords<ChildBody>('child')]);
  const items = await Promise.all(
    submitted
      .filter((record) => isReviewed(record.type))
      .map(async (record): Promise<QueueItem> => {
        const parentId = record.type === 'addendum' ? parentIdOf(record.body) : null;
        const [parent, rejection] = await Promise.all([parentId ? getRecord(parentId) : undefined, getRejection(record.id)]);
        return { record, submittedAt: submittedAtOf(record), parent: parent ?? null, changedSinceRead: rejection?.code === 'changed-since-read' };
      }),
  );
  const children = childRecords.map((c) => ({ id: c.id, name: c.body.name ?? `Child ${c.id}`, dateOfBirth: c.body.dateOfBirth }));
  return { items: items.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)), children };
}
