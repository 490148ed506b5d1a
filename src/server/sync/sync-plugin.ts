import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, type MutationResult } from '../../shared/sync/index.ts';
import { CASE_ROLES } from '../accounts/role-guard.ts';
import { recordEvents } from '../audit/audit-trail.ts';
import { errorReplies, withZodSchemas } from '../http/route-schemas.ts';
import type { Storage } from '../storage/storage.ts';
import { applyMutation } from './apply-mutation.ts';
import { pullChanges } from './pull-changes.ts';

/** A push may carry up to 500 mutations of ≤ 1 MB bodies; a device splits bigger batches. */
export const PUSH_BODY_LIMIT = 32 * 1024 * 1024;

export interface SyncPluginOptions {
  storage: Storage;
}

/** POST /api/sync/push and GET /api/sync/pull: the wire protocol of src/shared/sync. */
export async function syncPlugin(app: FastifyInstance, { storage }: SyncPluginOptions): Promise<void> {
  // Fastify's JSON parser answers 400 to a whole push for any "__proto__" key, so one such key
  // in one record's text would stop every other record in the batch (and every retry). Parsed
  // as plain JSON here instead (JSON.parse only makes an own property of it), and refused as
  // that one mutation's result by findContentProblem (apply-mutation.ts).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('ignore', 'ignore'));
  const api = withZodSchemas(app);

  api.post(
    '/api/sync/push',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      config: { roles: CASE_ROLES },
      schema: { body: pushRequestSchema, response: { 200: pushResponseSchema, ...errorReplies } },
    },
    async (request, reply) => {
      // One at a time, each in its own transaction: a crash leaves a prefix applied, and the
      // retried batch finds those as duplicates. Between mutations the loop lets other requests
      // in: on embedded PGlite (one connection) a batch of 500 otherwise held the database for
      // seconds and every other user's request waited for the whole batch.
      const results: MutationResult[] = [];
      for (const mutation of request.body.mutations) {
        results.push(await applyMutation(storage, request.user, mutation));
        await new Promise((resolve) => setImmediate(resolve));
      }
      request.log.info({ mutations: results.length }, 'push');
      return reply.header('cache-control', 'no-store').send({ results });
    },
  );

  api.get(
    '/api/sync/pull',
    { config: { roles: CASE_ROLES }, schema: { querystring: pullQuerySchema, response: { 200: pullResponseSchema, ...errorReplies } } },
    async (request, reply) => {
      const { user } = request;
      const page = await pullChanges(storage, user, request.query.since, request.query.limit);
      // Audited before anything is sent: one insert for the page (a conflict copy is a read of its record).
      const read = page.changes.map((change) => (change.kind === 'record' ? change.record.id : change.conflict.recordId));
      await recordEvents(storage, user.id, 'read', read);
      return reply.header('cache-control', 'no-store').send(page);
    },
  );
}
