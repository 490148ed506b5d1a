import { z } from 'zod';
import {
  recordIdSchema,
  recordStatusSchema,
  recordTypeSchema,
  revSchema,
  serverIdSchema,
  sha256Schema,
} from './common.ts';
import { serverRecordSchema } from './pull.ts';
import { reviewRequestSchema } from './review.ts';

/** At most this many mutations in one push; a device with more sends several batches. */
export const PUSH_MAX_MUTATIONS = 500;

/** The version of a record a device sends: its status and body, plus what the server needs to authorise it. */
export const pushedRecordSchema = z.object({
  status: recordStatusSchema,
  /**
   * Any JSON object ≤ 1 MB, checked per type by checkRecordBody (record-bodies.ts), which
   * refuses it as this mutation's result. Passed through as sent, not rebuilt: z.record would
   * assign a "__proto__" key (setting the copy's prototype) and so hide it from that check.
   */
  body: z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'The record body must be a JSON object',
  ),
  /**
   * Observations only: the server user id of the practitioner observed, who may then see it.
   * Leave out or null when not known yet.
   */
  observedPractitionerId: serverIdSchema.nullable().optional(),
  /** SHA-256 names of the blobs (photos) this version refers to, uploaded before the push. */
  blobs: z.array(sha256Schema).max(100).optional(),
  /**
   * Only with status 'signed-off' or 'returned' (a manager's review of a submitted record):
   * the content hash of the version read, and a comment (required to return). See review.ts.
   */
  review: reviewRequestSchema.optional(),
});
export type PushedRecord = z.output<typeof pushedRecordSchema>;

export const mutationSchema = z.object({
  /** UUIDv7 made on the device; names this one content of the record, so a retry is a duplicate. */
  mutationId: z.uuid(),
  recordId: recordIdSchema,
  recordType: recordTypeSchema,
  /** The server revision this edit was based on; null for a record the server has not accepted yet. */
  baseRev: revSchema.nullable(),
  record: pushedRecordSchema,
  /**
   * Conflict copies (ids from a `conflict` result or a pulled conflict) that this version
   * settles: the person has merged them. They are marked resolved when this mutation applies.
   */
  resolvesConflicts: z.array(z.uuid()).max(100).optional(),
});
export type Mutation = z.output<typeof mutationSchema>;

/** POST /api/sync/push body. */
export const pushRequestSchema = z.object({
  mutations: z.array(mutationSchema).min(1).max(PUSH_MAX_MUTATIONS),
});
export type PushRequest = z.output<typeof pushRequestSchema>;

/**
 * Why a mutation was rejected. 'signed-off': the record is frozen (invariant 3): write an
 * addendum. 'changed-since-read': a sign-off or return named a revision or content that is no
 * longer current: open the new version first.
 */
export const REJECTION_CODES = [
  'schema',
  'permission',
  'signed-off',
  'type-changed',
  'mutation-id-reused',
  'changed-since-read',
] as const;

/** One result per mutation, in the order sent. */
export const mutationResultSchema = z.discriminatedUnion('status', [
  /** Accepted: the record is now at `rev`. */
  z.object({ mutationId: z.uuid(), status: z.literal('applied'), rev: revSchema }),
  /**
   * This mutationId was seen before: nothing was changed, and this is the earlier result —
   * `earlier: 'applied'` with the rev it made (even if the record has moved on since), or
   * `earlier: 'conflict'` with the conflict copy it made (rev null).
   */
  z.object({
    mutationId: z.uuid(),
    status: z.literal('duplicate'),
    earlier: z.enum(['applied', 'conflict']),
    rev: revSchema.nullable(),
    conflictId: z.uuid().optional(),
  }),
  /**
   * baseRev was not the current revision: the pushed version was KEPT as conflict copy
   * `conflictId`, linked to the record; `serverRecord` is the current version. Both show until
   * a person resolves it (push a merged version with resolvesConflicts: [conflictId]).
   */
  z.object({
    mutationId: z.uuid(),
    status: z.literal('conflict'),
    conflictId: z.uuid(),
    serverRecord: serverRecordSchema,
  }),
  /** Refused for its shape or for permission; nothing was stored. Not retried by the server's memory. */
  z.object({
    mutationId: z.uuid(),
    status: z.literal('rejected'),
    code: z.enum(REJECTION_CODES),
    reason: z.string(),
  }),
]);
export type MutationResult = z.output<typeof mutationResultSchema>;

/** 200 reply to a push: every mutation has a result, even when some were rejected. */
export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.output<typeof pushResponseSchema>;
