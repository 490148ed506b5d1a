import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { createPgliteStorage } from './storage/pglite-storage.ts';
import type { Storage } from './storage/storage.ts';
import { fakeIndexHtml, writeFakeBuiltApp } from './testing/fake-built-app.ts';
import { freshPostgresSchema } from './testing/postgres-test-database.ts';
import { serverVersion } from './version.ts';

// Every test talks to a listening server over real HTTP, as a browser or load balancer would.

let storage: Storage;
let staticDir: string;
const running: FastifyInstance[] = [];

beforeAll(async () => {
  storage = await createPgliteStorage();
  await storage.migrate();
  staticDir = await writeFakeBuiltApp();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

afterAll(async () => {
  await storage.close();
  await rm(staticDir, { recursive: true, force: true });
});

async function listen(app: FastifyInstance): Promise<string> {
  running.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}

function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => lines.join(''), entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const asBrowserPage = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('health check', () => {
  it('answers 200 with the database kind and version once the database answers a query', async () => {
    const base = await listen(buildServer({ storage, logger: false }));

    const response = await fetch(`${base}/api/health`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite', version: serverVersion });
  });

  it('answers 503 when the database query fails, so the load balancer stops sending traffic', async () => {
    const broken: Storage = { ...storage, query: () => Promise.reject(new Error('connection refused')) };
    const base = await listen(buildServer({ storage: broken, logger: false }));

    const response = await fetch(`${base}/api/health`);

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
  });
});

describe('serving the built app', () => {
  let base: string;
  beforeAll(async () => {
    const app = buildServer({ storage, staticDir, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    return () => app.close();
  });

  it.each([
    ['/', 'no-cache', 'text/html'],
    ['/index.html', 'no-cache', 'text/html'],
    ['/sw.js', 'no-cache', 'javascript'],
    ['/registerSW.js', 'no-cache', 'javascript'],
    ['/manifest.webmanifest', 'no-cache', 'application/manifest+json'],
    ['/workbox-5ffe50d4.js', 'public, max-age=31536000, immutable', 'javascript'],
    ['/assets/index-abc123.js', 'public, max-age=31536000, immutable', 'javascript'],
    ['/assets/index-abc123.css', 'public, max-age=31536000, immutable', 'text/css'],
    ['/icon-192.png', 'public, max-age=3600', 'image/png'],
  ])('%s is served with Cache-Control "%s" and a %s content type', async (path, cacheControl, contentType) => {
    const response = await fetch(`${base}${path}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
    expect(response.headers.get('content-type')).toContain(contentType);
  });

  it('answers a deep link such as /children/123 with the app page, so the app can route it', async () => {
    const response = await fetch(`${base}/children/123?tab=visits`, { headers: asBrowserPage });

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toBe(fakeIndexHtml);
  });

  it('answers a missing bundle with 404, not the app page, so an old service worker sees the miss', async () => {
    const response = await fetch(`${base}/assets/index-old999.js`, { headers: asBrowserPage });

    expect(response.status).toBe(404);
  });

  it('answers an unknown API path with a JSON 404, even from a browser', async () => {
    for (const headers of [{ accept: 'application/json' }, asBrowserPage]) {
      const response = await fetch(`${base}/api/nope`, { headers });

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ error: 'Not found' });
    }
  });

  it('does not serve a dotfile left in the build folder', async () => {
    const response = await fetch(`${base}/.env`, { headers: { accept: 'text/plain' } });

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do-not-serve');
  });
});

describe('without a built app', () => {
  it('still serves the API and warns that the app needs building', async () => {
    const logs = captureLogs();
    const base = await listen(buildServer({ storage, staticDir: '/nonexistent/dist', logger: { stream: logs.stream } }));

    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/`, { headers: asBrowserPage })).status).toBe(404);
    expect(logs.text()).toContain('npm run build');
  });
});

describe('logs', () => {
  const sentinel = 'Zephyrine Quillfeather said she was scared';

  it('never hold request bodies, query strings or credentials', async () => {
    const logs = captureLogs();
    const app = buildServer({ storage, staticDir, logger: { stream: logs.stream } });
    app.post('/api/test/fails', { config: { public: true } }, async () => {
      throw new Error('storage exploded');
    });
    const base = await listen(app);
    const json = { 'content-type': 'application/json' };
    const secrets = { authorization: `Bearer ${sentinel}`, cookie: `session=${sentinel}` };

    await fetch(`${base}/api/nope?q=${encodeURIComponent(sentinel)}`, {
      method: 'POST',
      headers: { ...json, ...secrets },
      body: JSON.stringify({ note: sentinel }),
    });
    await fetch(`${base}/api/test/fails`, { method: 'POST', headers: json, body: JSON.stringify({ note: sentinel }) });
    await fetch(`${base}/api/test/fails`, { method: 'POST', headers: json, body: `{"note": "${sentinel}"` });
    await fetch(`${base}/children/1?name=${encodeURIComponent(sentinel)}`, { headers: { ...asBrowserPage, ...secrets } });

    expect(logs.entries().length).toBeGreaterThan(4);
    for (const word of sentinel.split(' ').filter((w) => w.length > 5)) {
      expect(logs.text()).not.toContain(word);
    }
  });

  it('record method, path, status, response time and a request id that the reply also carries', async () => {
    const logs = captureLogs();
    const base = await listen(buildServer({ storage, logger: { stream: logs.stream } }));

    const response = await fetch(`${base}/api/nope?child=abc`, { method: 'POST' });

    const completed = logs.entries().find((entry) => entry.msg === 'request completed');
    const incoming = logs.entries().find((entry) => entry.msg === 'incoming request');
    expect(incoming).toMatchObject({ req: { method: 'POST', url: '/api/nope' } });
    expect(incoming?.req).toEqual({ method: 'POST', url: '/api/nope' });
    expect(completed).toMatchObject({ res: { statusCode: 404 }, reqId: response.headers.get('x-request-id') });
    expect(completed?.responseTime).toEqual(expect.any(Number));
  });

  it('redact credentials if any code logs a headers object itself', async () => {
    const logs = captureLogs();
    const app = buildServer({ storage, logger: { stream: logs.stream } });

    app.log.info({ headers: { authorization: `Bearer ${sentinel}`, cookie: sentinel } }, 'careless');

    expect(logs.text()).toContain('[redacted]');
    expect(logs.text()).not.toContain('Zephyrine');
    await app.close();
  });

  it('keep an error’s type and message but not the database’s copy of the row', async () => {
    const logs = captureLogs();
    const app = buildServer({ storage, logger: { stream: logs.stream } });
    app.get('/api/test/duplicate', { config: { public: true } }, async () => {
      const id = '0190b4c2-7c1e-7a00-8000-0000000000aa';
      const insert = 'insert into teams (id, name) values ($1, $2)';
      await storage.query(insert, [id, sentinel]);
      await storage.query(insert, [id, sentinel]);
    });
    const base = await listen(app);

    const response = await fetch(`${base}/api/test/duplicate`);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'Internal server error' });
    const failure = logs.entries().find((entry) => entry.msg === 'request failed');
    expect(failure?.err).toMatchObject({ message: expect.stringContaining('duplicate key') });
    expect(logs.text()).not.toContain('0190b4c2-7c1e-7a00-8000-0000000000aa');
    await storage.query('delete from teams');
  });
});

// Runs only where a PostgreSQL is provided; the PGlite run above always happens.
const postgresRuns = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];
for (const connectionString of postgresRuns) {
  describe('health check on PostgreSQL (TEST_DATABASE_URL)', () => {
    it('answers 200 and names postgres as the database', async () => {
      const database = await freshPostgresSchema(connectionString);
      try {
        await database.storage.migrate();
        const base = await listen(buildServer({ storage: database.storage, logger: false }));

        const response = await fetch(`${base}/api/health`);

        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ status: 'ok', database: 'postgres', version: serverVersion });
      } finally {
        await Promise.all(running.splice(0).map((app) => app.close()));
        await database.dispose();
      }
    });
  });
}
