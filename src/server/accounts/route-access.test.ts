import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app.ts';
import { createPgliteStorage } from '../storage/pglite-storage.ts';
import type { Storage } from '../storage/storage.ts';
import { withZodSchemas } from '../http/route-schemas.ts';

let storage: Storage;
const routes: RouteOptions[] = [];

beforeAll(async () => {
  storage = await createPgliteStorage();
  const app = buildServer({ storage, logger: false });
  // Added before ready(), when the concerns' plugins register their routes.
  app.addHook('onRoute', (route) => void routes.push(route));
  await app.ready();
  await app.close();
});
afterAll(async () => {
  await storage.close();
});

// Fastify adds a HEAD route for each GET route itself; count the routes the concerns declare.
const apiRoutes = () => routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
const name = (r: RouteOptions) => `${String(r.method)} ${r.url}`;
/** Routes that read nothing from the request but the session cookie. */
const takesNoInput = ['GET /api/health', 'GET /api/session', 'GET /api/team', 'POST /api/auth/sign-out'];

describe('every /api route', () => {
  it('is one of the routes the protocol names', () => {
    expect(apiRoutes().map(name).sort()).toEqual([
      'GET /api/audit',
      'GET /api/blobs/:sha256',
      'GET /api/health',
      'GET /api/key-escrow/:deviceId',
      'GET /api/session',
      'GET /api/sync/pull',
      'GET /api/team',
      'POST /api/auth/sign-in',
      'POST /api/auth/sign-out',
      'POST /api/sync/push',
      'PUT /api/blobs/:sha256',
      'PUT /api/key-escrow/:deviceId',
    ]);
  });

  it('says who may call it: some roles, or explicitly anyone', () => {
    for (const route of apiRoutes()) {
      const { roles, public: isPublic } = route.config ?? {};
      expect(roles !== undefined ? roles.length > 0 : isPublic === true, name(route)).toBe(true);
    }
    const open = apiRoutes().filter((r) => r.config?.public === true).map(name).sort();
    expect(open).toEqual(['GET /api/health', 'POST /api/auth/sign-in', 'POST /api/auth/sign-out']);
  });

  it('has a request schema for what it reads and a reply schema for success and for errors', () => {
    for (const route of apiRoutes()) {
      const schema = route.schema ?? {};
      const takesInput = schema.body !== undefined || schema.querystring !== undefined || schema.params !== undefined;
      expect(takesInput, `${name(route)} request schema`).toBe(!takesNoInput.includes(name(route)));
      const response = (schema.response ?? {}) as Record<string, unknown>;
      expect(Object.keys(response).some((code) => /^2\d\d$/.test(code)), `${name(route)} success reply`).toBe(true);
      expect(response['4xx'], `${name(route)} error reply`).toBeDefined();
    }
  });
});

describe('the role guard', () => {
  it('refuses to start a server with an /api route that does not say who may call it', async () => {
    const app = buildServer({ storage, logger: false });
    app.register(async (scope) => {
      withZodSchemas(scope).get('/api/forgotten', async () => ({}));
    });
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten must say who may call it/);
    await app.close().catch(() => {});
  });
});
