import { z } from 'zod';

// Declared once in the model: what every record has (type, status, id).
export {
  RECORD_STATUSES,
  RECORD_TYPES,
  recordIdSchema,
  recordStatusSchema,
  recordTypeSchema,
  type RecordStatus,
  type RecordType,
} from '../model/record.ts';

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
