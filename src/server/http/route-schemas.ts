import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBodySchema } from '../../shared/sync/index.ts';
import { InvalidRequestError } from './invalid-request.ts';

/**
 * Checks a request part (body, querystring, params) against its shared zod schema. Ours rather
 * than fastify-type-provider-zod's validatorCompiler: that one flattens an issue's path into a
 * string ("/mutations/0/baseRev"), and devices are told the path as a list of keys and indexes.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const parsed = schema.safeParse(data);
    return parsed.success ? { value: parsed.data } : { error: new InvalidRequestError(parsed.error.issues) };
  };

/**
 * A concern's plugin calls this first: its routes' schemas are then the shared zod schemas,
 * requests are checked with them, replies written through them (fields outside the schema are
 * dropped, as the app's own parse of the reply would drop them), and handlers are typed from
 * them. Set per plugin, since compilers are encapsulated like everything else in Fastify.
 */
export function withZodSchemas(app: FastifyInstance) {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Every /api route's 4xx and 5xx replies: the protocol's one error body. */
export const errorReplies = { '4xx': errorBodySchema, '5xx': errorBodySchema } as const;
