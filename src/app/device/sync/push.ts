import { db } from '../db';
import { openReview, sealBody } from '../db/records';
import type { SendingSnapshot, StoredConflict } from '../db/sync-tables';
import type { OutboxEntry, StoredRecord } from '../db/types';
import type { Sealed } from '../crypto/sealed';
import { serverIdSchema, type Mutation, type MutationResult, type RecordStatus, type ReviewRequest } from '../../../shared/sync/index.ts';
import { uploadPhotosOf } from './blobs';
import { RequestError } from './errors';
import { patchConflict, patchRecord } from './rows';
import { openSnapshot, openTheirs, sealTheirs } from './sealing';
import type { SyncTransport } from './transport';

export const PUSH_BATCH_SIZE = 50;

export interface PushOptions {
  transport: SyncTransport;
  batchSize?: number;
  /** Called after each batch with mutations done so far and the total known at the start. */
  onProgress?: (done: number, total: number) => void;
}

export interface PushSummary {
  sent: number;
  applied: number;
  conflicts: number;
  rejected: number;
}

interface Claimed {
  entry: OutboxEntry & { seq: number };
  snapshot: SendingSnapshot;
}

/**
 * Sends the outbox, oldest first, in batches. Each entry is marked sent (sentAt) together with
 * a copy of the exact content it names BEFORE it goes, so a save made meanwhile starts a new
 * entry instead of changing what is in flight, and a retry after a lost reply resends the same
 * content under the same mutation id. Throws the transport's errors (offline, 401, 5xx)
 * leaving the outbox as it was apart from sentAt marks.
 */
export async function pushChanges({ transport, batchSize = PUSH_BATCH_SIZE, onProgress }: PushOptions): Promise<PushSummary> {
  const summary: PushSummary = { sent: 0, applied: 0, conflicts: 0, rejected: 0 };
  const attempted = new Set<string>();
  const total = await db.outbox.count();
  // One round sends what was waiting when it started; a save made meanwhile waits for the
  // next sync (the scheduler runs one shortly after local writes).
  const lastSeq = ((await db.outbox.orderBy('seq').last())?.seq ?? 0) as number;
  for (;;) {
    const claimed = await claimBatch(batchSize, attempted, lastSeq);
    if (claimed.length === 0) break;
    claimed.forEach((c) => attempted.add(c.entry.mutationId));

    const mutations: Mutation[] = [];
    const refused = new Map<string, MutationResult>();
    for (const { entry, snapshot } of claimed) {
      const body = await openSnapshot(snapshot);
      const review = await reviewRequestOf(snapshot);
      const observed = snapshot.type === 'observation' ? observedPractitionerOf(snapshot.status, body) : undefined;
      try {
        const blobs = await uploadPhotosOf(transport, body);
        mutations.push({
          mutationId: entry.mutationId,
          recordId: entry.recordId,
          recordType: snapshot.type,
          baseRev: entry.baseRev,
          record: {
            status: snapshot.status,
            body: body as Record<string, unknown>,
            ...(observed ? { observedPractitionerId: observed } : {}),
            ...(blobs.length > 0 ? { blobs } : {}),
            ...(review ? { review } : {}),
          },
          ...(snapshot.resolvesConflicts?.length ? { resolvesConflicts: snapshot.resolvesConflicts } : {}),
        });
      } catch (error) {
        // A photo the server will never take: the record cannot go either. Keep it, say why.
        if (!(error instanceof RequestError)) throw error;
        refused.set(entry.mutationId, { mutationId: entry.mutationId, status: 'rejected', code: 'schema', reason: error.message });
      }
    }

    const results = new Map(refused);
    if (mutations.length > 0) {
      const response = await transport.push({ mutations });
      for (const result of response.results) results.set(result.mutationId, result);
    }
    await applyResults(claimed, results);
    summary.sent += claimed.length;
    for (const result of results.values()) {
      if (result.status === 'applied' || (result.status === 'duplicate' && result.earlier === 'applied')) summary.applied++;
      else if (result.status === 'rejected') summary.rejected++;
      else summary.conflicts++;
    }
    onProgress?.(summary.sent, Math.max(total, summary.sent));
  }
  return summary;
}

/**
 * Picks the next entries to send, in outbox order, and marks them sent with a snapshot of the
 * content, in one transaction. One entry per record per batch: a newer entry for a record
 * waits until the older one's result has given it the right baseRev. A record whose edit the
 * server already holds as a conflict copy waits for a person to resolve it.
 */
async function claimBatch(limit: number, attempted: Set<string>, lastSeq: number): Promise<Claimed[]> {
  return db.transaction('rw', [db.outbox, db.records, db.sending, db.conflicts], async () => {
    const now = new Date().toISOString();
    const entries = (await db.outbox.where('seq').belowOrEqual(lastSeq).toArray()) as (OutboxEntry & { seq: number })[];
    const seen = new Set<string>();
    const claimed: Claimed[] = [];
    for (const entry of entries) {
      if (claimed.length >= limit) break;
      if (seen.has(entry.recordId)) continue;
      seen.add(entry.recordId);
      if (attempted.has(entry.mutationId)) continue;
      const conflict = await db.conflicts.get(entry.recordId);
      if (conflict && waitsForPerson(conflict)) continue;
      let snapshot = entry.sentAt ? await db.sending.get(entry.mutationId) : undefined;
      if (!snapshot) {
        const row = await db.records.get(entry.recordId);
        if (!row) {
          await db.outbox.delete(entry.seq); // the record is gone: nothing to send
          continue;
        }
        snapshot = {
          mutationId: entry.mutationId,
          recordId: entry.recordId,
          type: row.type,
          status: row.status,
          ...(row.sealed ? { sealed: row.sealed } : { body: row.body }),
          ...(isReview(row.status) && row.sealedReview ? { sealedReview: row.sealedReview } : {}),
          ...(conflict?.resolvedAt && conflict.conflictId ? { resolvesConflicts: [conflict.conflictId] } : {}),
        };
        await db.sending.put(snapshot);
        if (!entry.sentAt) await db.outbox.update(entry.seq, { sentAt: now });
      }
      claimed.push({ entry, snapshot });
    }
    return claimed;
  });
}

/**
 * Sending an observation's copy (practice-rules §6, issue 7): the server shows an observation
 * to the practitioner observed and their team's manager only through `observedPractitionerId`.
 * It is set once the observation is completed (not a draft, `completedAt` set) with "copy to
 * the practitioner" or "copy to their line manager" ticked, and only when the practitioner was
 * chosen from the team (their server user id, a UUID), not typed in as a staff ID. Every later
 * version keeps sending it: the server takes each version's value as it comes.
 */
export function observedPractitionerOf(status: RecordStatus, body: unknown): string | undefined {
  if (status === 'draft' || typeof body !== 'object' || body === null) return undefined;
  const form = body as { practitionerId?: unknown; completedAt?: unknown; copyToPractitioner?: unknown; copyToLineManager?: unknown };
  if (typeof form.completedAt !== 'string' || !form.completedAt) return undefined;
  if (form.copyToPractitioner !== true && form.copyToLineManager !== true) return undefined;
  const id = typeof form.practitionerId === 'string' ? form.practitionerId.trim() : '';
  return serverIdSchema.safeParse(id).success ? id : undefined;
}

/** The server holds this device's version as a conflict copy: only a person moves it on. */
export function waitsForPerson(conflict: StoredConflict): boolean {
  return !conflict.resolvedAt && !conflict.settledAt && conflict.theirsIs === 'server' && conflict.conflictId !== null;
}

const isReview = (status: string) => status === 'signed-off' || status === 'returned';

/** A review goes with the version it names: sign-off and return only (shared/sync/review.ts). */
async function reviewRequestOf(snapshot: SendingSnapshot): Promise<ReviewRequest | undefined> {
  if (!isReview(snapshot.status) || !snapshot.sealedReview) return undefined;
  const review = await openReview(snapshot.recordId, snapshot.sealedReview);
  if (!review) return undefined;
  return { contentSha256: review.contentSha256, ...(review.comment ? { comment: review.comment } : {}) };
}

async function applyResults(claimed: Claimed[], results: Map<string, MutationResult>): Promise<void> {
  // Seal the server's versions first: no WebCrypto awaits inside the transaction.
  const theirs = new Map<string, Awaited<ReturnType<typeof sealTheirs>>>();
  const serverVersions = new Map<string, Sealed>();
  for (const result of results.values()) {
    if (result.status === 'conflict') theirs.set(result.mutationId, await sealTheirs(result.serverRecord.id, result.serverRecord.body));
  }
  for (const { entry } of claimed) {
    if (results.get(entry.mutationId)?.status !== 'rejected') continue;
    const sealed = await serverVersionPulledMeanwhile(entry.recordId);
    if (sealed) serverVersions.set(entry.recordId, sealed);
  }
  const now = new Date().toISOString();
  await db.transaction('rw', [db.outbox, db.records, db.sending, db.conflicts, db.rejections], async () => {
    for (const { entry, snapshot } of claimed) {
      const result = results.get(entry.mutationId);
      if (!result) continue; // no answer: stays sent, retried with the same content next time
      await db.outbox.delete(entry.seq);
      await db.sending.delete(entry.mutationId);
      if (result.status === 'applied' || (result.status === 'duplicate' && result.earlier === 'applied' && result.rev !== null)) {
        await markApplied(entry, snapshot, result.rev!);
      } else if (result.status === 'rejected') {
        await db.rejections.put({ recordId: entry.recordId, mutationId: entry.mutationId, code: result.code, reason: result.reason, rejectedAt: now });
        await undoRefusedReview(entry.recordId, serverVersions.get(entry.recordId));
      } else if (result.status === 'conflict') {
        await db.conflicts.put({
          recordId: entry.recordId,
          recordType: result.serverRecord.type,
          theirsIs: 'server',
          conflictId: result.conflictId,
          serverRev: result.serverRecord.rev,
          theirsStatus: result.serverRecord.status,
          theirs: theirs.get(entry.mutationId)!,
          detectedAt: now,
        });
      } else if (result.status === 'duplicate') {
        // An earlier push of this very content made a conflict copy and the reply was lost.
        const existing = await db.conflicts.get(entry.recordId);
        if (existing?.conflictId !== result.conflictId) {
          await db.conflicts.put({
            recordId: entry.recordId,
            recordType: snapshot.type,
            theirsIs: 'server',
            conflictId: result.conflictId ?? null,
            serverRev: existing?.serverRev ?? null,
            theirsStatus: existing?.theirsStatus ?? snapshot.status,
            ...(existing?.theirs ? { theirs: existing.theirs } : {}),
            detectedAt: now,
          });
        }
      }
    }
  });
}

/**
 * A sign-off or return the server refused (usually 'changed-since-read': the record changed
 * after the manager read it) did not happen: the record goes back to the status and review it
 * had, so the device never shows a sign-off that is not on the server. Its body was never
 * changed by the review. The server's newer version then comes with the next pull — or, when
 * it was pulled while the review waited (kept as a conflict), it is taken now.
 */
async function undoRefusedReview(recordId: string, serverVersion: Sealed | undefined): Promise<void> {
  const row = await db.records.get(recordId);
  if (!row?.pendingReview) return;
  const { pendingReview, sealedReview: _refused, ...rest } = row;
  const restored: StoredRecord = {
    ...rest,
    status: pendingReview.statusBefore,
    ...(pendingReview.sealedReviewBefore ? { sealedReview: pendingReview.sealedReviewBefore } : {}),
  };
  const conflict = await db.conflicts.get(recordId);
  if (serverVersion && conflict?.theirsIs === 'server' && conflict.conflictId === null && conflict.serverRev !== null) {
    await db.records.put({ ...restored, sealed: serverVersion, status: conflict.theirsStatus, rev: conflict.serverRev });
    await db.conflicts.delete(recordId);
    return;
  }
  await db.records.put(restored);
}

/** The server's version kept beside a waiting review (pulled meantime), sealed as the record row. */
async function serverVersionPulledMeanwhile(recordId: string): Promise<Sealed | undefined> {
  const [row, conflict] = await Promise.all([db.records.get(recordId), db.conflicts.get(recordId)]);
  if (!row?.pendingReview || !conflict || conflict.theirsIs !== 'server' || conflict.conflictId !== null) return undefined;
  const body = await openTheirs(conflict);
  return body === undefined ? undefined : sealBody(recordId, body);
}

async function markApplied(entry: OutboxEntry & { seq: number }, snapshot: SendingSnapshot, rev: number): Promise<void> {
  const record = await db.records.get(entry.recordId);
  if (record?.pendingReview) {
    const { pendingReview: _accepted, ...rest } = record;
    await db.records.put(rest);
  }
  if (record && (record.rev ?? 0) < rev) await patchRecord(entry.recordId, { rev });
  // Saved again while this was in flight: the newer content waits, now based on this revision.
  const newer = await db.outbox.where('recordId').equals(entry.recordId).filter((e) => e.sentAt === undefined).first();
  if (newer?.seq !== undefined && (newer.baseRev ?? 0) < rev) await db.outbox.update(newer.seq, { baseRev: rev });
  await db.rejections.delete(entry.recordId);
  const conflict = await db.conflicts.get(entry.recordId);
  if (!conflict) return;
  const settled = conflict.resolvedAt && (conflict.conflictId === null || snapshot.resolvesConflicts?.includes(conflict.conflictId));
  if (settled) await db.conflicts.delete(entry.recordId);
  else if (conflict.theirsIs === 'copy' && (conflict.serverRev ?? 0) < rev) await patchConflict(entry.recordId, { serverRev: rev });
}
