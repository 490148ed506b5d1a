import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestUser } from '../testing/test-world.ts';
import { mutation, newId } from '../testing/mutations.ts';
import type { TestClient } from '../testing/http-client.ts';

// Each case sends exactly the headers a browser (or an attacker's page) would, over real HTTP.
for (const database of testDatabases) {
  describe(`CSRF guard on the matched route (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let practitioner: TestUser;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      practitioner = (await seedTestWorld(db.storage)).own.practitioner;
    }, 180_000); // a hang guard: starting PGlite took over 60 s while other agents loaded both cores
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    const pushBody = () => JSON.stringify({ mutations: [mutation('visit', newId(), null)] });

    /** fetch with the signed-in client's cookie and exactly these headers. */
    async function send(client: TestClient, method: string, path: string, headers: Record<string, string>, body?: string) {
      const response = await fetch(server.url + path, { method, headers: { cookie: client.cookie!, ...headers }, body });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as { code?: string }) : undefined };
    }
    const stillSignedIn = async (client: TestClient) => (await client.get('/api/session')).status === 200;

    it('refuses a push to /%61pi/sync/push without x-doorstep: the route is /api/sync/push once decoded', async () => {
      const client = await server.signedIn(practitioner);
      const reply = await send(client, 'POST', '/%61pi/sync/push', { 'content-type': 'application/json' }, pushBody());
      expect(reply).toEqual({ status: 403, body: expect.objectContaining({ code: 'csrf' }) });
      // The same request with the header reaches the route: the guard, not a 404, stopped it.
      const allowed = await send(client, 'POST', '/%61pi/sync/push', { 'content-type': 'application/json', 'x-doorstep': '1' }, pushBody());
      expect(allowed.status).toBe(200);
    });

    it('refuses a text/plain form post to /%61pi/auth/sign-out and keeps the user signed in', async () => {
      const client = await server.signedIn(practitioner);
      const reply = await send(client, 'POST', '/%61pi/auth/sign-out', { 'content-type': 'text/plain' }, 'x=1');
      expect(reply).toEqual({ status: 403, body: expect.objectContaining({ code: 'csrf' }) });
      expect(await stillSignedIn(client)).toBe(true);
    });

    it('refuses a foreign Origin even with x-doorstep, and accepts the server’s own', async () => {
      const client = await server.signedIn(practitioner);
      const json = { 'content-type': 'application/json', 'x-doorstep': '1' };
      for (const origin of ['https://attacker.example', 'null', `http://127.0.0.1.attacker.example`]) {
        const reply = await send(client, 'POST', '/api/sync/push', { ...json, origin }, pushBody());
        expect(reply, origin).toEqual({ status: 403, body: expect.objectContaining({ code: 'csrf' }) });
      }
      expect((await send(client, 'POST', '/api/auth/sign-out', { 'x-doorstep': '1', origin: 'https://attacker.example' })).status).toBe(403);
      expect(await stillSignedIn(client)).toBe(true);
      expect((await send(client, 'POST', '/api/sync/push', { ...json, origin: server.url }, pushBody())).status).toBe(200);
    });

    it('refuses Sec-Fetch-Site cross-site and same-site even with x-doorstep, and accepts same-origin', async () => {
      const client = await server.signedIn(practitioner);
      const json = { 'content-type': 'application/json', 'x-doorstep': '1' };
      for (const site of ['cross-site', 'same-site']) {
        const reply = await send(client, 'POST', '/api/sync/push', { ...json, 'sec-fetch-site': site }, pushBody());
        expect(reply, site).toEqual({ status: 403, body: expect.objectContaining({ code: 'csrf' }) });
      }
      expect((await send(client, 'POST', '/api/sync/push', { ...json, 'sec-fetch-site': 'same-origin', origin: server.url }, pushBody())).status).toBe(200);
    });

    it('checks every unsafe method, whatever the path spelling', async () => {
      const client = await server.signedIn(practitioner);
      const hash = 'a'.repeat(64);
      const reply = await send(client, 'PUT', `/%61pi/blobs/${hash}`, { 'content-type': 'application/octet-stream' }, 'bytes');
      expect(reply).toEqual({ status: 403, body: expect.objectContaining({ code: 'csrf' }) });
    });
  });
}
