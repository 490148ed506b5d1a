import type { FastifyInstance } from 'fastify';
import { auditQuerySchema } from '../../shared/sync/index.ts';
import { listAuditEvents } from '../audit/audit-trail.ts';
import type { Storage } from '../storage/storage.ts';
import { requireUser } from './current-user.ts';
import { parseOrReply } from './validation.ts';

export interface AuditPluginOptions {
  storage: Storage;
}

/**
 * GET /api/audit: the audit trail, for admins only, by child or by user, paged by event id.
 * The query names people and children, so it is never logged (the request log has the path only).
 */
export async function auditPlugin(app: FastifyInstance, { storage }: AuditPluginOptions): Promise<void> {
  app.get('/api/audit', async (request, reply) => {
    const user = await requireUser(storage, request, reply, ['admin']);
    if (!user) return reply;
    const query = parseOrReply(auditQuerySchema, request.query, reply);
    if (!query) return reply;
    return reply.header('cache-control', 'no-store').send(await listAuditEvents(storage, query));
  });
}
