import type { FastifyPluginAsync } from 'fastify';
import { healthReplySchema } from '../../shared/sync/index.ts';
import { errorReplies, withZodSchemas } from '../http/route-schemas.ts';
import type { Storage } from '../storage/storage.ts';

export interface HealthOptions {
  storage: Storage;
  version: string;
  /** A database that does not answer within this time counts as down. */
  timeoutMs?: number;
}

/**
 * GET /api/health for load balancers and on-call: 200 only when the database answers a
 * query, 503 otherwise, so a broken instance is taken out of rotation. Public: a probe has
 * no session.
 */
export const healthPlugin: FastifyPluginAsync<HealthOptions> = async (app, { storage, version, timeoutMs = 2000 }) => {
  withZodSchemas(app).get(
    '/api/health',
    {
      // Probes arrive every few seconds; only failures are worth a log line.
      logLevel: 'warn',
      config: { public: true },
      schema: { response: { 200: healthReplySchema, 503: healthReplySchema, ...errorReplies } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await withTimeout(storage.query('select 1'), timeoutMs);
        return { status: 'ok' as const, database: storage.kind, version };
      } catch (error) {
        request.log.error({ err: error }, 'health check failed: the database did not answer');
        return reply.code(503).send({ status: 'unavailable', database: storage.kind, version });
      }
    },
  );
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
