import type { FastifyPluginAsync } from 'fastify';
import type { Storage } from '../storage/storage.ts';

export interface HealthOptions {
  storage: Storage;
  version: string;
  /** A database that does not answer within this time counts as down. */
  timeoutMs?: number;
}

/**
 * GET /api/health for load balancers and on-call: 200 only when the database answers a
 * query, 503 otherwise, so a broken instance is taken out of rotation.
 */
export const healthPlugin: FastifyPluginAsync<HealthOptions> = async (app, { storage, version, timeoutMs = 2000 }) => {
  app.get(
    '/api/health',
    {
      // Probes arrive every few seconds; only failures are worth a log line.
      logLevel: 'warn',
      schema: {
        response: {
          200: healthReply(['ok']),
          503: healthReply(['unavailable']),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await withTimeout(storage.query('select 1'), timeoutMs);
        return { status: 'ok', database: storage.kind, version };
      } catch (error) {
        request.log.error({ err: error }, 'health check failed: the database did not answer');
        return reply.code(503).send({ status: 'unavailable', database: storage.kind, version });
      }
    },
  );
};

function healthReply(status: string[]) {
  return {
    type: 'object',
    required: ['status', 'database', 'version'],
    properties: {
      status: { type: 'string', enum: status },
      database: { type: 'string', enum: ['pglite', 'postgres'] },
      version: { type: 'string' },
    },
  } as const;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
