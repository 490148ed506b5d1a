import { v7 as uuidv7 } from 'uuid';
import { open, seal, type Sealed } from '../crypto/sealed';
import { currentDataKey } from '../lock/device-session';
import { db } from './database';
import type { LocalRecord, RecordInput, RecordReview, RecordStatus, RecordType, StoredRecord } from './types';

export class RecordFrozenError extends Error {
  constructor(id: string) {
    super(`Record ${id} is signed off and cannot change; add an addendum instead`);
    this.name = 'RecordFrozenError';
  }
}

/**
 * A review names one revision: the record on this device is no longer the revision the
 * manager read (a newer one was pulled, or it has changes waiting to sync), or is no longer
 * waiting for sign-off.
 */
export class RecordChangedError extends Error {
  constructor(id: string) {
    super(`Record ${id} changed after it was read`);
    this.name = 'RecordChangedError';
  }
}

type Envelope = Omit<LocalRecord, 'body' | 'review'>;

/** Review content is sealed under its own AAD, so it can never pass for a body or the other way round. */
const reviewAad = (id: string) => `review:${id}`;

export function sealReview(id: string, review: RecordReview): Promise<Sealed> {
  return Promise.resolve(seal(currentDataKey(), review, reviewAad(id)));
}

export async function openReview(id: string, sealed: Sealed | undefined): Promise<RecordReview | null> {
  if (!sealed) return null;
  return Promise.resolve(open<RecordReview>(currentDataKey(), sealed, reviewAad(id)));
}

/**
 * Saves a record and queues it for sync, in one transaction: both are written or neither is
 * (design invariant 1). The body is sealed first, outside the transaction: a WebCrypto promise
 * is not one of Dexie's, and awaiting it inside a transaction would let the transaction commit.
 * Throws DeviceLockedError while the device is locked.
 *
 * Coalescing: a record has at most one outbox entry that has not been sent yet. A further
 * save updates that entry instead of adding another, so "changes waiting" counts records,
 * not keystrokes. The entry gets a fresh mutation id each time, because a mutation id must
 * name exactly one content: if an earlier content was pushed but the reply was lost, the
 * server must not take the new content for a duplicate of it.
 */
export async function saveRecord<Body>(input: RecordInput<Body>): Promise<LocalRecord<Body>> {
  const startedAt = performance.now();
  const id = input.id ?? uuidv7();
  const sealed = await sealBody(id, input.body);
  const review = input.newReview && { ...input.newReview, sealed: await sealReview(id, input.newReview.review) };
  const sealedAt = performance.now();
  const { envelope, sealedReview } = await db.transaction('rw', [db.records, db.outbox, db.rejections], async () => {
    const written = await writeSealedRecord(id, input, sealed, review);
    // A new review starts afresh: an earlier refusal of one is no longer news.
    if (review) await db.rejections.delete(id);
    return written;
  });
  notifyRecordSaved({ id, type: envelope.type, localVersion: envelope.localVersion, startedAt, sealedAt });
  return { ...envelope, body: input.body, review: input.newReview?.review ?? (await openReview(id, sealedReview)) };
}

/** `window` event dispatched by saveRecord once a record and its outbox entry have committed. */
export const RECORD_SAVED_EVENT = 'doorstep:record-saved';

/**
 * Detail of RECORD_SAVED_EVENT. Ids and versions only, never content. `startedAt` (saveRecord
 * called) and `sealedAt` (body sealed, transaction about to start) are `performance.now()`
 * times, so a listener can tell the sealing and the write apart from the wait before the save
 * (bench/drafts.ts). Dispatched only by saveRecord (every draft save, submit, sign-off), not
 * by the bulk saveRecords (import, demo).
 */
export interface RecordSavedDetail {
  id: string;
  type: RecordType;
  localVersion: number;
  startedAt: number;
  sealedAt: number;
}

// Dispatched after the transaction has committed (its promise resolves on IndexedDB's
// `complete`), never from inside it, so a listener sees a record that is on the device.
function notifyRecordSaved(detail: RecordSavedDetail): void {
  if (typeof window === 'undefined') return;
  window.dispatchEvent(new CustomEvent<RecordSavedDetail>(RECORD_SAVED_EVENT, { detail }));
}

/**
 * Saves several records (an import, the demo caseload) in one transaction: all or none.
 * Every body is sealed first; ids must be given or are made here.
 */
export async function saveRecords(inputs: RecordInput[]): Promise<LocalRecord[]> {
  const sealed = await Promise.all(
    inputs.map(async (input) => {
      const id = input.id ?? uuidv7();
      return { id, input, sealed: await sealBody(id, input.body) };
    }),
  );
  const written = await db.transaction('rw', db.records, db.outbox, async () => {
    const all: Written[] = [];
    for (const item of sealed) all.push(await writeSealedRecord(item.id, item.input, item.sealed));
    return all;
  });
  return Promise.all(
    written.map(async ({ envelope, sealedReview }, i) => ({
      ...envelope,
      body: sealed[i]!.input.body,
      review: await openReview(envelope.id, sealedReview),
    })),
  );
}

/** Seal a record body under the data key, bound to the record id. */
export async function sealBody(id: string, body: unknown): Promise<Sealed> {
  const key = currentDataKey();
  return Promise.resolve(seal(key, body, id));
}

interface Written {
  envelope: Envelope;
  /** The record's latest review as stored (kept from before, or the new one). */
  sealedReview: Sealed | undefined;
}

/**
 * The write half of saveRecord, for callers that need more in the same transaction (drafts).
 * Must run inside a 'rw' transaction over records and outbox; the body (and a review) is
 * already sealed. The record's latest review is kept; a review replaces it, and is refused
 * unless the record is still the submitted revision the manager read with nothing waiting.
 */
export async function writeSealedRecord(
  id: string,
  input: Pick<RecordInput, 'type' | 'status'>,
  sealed: Sealed,
  review?: { readRev: number; sealed: Sealed },
): Promise<Written> {
  const now = new Date().toISOString();
  const existing = await db.records.get(id);
  if (existing?.status === 'signed-off') throw new RecordFrozenError(existing.id);
  if (review) {
    const waiting = await db.outbox.where('recordId').equals(id).count();
    if (!existing || existing.status !== 'submitted' || existing.rev !== review.readRev || waiting > 0) {
      throw new RecordChangedError(id);
    }
  }

  const envelope: Envelope = {
    id,
    type: input.type,
    status: input.status,
    localVersion: (existing?.localVersion ?? 0) + 1,
    rev: existing?.rev ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    // An edit here does not change who created the record.
    ...(existing?.createdBy ? { createdBy: existing.createdBy } : {}),
  };
  const sealedReview = review?.sealed ?? existing?.sealedReview;
  await db.records.put({
    ...envelope,
    sealed,
    ...(sealedReview ? { sealedReview } : {}),
    ...(review && existing
      ? {
          pendingReview: {
            statusBefore: existing.status,
            ...(existing.sealedReview ? { sealedReviewBefore: existing.sealedReview } : {}),
            readRev: review.readRev,
          },
        }
      : {}),
  });

  const unsent = await db.outbox
    .where('recordId')
    .equals(id)
    .filter((entry) => entry.sentAt === undefined)
    .first();
  if (unsent?.seq !== undefined) {
    await db.outbox.update(unsent.seq, { mutationId: uuidv7(), updatedAt: now });
  } else {
    await db.outbox.add({ mutationId: uuidv7(), recordId: id, baseRev: envelope.rev, createdAt: now, updatedAt: now });
  }
  return { envelope, sealedReview };
}

/** Throws DeviceLockedError while locked, SealedOpenError if the stored content was altered. */
export async function getRecord<Body = unknown>(id: string): Promise<LocalRecord<Body> | undefined> {
  const row = await db.records.get(id);
  return row ? openRecord<Body>(row) : undefined;
}

/** Records of one type, most recently changed first. */
export async function listRecords<Body = unknown>(type: RecordType): Promise<LocalRecord<Body>[]> {
  const rows = await db.records.where('type').equals(type).toArray();
  return openAll<Body>(rows);
}

export async function listRecordsByStatus<Body = unknown>(status: RecordStatus): Promise<LocalRecord<Body>[]> {
  return openAll<Body>(await db.records.where('status').equals(status).toArray());
}

/** How many records have changes that have not reached the server yet. */
export async function countPendingChanges(): Promise<number> {
  const recordIds = await db.outbox.orderBy('recordId').uniqueKeys();
  return recordIds.length;
}

/** How many records (of one type, if given) the device holds; no key needed. */
export function countRecords(type?: RecordType): Promise<number> {
  return type ? db.records.where('type').equals(type).count() : db.records.count();
}

/**
 * Seal rows written before schema version 2 (plain `body`). Run after each unlock; a no-op
 * once every row is sealed. Content is unchanged, so nothing is queued for sync.
 */
export async function sealPlaintextRecords(): Promise<number> {
  const plain = await db.records.filter((row) => row.sealed === undefined).toArray();
  const sealed = await Promise.all(plain.map(async (row) => ({ row, sealed: await sealBody(row.id, row.body) })));
  await db.transaction('rw', db.records, async () => {
    for (const { row, sealed: value } of sealed) {
      const now = await db.records.get(row.id);
      if (!now || now.sealed !== undefined || now.localVersion !== row.localVersion) continue;
      const { body: _plain, ...envelope } = now;
      await db.records.put({ ...envelope, sealed: value });
    }
  });
  return sealed.length;
}

// Dexie reads first, then decryption: useLiveQuery tracks only the Dexie calls, and the
// WebCrypto promises are passed through Promise.resolve as dexie-react-hooks asks.
async function openAll<Body>(rows: StoredRecord[]): Promise<LocalRecord<Body>[]> {
  const records = await Promise.all(rows.map((row) => openRecord<Body>(row)));
  return records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

async function openRecord<Body>(row: StoredRecord): Promise<LocalRecord<Body>> {
  const { sealed, body: plain, sealedReview, pendingReview: _pending, ...envelope } = row;
  const key = currentDataKey();
  const body = sealed ? await Promise.resolve(open<Body>(key, sealed, row.id)) : (plain as Body);
  return { ...envelope, body, review: await openReview(row.id, sealedReview) };
}
