import type { FastifyInstance } from 'fastify';
import { auditPageSchema, auditQuerySchema } from '../../shared/sync/index.ts';
import { errorReplies, withZodSchemas } from '../http/route-schemas.ts';
import type { Storage } from '../storage/storage.ts';
import { listAuditEvents } from './audit-trail.ts';

export interface AuditPluginOptions {
  storage: Storage;
}

/**
 * GET /api/audit: the audit trail, for admins only, by child or by user, paged by event id.
 * The query names people and children, so it is never logged (the request log has the path only).
 */
export async function auditPlugin(app: FastifyInstance, { storage }: AuditPluginOptions): Promise<void> {
  withZodSchemas(app).get(
    '/api/audit',
    { config: { roles: ['admin'] }, schema: { querystring: auditQuerySchema, response: { 200: auditPageSchema, ...errorReplies } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await listAuditEvents(storage, request.query)),
  );
}
