import { db, type RecordType } from '../db';
import { isOpen } from './conflicts';

/**
 * Where a record stands with the server: 'local' never synced (on this device only),
 * 'waiting' synced before but changed since, 'synced', 'conflict' (two versions for a person
 * to choose between), 'rejected' (the server refused the last change).
 */
export type RecordSyncState = 'local' | 'waiting' | 'synced' | 'conflict' | 'rejected';

/** Sync state of each record id asked for. Indexes and ids only: works while locked too. */
export async function recordSyncStates(ids: string[]): Promise<Map<string, RecordSyncState>> {
  const [records, conflicts, rejections, outbox] = await Promise.all([
    db.records.bulkGet(ids),
    db.conflicts.bulkGet(ids),
    db.rejections.bulkGet(ids),
    db.outbox.where('recordId').anyOf(ids).toArray(),
  ]);
  const waiting = new Set(outbox.map((entry) => entry.recordId));
  const states = new Map<string, RecordSyncState>();
  ids.forEach((id, i) => {
    const conflict = conflicts[i];
    if (conflict && isOpen(conflict)) states.set(id, 'conflict');
    else if (rejections[i]) states.set(id, 'rejected');
    else if (waiting.has(id) || !records[i]) states.set(id, records[i]?.rev == null ? 'local' : 'waiting');
    else states.set(id, records[i]!.rev == null ? 'local' : 'synced');
  });
  return states;
}

export async function recordSyncState(id: string): Promise<RecordSyncState> {
  return (await recordSyncStates([id])).get(id)!;
}

/** Why the server refused a record's last change: its code (e.g. 'changed-since-read') and sentence. */
export async function getRejection(id: string): Promise<{ code?: string; reason: string } | undefined> {
  const row = await db.rejections.get(id);
  return row && { ...(row.code ? { code: row.code } : {}), reason: row.reason };
}

/** The refusal reason for a rejected record, for showing beside it. */
export async function rejectionOf(id: string): Promise<string | undefined> {
  return (await db.rejections.get(id))?.reason;
}

export interface RecordNeedingSync {
  id: string;
  type: RecordType;
  updatedAt: string;
  state: RecordSyncState;
  /** Why the server refused it, for 'rejected'. */
  reason?: string;
}

/**
 * Records with changes waiting to go, refused, or in conflict: envelopes only (type and
 * dates), so the sync page lists them without opening any content.
 */
export async function listRecordsNeedingSync(): Promise<RecordNeedingSync[]> {
  const [outbox, rejections, conflicts] = await Promise.all([db.outbox.toArray(), db.rejections.toArray(), db.conflicts.toArray()]);
  const ids = [...new Set([...outbox.map((e) => e.recordId), ...rejections.map((r) => r.recordId), ...conflicts.filter(isOpen).map((c) => c.recordId)])];
  const [records, states] = await Promise.all([db.records.bulkGet(ids), recordSyncStates(ids)]);
  const reasons = new Map(rejections.map((r) => [r.recordId, r.reason]));
  return ids
    .flatMap((id, i) => {
      const record = records[i];
      if (!record) return [];
      const reason = reasons.get(id);
      return [{ id, type: record.type, updatedAt: record.updatedAt, state: states.get(id)!, ...(reason ? { reason } : {}) }];
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
