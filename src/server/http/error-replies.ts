import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidRequestError } from './invalid-request.ts';

/** The one shape of "no such route" for API callers and for files that are not there. */
export function sendNotFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).header('cache-control', 'no-store').send({ error: 'Not found' });
}

/**
 * Errors become JSON `{ error }`. A server fault is logged in full (see serializeErrorForLog)
 * and its details stay out of the reply; a client's mistake is logged briefly at info. A
 * request that failed its route schema gets the protocol's 400 'invalid' with the issues.
 */
export function sendErrorReply(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const statusCode = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
  if (statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply.code(statusCode).send({ error: 'Internal server error' });
  }
  request.log.info({ err: { code: error.code, statusCode, message: error.message } }, 'request rejected');
  if (error instanceof InvalidRequestError) return reply.code(400).send(error.replyBody());
  return reply.code(statusCode).send({ error: error.message });
}

export function installErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler(sendErrorReply);
}
