import { z } from 'zod';

/**
 * Every 4xx/5xx reply from /api has this body. `error` is a sentence fit to show a person;
 * `code` (when present) is for the client to branch on.
 */
export const errorBodySchema = z.object({
  error: z.string(),
  code: z
    .enum([
      'signed-out', // 401: no session, or it expired: sign in again
      'forbidden', // 403: this role may not do this (e.g. an admin pulling case records)
      'csrf', // 403: the x-doorstep header is missing
      'invalid', // 400: the request does not match the protocol's schema
      'rate-limited', // 429: too many failed sign-ins; see retryAfterSeconds and Retry-After
      'too-large', // 413
      'hash-mismatch', // 400: a blob's bytes do not match its name
      'not-found', // 404
      'sign-in-again', // 403: key escrow is handed back only within minutes of a password sign-in
    ])
    .optional(),
  /** With 429: whole seconds until another sign-in may be tried (also in the Retry-After header). */
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** With 400 'invalid': where the request went wrong, e.g. ["mutations", 3, "baseRev"]. */
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});
export type ErrorBody = z.output<typeof errorBodySchema>;
