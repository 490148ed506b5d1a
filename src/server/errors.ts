import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** The one shape of "no such route" for API callers and for files that are not there. */
export function sendNotFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).header('cache-control', 'no-store').send({ error: 'Not found' });
}

/**
 * Errors become JSON `{ error }`. A server fault is logged in full (see serializeErrorForLog)
 * and its details stay out of the reply; a client's mistake is logged briefly at info.
 */
export function installErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const statusCode = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(statusCode).send({ error: 'Internal server error' });
    }
    request.log.info({ err: { code: error.code, statusCode, message: error.message } }, 'request rejected');
    return reply.code(statusCode).send({ error: error.message });
  });
}
