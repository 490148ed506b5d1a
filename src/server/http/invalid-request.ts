import type { z } from 'zod';
import type { ErrorBody } from '../../shared/sync/index.ts';

const INVALID = 'The request does not match the sync protocol';

/**
 * A request part that failed its route schema. Carried to the error handler, which answers
 * 400 with the issue paths and messages (never the values: they may be personal).
 */
export class InvalidRequestError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_VALIDATION';

  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(INVALID);
  }

  replyBody(): ErrorBody {
    return {
      error: INVALID,
      code: 'invalid',
      issues: this.issues.slice(0, 20).map((issue) => ({
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: issue.message,
      })),
    };
  }
}
