import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/sync/index.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence besides SameSite=Strict: an unsafe request to /api must carry `x-doorstep: 1`.
 * A cross-site form, image or link cannot set a custom header, and a cross-site fetch that
 * sets one needs a CORS preflight this server never grants.
 */
export function installCsrfGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    // An unknown path is answered 404 by the not-found handler; there is nothing to protect.
    if (request.routeOptions.url === undefined) return;
    if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      return reply
        .code(403)
        .send({ error: `Requests that change data must send the ${CSRF_HEADER} header`, code: 'csrf' });
    }
  });
}
