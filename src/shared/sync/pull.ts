import { z } from 'zod';
import {
  recordIdSchema,
  recordStatusSchema,
  recordTypeSchema,
  revSchema,
  serverIdSchema,
  serverInstantSchema,
  sha256Schema,
} from './common.ts';
import { recordReviewSchema } from './review.ts';

/** A cursor: the decimal position of a change in the server's change order. "0" is the start. */
export const cursorSchema = z.string().regex(/^(0|[1-9]\d{0,17})$/, 'A cursor is a whole number as text');
export type Cursor = z.output<typeof cursorSchema>;

export const PULL_DEFAULT_LIMIT = 200;
export const PULL_MAX_LIMIT = 1000;

/** GET /api/sync/pull query: `?since=<cursor>&limit=<n>`. */
export const pullQuerySchema = z.object({
  since: cursorSchema.default('0'),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
});
export type PullQuery = z.output<typeof pullQuerySchema>;

/** The current accepted version of a record. */
export const serverRecordSchema = z.object({
  id: recordIdSchema,
  type: recordTypeSchema,
  status: recordStatusSchema,
  rev: revSchema,
  body: z.record(z.string(), z.unknown()),
  /** The team the record belongs to: its author's team when first accepted; never changes. */
  teamId: serverIdSchema,
  /** Who created it. */
  createdBy: serverIdSchema,
  /** Who made this revision. */
  updatedBy: serverIdSchema,
  updatedAt: serverInstantSchema,
  observedPractitionerId: serverIdSchema.nullable(),
  blobs: z.array(sha256Schema),
  /**
   * The latest sign-off or return of this record, or null if none. Always sent by the server;
   * optional here only so that versions written before it existed still parse.
   */
  review: recordReviewSchema.nullable().optional(),
});
export type ServerRecord = z.output<typeof serverRecordSchema>;

/** A pushed version the server kept because its baseRev was no longer current (invariant 2). */
export const conflictCopySchema = z.object({
  id: z.uuid(),
  recordId: recordIdSchema,
  recordType: recordTypeSchema,
  /** The revision the device had edited from (null: it thought the record was new). */
  baseRev: revSchema.nullable(),
  /** The record's revision when the copy was kept. */
  serverRev: revSchema,
  status: recordStatusSchema,
  body: z.record(z.string(), z.unknown()),
  mutationId: z.uuid(),
  createdBy: serverIdSchema,
  createdAt: serverInstantSchema,
  /** Set once a merged version that resolves it has been accepted; the copy is then history. */
  resolvedAt: serverInstantSchema.nullable(),
  resolvedByRev: revSchema.nullable(),
});
export type ConflictCopy = z.output<typeof conflictCopySchema>;

/**
 * One change, in server order. A record appears once per pull with its latest version (older
 * versions between the cursor and now are not repeated); a conflict copy appears when kept
 * and again when resolved.
 */
export const pullChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('record'), cursor: cursorSchema, record: serverRecordSchema }),
  z.object({ kind: z.literal('conflict'), cursor: cursorSchema, conflict: conflictCopySchema }),
]);
export type PullChange = z.output<typeof pullChangeSchema>;

/**
 * 200 reply to a pull. Apply `changes` in order, then store `nextCursor` (only after the page
 * is applied); while `hasMore`, pull again with since = nextCursor.
 */
export const pullResponseSchema = z.object({
  changes: z.array(pullChangeSchema),
  nextCursor: cursorSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.output<typeof pullResponseSchema>;
