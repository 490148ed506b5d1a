import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/**
 * Checks a request part against a shared protocol schema. On failure sends 400 with the issue
 * paths and messages (never the values: they may be personal) and returns undefined.
 */
export function parseOrReply<S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  reply.code(400).send({
    error: 'The request does not match the sync protocol',
    code: 'invalid',
    issues: parsed.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: issue.message,
    })),
  });
  return undefined;
}
