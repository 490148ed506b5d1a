import { saveRecord, type LocalRecord, type RecordReview } from '../../device/db';
import { contentHash, REVIEW_COMMENT_MAX, type ReviewAction, type SessionUser } from '../../../shared/sync/index.ts';

/** Records a manager signs off (invariant 3: one exact revision each). Children are not. */
export const REVIEWED_TYPES = ['visit', 'direct-work', 'observation', 'addendum'] as const;
export type ReviewedType = (typeof REVIEWED_TYPES)[number];
export const isReviewed = (type: string): type is ReviewedType => (REVIEWED_TYPES as readonly string[]).includes(type);

/**
 * Signs off or returns exactly the revision the manager read: saved on this device first
 * (status, the body as read, and the review naming its content hash) with its outbox entry, and
 * pushed with the next sync. Throws RecordChangedError if the record on the device is no longer
 * that revision. `record.rev` must be set: only a version the server holds can be signed off.
 */
export async function reviewRecord(
  record: LocalRecord,
  action: ReviewAction,
  comment: string,
  manager: Pick<SessionUser, 'id' | 'name'>,
): Promise<LocalRecord> {
  if (record.rev === null) throw new Error('Only a record the server holds can be signed off');
  if (comment.trim().length > REVIEW_COMMENT_MAX) throw new RangeError(`A management comment is at most ${REVIEW_COMMENT_MAX} characters`);
  if (action === 'returned' && comment.trim() === '') throw new RangeError('A returned record needs a comment');
  const review: RecordReview = {
    action,
    rev: record.rev + 1,
    contentSha256: await contentHash(record.body),
    by: manager.id,
    byName: manager.name,
    at: new Date().toISOString(),
    comment: comment.trim() === '' ? null : comment.trim(),
  };
  return saveRecord({
    id: record.id,
    type: record.type,
    status: action,
    body: record.body,
    newReview: { review, readRev: record.rev },
  });
}
