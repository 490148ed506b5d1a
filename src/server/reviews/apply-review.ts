import { canonicalJson, contentHash, type Mutation, type MutationResult } from '../../shared/sync/index.ts';
import type { UserRow } from '../accounts/accounts-store.ts';
import type { Queryable } from '../storage/storage.ts';
import { mayReview, type RecordAccessRow } from '../sync/access.ts';
import { nextChangePosition } from '../sync/change-order.ts';

type Reject = (code: Extract<MutationResult, { status: 'rejected' }>['code'], reason: string) => never;

export interface ReviewedRecord extends RecordAccessRow {
  rev: number;
  status: string;
}

const CHANGED_SINCE_READ = {
  'signed-off': 'This record changed after you opened it. Open the new version before signing it off.',
  returned: 'This record changed after you opened it. Open the new version before returning it.',
} as const;

/**
 * Whether a push is a manager's review of the record: every push that sets 'signed-off', and
 * one that moves a record into 'returned'. An edit of a record that is already returned may
 * keep that status (its author saving a draft of the changes): that is not a review.
 */
export function isReview(mutation: Mutation, currentStatus: string): boolean {
  const { status, review } = mutation.record;
  if (status === 'signed-off') return true;
  return status === 'returned' && (currentStatus !== 'returned' || review !== undefined);
}

/**
 * Invariant 3: a manager signs off (or returns) one exact revision. The push must name the
 * current revision of a submitted record, carry its body unchanged and the SHA-256 of that
 * body; anything else means the record changed after the manager read it, and nothing is
 * stored — never a conflict copy, never applied to a newer revision. Returns the new rev.
 */
export async function applyReview(tx: Queryable, user: UserRow, mutation: Mutation, current: ReviewedRecord, reject: Reject): Promise<number> {
  const action = mutation.record.status === 'signed-off' ? 'signed-off' : 'returned';
  if (!mayReview(user, current)) reject('permission', 'Only a manager of the team can sign off or return this record');
  if (current.type === 'child') reject('schema', "A child's details are not signed off");
  const review = mutation.record.review;
  if (!review) reject('schema', 'Send the content hash of the version you read to sign it off or return it');
  const comment = review.comment?.trim() ? review.comment : null;
  if (action === 'returned' && comment === null) reject('schema', 'Say what needs to change when you return a record');

  const { rows } = await tx.query<{ body: unknown }>('select body from records where id = $1', [mutation.recordId]);
  const body = rows[0]!.body;
  const stale =
    mutation.baseRev !== current.rev ||
    current.status !== 'submitted' ||
    (await contentHash(body)) !== review.contentSha256 ||
    canonicalJson(mutation.record.body) !== canonicalJson(body);
  if (stale) reject('changed-since-read', CHANGED_SINCE_READ[action]);

  // Only the status moves: body, photos and the observed practitioner stay exactly as read.
  const rev = current.rev + 1;
  const seq = await nextChangePosition(tx);
  await tx.query(
    `update records set rev = $2, status = $3, updated_by = $4, seq = $5::bigint, updated_at = now() where id = $1`,
    [mutation.recordId, rev, action, user.id, seq],
  );
  await tx.query(
    `insert into reviews (record_id, action, rev, content_sha256, reviewed_by, comment) values ($1, $2, $3, $4, $5, $6)`,
    [mutation.recordId, action, rev, review.contentSha256, user.id, comment],
  );
  return rev;
}
