import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sendNotFound } from './error-replies.ts';
import { NO_CACHE, cacheControlFor } from './cache-policy.ts';

export interface StaticOptions {
  /** Absolute path of the built PWA, holding index.html. */
  root: string;
}

/**
 * Serves the built PWA with the cache policy of cache-policy.ts, and answers deep links
 * (/children/abc) with index.html so the app's router can take over.
 */
export const staticPlugin: FastifyPluginAsync<StaticOptions> = async (app, { root }) => {
  await app.register(fastifyStatic, {
    root,
    cacheControl: false,
    // A dotfile in dist/ is an accident (.DS_Store, a stray .env), never part of the app.
    dotfiles: 'ignore',
    setHeaders: (response, path) => {
      response.setHeader('cache-control', cacheControlFor(relative(root, path).split(sep).join('/')));
    },
  });

  // This is the not-found handler for everything under /, API paths included (see app.ts),
  // so anything that is not a page of the app gets the JSON 404.
  app.setNotFoundHandler((request, reply) => {
    if (!isAppNavigation(request)) return sendNotFound(reply);
    return reply.code(200).header('cache-control', NO_CACHE).sendFile('index.html');
  });
};

/**
 * A browser opening a page of the app, as opposed to a script, an image or an API call
 * that missed: those must get a 404, or a stale bundle would be "found" as HTML.
 */
function isAppNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?', 1)[0]!;
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
