import { db, getRecord, type LocalRecord, type RecordStatus, type RecordType } from '../db';
import { sealBody, writeSealedRecord } from '../db/records';
import type { StoredConflict } from '../db/sync-tables';
import { patchRecord } from './rows';
import { openTheirs } from './sealing';

export interface ConflictSummary {
  recordId: string;
  recordType: RecordType;
  detectedAt: string;
}

export interface ConflictView {
  recordId: string;
  recordType: RecordType;
  /** This device's version, or undefined if the record is not on this device. */
  mine: LocalRecord | undefined;
  /** The other version, or undefined while it has not reached this device. */
  theirs: { status: RecordStatus; body: unknown } | undefined;
  detectedAt: string;
}

export type Resolution = { keep: 'mine' } | { keep: 'theirs' } | { keep: 'merged'; body: unknown };

/** A conflict is open until a person resolves it here or someone resolves it elsewhere. */
export const isOpen = (row: StoredConflict) => !row.resolvedAt && !row.settledAt;

/** Open conflicts on this device, oldest first. Ids and dates only: no key needed. */
export async function listConflicts(): Promise<ConflictSummary[]> {
  const rows = await db.conflicts.filter(isOpen).toArray();
  return rows
    .map((row) => ({ recordId: row.recordId, recordType: row.recordType, detectedAt: row.detectedAt }))
    .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt));
}

export async function getConflict(recordId: string): Promise<ConflictView | undefined> {
  const row = await db.conflicts.get(recordId);
  if (!row || !isOpen(row)) return undefined;
  const [mine, theirsBody] = await Promise.all([getRecord(recordId), openTheirs(row)]);
  return {
    recordId,
    recordType: row.recordType,
    mine,
    theirs: theirsBody === undefined ? undefined : { status: row.theirsStatus, body: theirsBody },
    detectedAt: row.detectedAt,
  };
}

export class ConflictGoneError extends Error {
  override readonly name = 'ConflictGoneError';
  constructor() {
    super('This conflict has already been resolved');
  }
}

/**
 * Saves the chosen version as a new local revision based on the server's current revision (so
 * it applies cleanly), through the normal outbox, and clears the other version. The server is
 * told which conflict copy it settles when the change is pushed.
 */
export async function resolveConflict(recordId: string, resolution: Resolution): Promise<void> {
  const view = await getConflict(recordId);
  if (!view) throw new ConflictGoneError();
  const chosen =
    resolution.keep === 'theirs'
      ? view.theirs
      : { status: view.mine?.status ?? view.theirs?.status ?? 'draft', body: resolution.keep === 'mine' ? view.mine?.body : resolution.body };
  if (!chosen || chosen.body === undefined) throw new Error('That version is not on this device');
  const sealed = await sealBody(recordId, chosen.body);

  await db.transaction('rw', [db.records, db.outbox, db.conflicts], async () => {
    const row = await db.conflicts.get(recordId);
    if (!row || !isOpen(row)) throw new ConflictGoneError();
    await writeSealedRecord(recordId, { type: row.recordType, status: chosen.status }, sealed);
    if (row.serverRev !== null) {
      await patchRecord(recordId, { rev: row.serverRev });
      const entry = await db.outbox.where('recordId').equals(recordId).filter((e) => e.sentAt === undefined).first();
      if (entry?.seq !== undefined) await db.outbox.update(entry.seq, { baseRev: row.serverRev });
    }
    if (row.conflictId === null) await db.conflicts.delete(recordId);
    else await db.conflicts.put({ ...withoutTheirs(row), resolvedAt: new Date().toISOString() });
  });
}

function withoutTheirs(row: StoredConflict): StoredConflict {
  const { theirs: _gone, ...rest } = row;
  return rest;
}
