import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/sync/index.ts';

/** Everything else may change data, whatever its name. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence besides SameSite=Strict, for every unsafe request to any route:
 * - it must carry `x-doorstep: 1`: a cross-site form, image or link cannot set a custom header,
 *   and a cross-site fetch that sets one needs a CORS preflight this server never grants;
 * - a browser's `Sec-Fetch-Site` must be same-origin (or none: typed by the user), and an
 *   `Origin`, when sent, must be this server's host.
 * It is decided on the matched route, never on the raw URL: the router decodes the path, so
 * `/%61pi/sync/push` is the push route, and a prefix test on request.url let it through.
 */
export function installCsrfGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE.has(request.method)) return;
    // No route matched: the not-found handler answers 404 and changes nothing.
    if (request.routeOptions.url === undefined) return;
    const refusal = crossSiteRefusal(request);
    if (refusal !== undefined) return refuse(reply, refusal);
    if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      return refuse(reply, `Requests that change data must send the ${CSRF_HEADER} header`);
    }
  });
}

function crossSiteRefusal(request: FastifyRequest): string | undefined {
  const site = request.headers['sec-fetch-site'];
  // same-site is refused too: the app only ever calls its own origin, and a sibling
  // subdomain (another council service) is not this app.
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `Requests that change data must come from this app (Sec-Fetch-Site: ${site})`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && originHost(origin) !== (request.host ?? '').toLowerCase()) {
    // The host alone, not the scheme: behind a TLS proxy without TRUST_PROXY the server sees
    // http while the page is https, and the host is what another site cannot fake.
    return `Requests that change data must come from this app (Origin ${origin.slice(0, 100)} is not ${request.host}; behind a proxy, pass the Host header on)`;
  }
  return undefined;
}

/** `null` (sandboxed frames, file://) and anything unparsable are foreign. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function refuse(reply: FastifyReply, error: string): FastifyReply {
  return reply.code(403).send({ error, code: 'csrf' });
}
