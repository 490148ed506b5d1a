import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, pushRequestSchema, type MutationResult } from '../../shared/sync/index.ts';
import { recordEvents } from '../audit/audit-trail.ts';
import type { Storage } from '../storage/storage.ts';
import { applyMutation } from '../sync/apply-mutation.ts';
import { pullChanges } from '../sync/pull-changes.ts';
import { requireUser } from './current-user.ts';
import { parseOrReply } from './validation.ts';

/** A push may carry up to 500 mutations of ≤ 1 MB bodies; a device splits bigger batches. */
export const PUSH_BODY_LIMIT = 32 * 1024 * 1024;

const CASE_ROLES = ['practitioner', 'observer', 'manager'] as const;

export interface SyncPluginOptions {
  storage: Storage;
}

export async function syncPlugin(app: FastifyInstance, { storage }: SyncPluginOptions): Promise<void> {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
    const user = await requireUser(storage, request, reply, CASE_ROLES);
    if (!user) return reply;
    const body = parseOrReply(pushRequestSchema, request.body, reply);
    if (!body) return reply;
    // One at a time, each in its own transaction: a crash leaves a prefix applied, and the
    // retried batch finds those as duplicates. Between mutations the loop lets other requests
    // in: on embedded PGlite (one connection) a batch of 500 otherwise held the database for
    // seconds and every other user's request waited for the whole batch.
    const results: MutationResult[] = [];
    for (const mutation of body.mutations) {
      results.push(await applyMutation(storage, user, mutation));
      await new Promise((resolve) => setImmediate(resolve));
    }
    request.log.info({ mutations: results.length }, 'push');
    return reply.header('cache-control', 'no-store').send({ results });
  });

  app.get('/api/sync/pull', async (request, reply) => {
    const user = await requireUser(storage, request, reply, CASE_ROLES);
    if (!user) return reply;
    const query = parseOrReply(pullQuerySchema, request.query, reply);
    if (!query) return reply;
    const page = await pullChanges(storage, user, query.since, query.limit);
    // Audited before anything is sent: one insert for the page (a conflict copy is a read of its record).
    const read = page.changes.map((change) => (change.kind === 'record' ? change.record.id : change.conflict.recordId));
    await recordEvents(storage, user.id, 'read', read);
    return reply.header('cache-control', 'no-store').send(page);
  });
}
