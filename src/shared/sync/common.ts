import { z } from 'zod';

/** The kinds of record a device keeps and syncs (src/app/db/types.ts RecordType). */
export const RECORD_TYPES = ['child', 'visit', 'direct-work', 'observation', 'addendum'] as const;
export const recordTypeSchema = z.enum(RECORD_TYPES);
export type RecordType = z.output<typeof recordTypeSchema>;

/**
 * draft → submitted (sent for sign-off) → signed-off (frozen, invariant 3), or → returned (a
 * manager sent it back with a comment; its author edits it and submits again).
 */
export const RECORD_STATUSES = ['draft', 'submitted', 'signed-off', 'returned'] as const;
export const recordStatusSchema = z.enum(RECORD_STATUSES);
export type RecordStatus = z.output<typeof recordStatusSchema>;

/**
 * A record id: UUIDv7 when made on a device, but ids imported from a caseload file are kept as
 * they are (a child's id in the council's system), so any short printable string is accepted.
 */
export const recordIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'Record ids are printable ASCII without spaces');

/** A user's or a team's id on the server (a UUID made by the server). */
export const serverIdSchema = z.uuid();

/** A server revision: 1 for the first accepted version, +1 for each accepted edit. */
export const revSchema = z.number().int().min(1);

/** Lower-case hex SHA-256 of a blob's bytes: its name. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'A blob is named by the lower-case hex SHA-256 of its bytes');

/** ISO 8601 instant as the server writes it (Date.toISOString()). */
export const serverInstantSchema = z.string();

/**
 * Sent on every unsafe request (POST, PUT, DELETE) to /api: a cross-site form or image cannot
 * set a custom header, so its absence means the request did not come from the app (CSRF).
 */
export const CSRF_HEADER = 'x-doorstep';
export const CSRF_HEADER_VALUE = '1';
