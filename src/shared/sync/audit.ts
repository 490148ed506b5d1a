import { z } from 'zod';
import { recordIdSchema, recordTypeSchema, serverIdSchema, serverInstantSchema, sha256Schema } from './common.ts';
import { cursorSchema } from './pull.ts';

/**
 * What a person did with a record, as the audit trail keeps it (never the content).
 * read: a pull gave them the record (or a conflict copy of it); create / update: an applied
 * push; sign-off / return: a manager's review; conflict: their stale edit was kept as a
 * conflict copy (the reply carried the current version); blob-read: they fetched a photo.
 */
export const AUDIT_ACTIONS = ['read', 'create', 'update', 'sign-off', 'return', 'conflict', 'blob-read'] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.output<typeof auditActionSchema>;

export const AUDIT_DEFAULT_LIMIT = 100;
export const AUDIT_MAX_LIMIT = 500;

/**
 * GET /api/audit (admins only) query: `?childId=…` (events about that child), `?userId=…`
 * (events by that user), both (both must hold) or neither (every event); `cursor` is the
 * `nextCursor` of the page before ("0" at the start); oldest first.
 */
export const auditQuerySchema = z.object({
  childId: recordIdSchema.optional(),
  userId: serverIdSchema.optional(),
  cursor: cursorSchema.default('0'),
  limit: z.coerce.number().int().min(1).max(AUDIT_MAX_LIMIT).default(AUDIT_DEFAULT_LIMIT),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  /** Increasing: the order events were written in. */
  id: cursorSchema,
  at: serverInstantSchema,
  userId: serverIdSchema,
  userName: z.string(),
  action: auditActionSchema,
  recordId: recordIdSchema.nullable(),
  recordType: recordTypeSchema.nullable(),
  /** The children the record is about when it was read or written (child record ids). */
  childIds: z.array(z.string()),
  /** For blob-read: the photo's name. */
  blobSha256: sha256Schema.nullable(),
});
export type AuditEvent = z.output<typeof auditEventSchema>;

/** 200 reply to GET /api/audit; while hasMore, ask again with cursor = nextCursor. */
export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  nextCursor: cursorSchema,
  hasMore: z.boolean(),
});
export type AuditPage = z.output<typeof auditPageSchema>;
