/**
 * What every record has, whatever its kind: its type, its status and its id. Declared once here;
 * the wire protocol (src/shared/sync) and the device's database (src/app/device/db) use these.
 */
import { z } from 'zod';

/** The kinds of record a device keeps and syncs. */
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
