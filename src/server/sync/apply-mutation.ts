import { randomUUID } from 'node:crypto';
import { checkRecordBody, findContentProblem, pathText, type Mutation, type MutationResult, type ServerRecord } from '../../shared/sync/index.ts';
import type { UserRow } from '../accounts/accounts-store.ts';
import type { Queryable, Storage } from '../storage/storage.ts';
import { recordEvents } from '../audit/audit-trail.ts';
import { isReviewStatus, mayCreate, mayEdit, maySee } from './access.ts';
import { checkAddendum } from '../reviews/addenda.ts';
import { nextChangePosition } from './change-order.ts';
import { recordJsonSql } from './record-json.ts';
import { applyReview, isReview, type ReviewedRecord } from '../reviews/apply-review.ts';
import { linkRecordPhotos, photoNotAttachable } from '../blobs/record-photos.ts';
import { withAccountNames } from './account-names.ts';

type Rejected = Extract<MutationResult, { status: 'rejected' }>;
type Remembered = { status: 'applied'; rev: number } | { status: 'conflict'; conflictId: string };

/** Thrown inside the transaction so that nothing of a rejected mutation is kept. */
class Rejection extends Error {
  constructor(readonly result: Rejected) {
    super(result.reason);
  }
}

interface ExistingRecord extends ReviewedRecord {
  parent_id: string | null;
}

/**
 * Applies one pushed mutation in its own transaction (invariant 2): applied, kept as a
 * conflict copy, or rejected with nothing stored. Its mutation id is stored with its result
 * in the same transaction, so a retry — after a lost reply or a crash — gets the earlier result.
 */
export async function applyMutation(storage: Storage, user: UserRow, mutation: Mutation): Promise<MutationResult> {
  const reject = (code: Rejected['code'], reason: string): never => {
    throw new Rejection({ mutationId: mutation.mutationId, status: 'rejected', code, reason });
  };
  // Before anything reaches the database (the mutations row holds the record id): text it would
  // refuse (NUL, lone surrogates), and nesting no reader should walk. Refused as this mutation's
  // result, so it cannot fail the batch with a 500 that the device would retry forever.
  const unsafe = findContentProblem(mutation);
  if (unsafe) {
    const reason = `This change cannot be stored at ${pathText(unsafe.path)}: ${unsafe.message}`;
    return { mutationId: mutation.mutationId, status: 'rejected', code: 'schema', reason };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await storage.transaction((tx) => applyInTransaction(tx, user, mutation, reject));
    } catch (error) {
      if (error instanceof Rejection) return error.result;
      // Two devices creating the same new record at once: the loser retries and finds it.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

async function applyInTransaction(
  tx: Queryable,
  user: UserRow,
  mutation: Mutation,
  reject: (code: Rejected['code'], reason: string) => never,
): Promise<MutationResult> {
  const { mutationId, recordId, recordType, record } = mutation;

  // Claims the id first: a concurrent push of the same mutation waits here until this commits.
  const claimed = await tx.query(
    `insert into mutations (mutation_id, user_id, record_id) values ($1, $2, $3)
     on conflict (mutation_id) do nothing returning mutation_id`,
    [mutationId, user.id, recordId],
  );
  if (claimed.rows.length === 0) return earlierResult(tx, user, mutationId, reject);

  const body = checkRecordBody(recordType, record.body, record.status);
  if (!body.ok) reject('schema', body.reason);
  if (record.review && !isReviewStatus(record.status)) {
    reject('schema', 'A review is only sent when signing off or returning a record');
  }
  const observed = record.observedPractitionerId ?? null;
  if (observed && recordType !== 'observation') reject('schema', 'Only an observation names an observed practitioner');
  if (observed) {
    const known = await tx.query('select 1 from users where id = $1', [observed]);
    if (known.rows.length === 0) reject('schema', 'The observed practitioner is not a user');
  }

  const existing = (
    await tx.query<ExistingRecord>(
      `select type, rev, status, team_id, created_by, observed_practitioner_id, body ->> 'parentId' as parent_id
       from records where id = $1 for update`,
      [recordId],
    )
  ).rows[0];
  // What is stored: the body as pushed, but with people's names taken from their accounts.
  const storedBody = recordType === 'observation' ? await withAccountNames(tx, record.body, existing?.created_by ?? user.id) : record.body;

  if (!existing) {
    if (!mayCreate(user, recordType)) reject('permission', `A ${user.role} cannot create a ${recordType} record`);
    if (isReviewStatus(record.status)) {
      if (user.role !== 'manager') reject('permission', 'Only a manager can sign off or return a record');
      reject('schema', 'Only a record sent for sign-off can be signed off or returned');
    }
    if (recordType === 'addendum') await checkAddendum(tx, user, record.body, undefined, reject);
    await checkPhotos(tx, user, record.blobs, reject);
    const seq = await nextChangePosition(tx);
    await tx.query(
      `insert into records (id, type, rev, body, status, team_id, created_by, updated_by, observed_practitioner_id, blobs, seq)
       values ($1, $2, 1, $3::jsonb, $4, $5, $6, $6, $7, $8::text[], $9::bigint)`,
      [recordId, recordType, JSON.stringify(storedBody), record.status, user.team_id, user.id, observed, record.blobs ?? [], seq],
    );
    await linkRecordPhotos(tx, recordId, record.blobs ?? []);
    await remember(tx, mutationId, { status: 'applied', rev: 1 });
    await recordEvents(tx, user.id, 'create', [recordId]);
    return { mutationId, status: 'applied', rev: 1 };
  }

  if (!(await maySee(tx, user, existing)) || !mayEdit(user, existing)) {
    reject('permission', 'You cannot change this record');
  }
  if (existing.type !== recordType) reject('type-changed', `This record is a ${existing.type}, not a ${recordType}`);
  // Invariant 3: frozen for everyone, whatever revision the push was based on — so a stale
  // edit is refused here too, before it could become a conflict copy.
  if (existing.status === 'signed-off') reject('signed-off', 'This record is signed off: add an addendum instead');
  if (isReview(mutation, existing.status)) {
    const rev = await applyReview(tx, user, mutation, existing, reject);
    await remember(tx, mutationId, { status: 'applied', rev });
    await recordEvents(tx, user.id, record.status === 'signed-off' ? 'sign-off' : 'return', [recordId]);
    return { mutationId, status: 'applied', rev };
  }
  if (recordType === 'addendum') await checkAddendum(tx, user, record.body, existing.parent_id, reject);
  // Conflict copies too: a stale edit listing a photo one may not attach is refused, not kept.
  await checkPhotos(tx, user, record.blobs, reject);

  if (mutation.baseRev === existing.rev) {
    const rev = existing.rev + 1;
    const seq = await nextChangePosition(tx);
    await tx.query(
      `update records set rev = $2, body = $3::jsonb, status = $4, updated_by = $5, observed_practitioner_id = $6,
              blobs = $7::text[], seq = $8::bigint, updated_at = now()
       where id = $1`,
      [recordId, rev, JSON.stringify(storedBody), record.status, user.id, observed, record.blobs ?? [], seq],
    );
    await linkRecordPhotos(tx, recordId, record.blobs ?? []);
    if (mutation.resolvesConflicts?.length) {
      // Still under the change-order lock taken above, so these positions keep commit order too.
      await tx.query(
        `update record_conflicts set resolved_at = now(), resolved_by_rev = $3, seq = nextval('change_seq')
         where record_id = $1 and id = any($2::uuid[]) and resolved_at is null`,
        [recordId, mutation.resolvesConflicts, rev],
      );
    }
    await remember(tx, mutationId, { status: 'applied', rev });
    await recordEvents(tx, user.id, 'update', [recordId]);
    return { mutationId, status: 'applied', rev };
  }

  // Invariant 2: an edit from a stale revision is kept, never dropped or written over.
  const conflictId = randomUUID();
  await remember(tx, mutationId, { status: 'conflict', conflictId });
  const seq = await nextChangePosition(tx);
  await tx.query(
    `insert into record_conflicts (id, record_id, mutation_id, type, status, base_rev, server_rev, body, created_by, seq)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10::bigint)`,
    [conflictId, recordId, mutationId, recordType, record.status, mutation.baseRev, existing.rev, JSON.stringify(storedBody), user.id, seq],
  );
  await recordEvents(tx, user.id, 'conflict', [recordId]);
  return { mutationId, status: 'conflict', conflictId, serverRecord: await serverRecord(tx, recordId) };
}

/** Issue 11 item 3: knowing a photo's SHA-256 is not enough to attach it (blobs/record-photos.ts). */
async function checkPhotos(
  tx: Queryable,
  user: UserRow,
  blobs: readonly string[] | undefined,
  reject: (code: Rejected['code'], reason: string) => never,
): Promise<void> {
  const refused = await photoNotAttachable(tx, user, blobs ?? []);
  if (refused) reject('permission', `You cannot attach photo ${refused}: upload it from this device, or use it from a record you can change`);
}

async function remember(tx: Queryable, mutationId: string, result: Remembered): Promise<void> {
  await tx.query('update mutations set result = $2::jsonb where mutation_id = $1', [mutationId, JSON.stringify(result)]);
}

async function earlierResult(
  tx: Queryable,
  user: UserRow,
  mutationId: string,
  reject: (code: Rejected['code'], reason: string) => never,
): Promise<MutationResult> {
  const { rows } = await tx.query<{ user_id: string; result: Remembered }>(
    'select user_id, result from mutations where mutation_id = $1',
    [mutationId],
  );
  const earlier = rows[0]!;
  if (earlier.user_id !== user.id) reject('mutation-id-reused', 'This mutation id was already used by someone else');
  return earlier.result.status === 'applied'
    ? { mutationId, status: 'duplicate', earlier: 'applied', rev: earlier.result.rev }
    : { mutationId, status: 'duplicate', earlier: 'conflict', rev: null, conflictId: earlier.result.conflictId };
}

export async function serverRecord(db: Queryable, recordId: string): Promise<ServerRecord> {
  const { rows } = await db.query<{ record: ServerRecord }>(
    `select ${recordJsonSql('r')} as record from records r where r.id = $1`,
    [recordId],
  );
  return rows[0]!.record;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
