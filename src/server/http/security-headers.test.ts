import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStorage } from '../storage/pglite-storage.ts';
import type { Storage } from '../storage/storage.ts';
import { writeFakeBuiltApp } from '../testing/fake-built-app.ts';
import { startServer, type RunningServer } from '../testing/test-world.ts';

// Headers only: the database is never read beyond health, so PGlite alone (no PostgreSQL run).
let storage: Storage;
let staticDir: string;
let server: RunningServer;
let behindProxy: RunningServer;

beforeAll(async () => {
  storage = await createPgliteStorage();
  await storage.migrate();
  staticDir = await writeFakeBuiltApp();
  server = await startServer(storage, { staticDir });
  behindProxy = await startServer(storage, { staticDir, trustProxy: true });
}, 180_000); // a hang guard: starting PGlite took over 60 s while other agents loaded both cores

afterAll(async () => {
  await server.close();
  await behindProxy.close();
  await storage.close();
  await rm(staticDir, { recursive: true, force: true });
});

/** The CSP as a map of directive → its value. */
function policy(headers: Headers): Map<string, string> {
  const csp = headers.get('content-security-policy') ?? '';
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));
}

const replies: [what: string, path: string, init?: RequestInit][] = [
  ['the API', '/api/health'],
  ['a signed-out API call', '/api/sync/pull'],
  ['a CSRF refusal', '/api/auth/sign-out', { method: 'POST' }],
  ['an unknown API path', '/api/nothing-here'],
  ['the app (index.html)', '/', { headers: { accept: 'text/html' } }],
  ['a deep link', '/children/abc', { headers: { accept: 'text/html' } }],
  ['a bundle', '/assets/index-abc123.js'],
  ['the service worker', '/sw.js'],
];

describe('security headers on every reply', () => {
  for (const [what, path, init] of replies) {
    it(`${what} (${path}) carries the CSP, nosniff, Referrer-Policy and frame refusal`, async () => {
      const response = await fetch(server.url + path, init);
      await response.arrayBuffer();
      const csp = policy(response.headers);
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self'");
      expect(csp.get('style-src-attr')).toBe("'none'");
      expect(csp.get('img-src')).toBe("'self' blob: data:");
      expect(csp.get('connect-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect([...csp.values()].join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    });
  }

  it('sends HSTS only when the request came over https', async () => {
    const plain = await fetch(`${server.url}/api/health`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    // Without TRUST_PROXY a forged X-Forwarded-Proto is not believed.
    const forged = await fetch(`${server.url}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers.get('strict-transport-security')).toBeNull();

    const viaTls = await fetch(`${behindProxy.url}/`, { headers: { 'x-forwarded-proto': 'https', accept: 'text/html' } });
    expect(viaTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const viaPlain = await fetch(`${behindProxy.url}/api/health`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(viaPlain.headers.get('strict-transport-security')).toBeNull();
  });
});
