import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every reply, the built PWA's included. The build has no
 * inline script or style (index.html loads /assets/*.js and *.css; vite-plugin-pwa's
 * registration is in the bundle through workbox-window, and sw.js imports workbox-*.js from
 * this origin), so nothing here is 'unsafe-inline' or 'unsafe-eval':
 * - style-src 'self' with style attributes refused: React applies `style={…}` through the
 *   CSSOM (element.style), which CSP does not govern, and govuk-frontend is CSS only here;
 * - img-src blob: for photos (shown from object URLs of IndexedDB blobs), data: for small
 *   images inlined by the CSS;
 * - no upgrade-insecure-requests: it would break the plain-http localhost set-up; HSTS below
 *   does that job where the server is reached over https.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'none'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** A year, the usual HSTS preload minimum. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Helmet's headers on every reply (API, static files, 404s and errors alike): the CSP above,
 * nosniff, Referrer-Policy no-referrer (URLs hold record ids), X-Frame-Options DENY for
 * browsers older than frame-ancestors, and the cross-origin isolation headers.
 * HSTS only when the request came over https (request.protocol follows TRUST_PROXY), since a
 * browser ignores it over http and a wrong one over https can lock users out of a host.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  // helmet is wrapped in fastify-plugin, so its hooks apply to every route registered after it.
  app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
