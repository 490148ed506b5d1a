import { db } from '../db';
import { sealBody, sealReview } from '../db/records';
import type { Sealed } from '../crypto/sealed';
import type { ConflictCopy, PullChange, ServerRecord } from '../../../shared/sync/index.ts';
import { patchConflict } from './rows';
import { openTheirs, sealTheirs } from './sealing';
import type { SyncTransport } from './transport';

export const CURSOR_KEY = 'sync.cursor';
export const START_CURSOR = '0';

export interface PullOptions {
  transport: SyncTransport;
  limit?: number;
  /** Called after each page is applied with pages done; total grows while hasMore. */
  onProgress?: (done: number, total: number) => void;
}

export async function getCursor(): Promise<string> {
  const stored = (await db.meta.get(CURSOR_KEY))?.value as string | undefined;
  return stored ?? START_CURSOR;
}

/**
 * Pulls every change since the stored cursor, page by page. Each page is applied in ONE
 * transaction together with its cursor, so the cursor never moves past a change that is not on
 * the device; a failure leaves both as they were, and the retry re-applies the page (applying a
 * revision the device already has is a no-op). Returns the number of changes applied.
 */
export async function pullChanges({ transport, limit, onProgress }: PullOptions): Promise<number> {
  let count = 0;
  let pages = 0;
  for (;;) {
    const page = await transport.pull(await getCursor(), limit);
    await applyPage(page.changes, page.nextCursor);
    count += page.changes.length;
    pages++;
    onProgress?.(pages, page.hasMore ? pages + 1 : pages);
    await adoptSettledConflicts();
    if (!page.hasMore) return count;
  }
}

interface SealedChange {
  change: PullChange;
  /** The body sealed as the record row (AAD = record id); record changes only. */
  asRecord?: Sealed;
  /** The record's latest review, sealed for the row (AAD = review:<id>), when it has one. */
  review?: Sealed;
  /** The body sealed as the other version of a conflict (AAD = conflict:<id>). */
  asTheirs: Sealed;
}

/** Apply one page and store its cursor, atomically. Exported for tests. */
export async function applyPage(changes: PullChange[], nextCursor: string): Promise<void> {
  // WebCrypto first: awaiting it inside a Dexie transaction would commit the transaction early.
  const sealed: SealedChange[] = [];
  for (const change of changes) {
    if (change.kind === 'record') {
      const { id, body, review } = change.record;
      sealed.push({
        change,
        asRecord: await sealBody(id, body),
        asTheirs: await sealTheirs(id, body),
        ...(review ? { review: await sealReview(id, review) } : {}),
      });
    } else {
      sealed.push({ change, asTheirs: await sealTheirs(change.conflict.recordId, change.conflict.body) });
    }
  }
  await db.transaction('rw', [db.records, db.outbox, db.conflicts, db.meta], async () => {
    for (const item of sealed) {
      if (item.change.kind === 'record') await applyRecord(item.change.record, item.asRecord!, item.asTheirs, item.review);
      else await applyConflictCopy(item.change.conflict, item.asTheirs);
    }
    await db.meta.put({ key: CURSOR_KEY, value: nextCursor });
  });
}

async function applyRecord(record: ServerRecord, asRecord: Sealed, asTheirs: Sealed, review: Sealed | undefined): Promise<void> {
  const local = await db.records.get(record.id);
  if (local && (local.rev ?? 0) >= record.rev) return; // already here (or this device's own push)
  const conflict = await db.conflicts.get(record.id);
  const theirsUpdate = { theirs: asTheirs, theirsStatus: record.status, serverRev: record.rev };

  if (conflict && conflict.theirsIs === 'server' && !conflict.resolvedAt) {
    await patchConflict(record.id, theirsUpdate); // keep mine; show their newest version
    return;
  }
  const localEdits = await db.outbox.where('recordId').equals(record.id).count();
  if (localEdits > 0) {
    // Never overwrite work that has not gone yet: the two versions become a conflict.
    if (!conflict) {
      await db.conflicts.put({
        recordId: record.id,
        recordType: record.type,
        theirsIs: 'server',
        conflictId: null,
        detectedAt: new Date().toISOString(),
        ...theirsUpdate,
      });
    } else if (conflict.theirsIs === 'copy') {
      await patchConflict(record.id, { serverRev: record.rev });
    }
    return;
  }
  await db.records.put({
    id: record.id,
    type: record.type,
    status: record.status,
    localVersion: local?.localVersion ?? 0,
    rev: record.rev,
    createdBy: record.createdBy,
    createdAt: local?.createdAt ?? record.updatedAt,
    updatedAt: record.updatedAt,
    sealed: asRecord,
    ...(review ? { sealedReview: review } : {}),
  });
  if (conflict?.theirsIs === 'copy') await patchConflict(record.id, { serverRev: record.rev });
}

async function applyConflictCopy(copy: ConflictCopy, asTheirs: Sealed): Promise<void> {
  const existing = await db.conflicts.get(copy.recordId);
  const now = new Date().toISOString();
  if (copy.resolvedAt !== null) {
    if (existing?.conflictId !== copy.id || existing.resolvedAt) return;
    if (existing.theirsIs === 'copy') await db.conflicts.delete(copy.recordId);
    else await patchConflict(copy.recordId, { settledAt: now }); // see adoptSettledConflicts
    return;
  }
  if (existing?.conflictId === copy.id) return; // this device's own copy, or seen before
  const mine = await db.outbox.where('mutationId').equals(copy.mutationId).count();
  if (mine > 0) return; // our own edit whose push reply was lost: the retried push reports it
  const local = await db.records.get(copy.recordId);
  await db.conflicts.put({
    recordId: copy.recordId,
    recordType: copy.recordType,
    theirsIs: 'copy',
    conflictId: copy.id,
    serverRev: Math.max(local?.rev ?? 0, copy.serverRev),
    theirsStatus: copy.status,
    theirs: asTheirs,
    detectedAt: now,
  });
}

/**
 * A conflict someone else resolved: the device takes the server's version, which the pull has
 * kept as "theirs" — unless the device has edits made since, which then go up and, being based
 * on an old revision, become a new conflict on the server (never lost).
 */
export async function adoptSettledConflicts(): Promise<void> {
  const settled = await db.conflicts.filter((c) => c.settledAt !== undefined).toArray();
  for (const row of settled) {
    const body = await openTheirs(row);
    const sealed = body === undefined ? undefined : await sealBody(row.recordId, body);
    await db.transaction('rw', [db.records, db.outbox, db.conflicts], async () => {
      const now = await db.conflicts.get(row.recordId);
      if (!now || now.settledAt === undefined) return;
      await db.conflicts.delete(row.recordId);
      const localEdits = await db.outbox.where('recordId').equals(row.recordId).count();
      const local = await db.records.get(row.recordId);
      if (localEdits > 0 || !sealed || !local || now.serverRev === null || now.theirs?.iv !== row.theirs?.iv) return;
      const { body: _plain, ...envelope } = local;
      await db.records.put({ ...envelope, status: now.theirsStatus, rev: now.serverRev, sealed, updatedAt: new Date().toISOString() });
    });
  }
}
