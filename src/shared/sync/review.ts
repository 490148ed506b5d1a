import { z } from 'zod';
import { revSchema, serverIdSchema, serverInstantSchema, sha256Schema } from './common.ts';

/** A manager's comment when signing off or returning a record. */
export const REVIEW_COMMENT_MAX = 5000;

/**
 * Sent with a push that signs off or returns a record (`record.status` 'signed-off' or
 * 'returned'), and only then. `contentSha256` is contentHash(body) of the version the manager
 * read; the pushed body must be that same body and `baseRev` its rev. A comment is required to
 * return a record (what to change), optional when signing off.
 */
export const reviewRequestSchema = z.object({
  contentSha256: sha256Schema,
  comment: z.string().max(REVIEW_COMMENT_MAX).optional(),
});
export type ReviewRequest = z.output<typeof reviewRequestSchema>;

export const REVIEW_ACTIONS = ['signed-off', 'returned'] as const;
export const reviewActionSchema = z.enum(REVIEW_ACTIONS);
export type ReviewAction = z.output<typeof reviewActionSchema>;

/** The latest review of a record, as pull and conflict results carry it (ServerRecord.review). */
export const recordReviewSchema = z.object({
  action: reviewActionSchema,
  /** The revision the review made: the signed-off (or returned) revision itself. */
  rev: revSchema,
  /** contentHash of that revision's body: the exact content signed off. */
  contentSha256: sha256Schema,
  /** The manager's server user id, and their name to show. */
  by: serverIdSchema,
  byName: z.string(),
  at: serverInstantSchema,
  comment: z.string().nullable(),
});
export type RecordReview = z.output<typeof recordReviewSchema>;
