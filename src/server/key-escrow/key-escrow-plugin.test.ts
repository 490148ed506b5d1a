import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../cli/admin-command.ts';
import { FRESH_SIGN_IN_MINUTES } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

const deviceId = '0190b000-0000-7000-8000-00000000d001';
const otherDeviceId = '0190b000-0000-7000-8000-00000000d002';
// 60 bytes in base64, the shape of a wrapped data key (the server never looks inside).
const wrappedKey = Buffer.alloc(60, 7).toString('base64');
const replacement = Buffer.alloc(60, 9).toString('base64');

for (const database of testDatabases) {
  describe(`/api/key-escrow (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    it('gives the wrapped key back to the same user, freshly signed in, and replaces it on a second PUT', async () => {
      const priya = await server.signedIn(world.own.practitioner);
      expect((await priya.request('PUT', `/api/key-escrow/${deviceId}`, { wrappedKey })).status).toBe(204);
      const first = await priya.get(`/api/key-escrow/${deviceId}`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ wrappedKey });
      expect(first.headers.get('cache-control')).toBe('no-store');

      expect((await priya.request('PUT', `/api/key-escrow/${deviceId}`, { wrappedKey: replacement })).status).toBe(204);
      expect((await priya.get(`/api/key-escrow/${deviceId}`)).body).toEqual({ wrappedKey: replacement });
    });

    it("answers 404 to another user, of the same team or not, and for a device with no copy", async () => {
      const owner = await server.signedIn(world.own.observer);
      expect((await owner.request('PUT', `/api/key-escrow/${otherDeviceId}`, { wrappedKey })).status).toBe(204);

      for (const user of [world.own.manager, world.other.practitioner, world.admin]) {
        const reply = await (await server.signedIn(user)).get(`/api/key-escrow/${otherDeviceId}`);
        expect(reply.status).toBe(404);
        expect(reply.body).toMatchObject({ code: 'not-found' });
      }
      expect((await owner.get('/api/key-escrow/0190b000-0000-7000-8000-00000000dfff')).status).toBe(404);
    });

    it(`asks a session older than ${FRESH_SIGN_IN_MINUTES} minutes to sign in again (a thief's kept cookie is not enough)`, async () => {
      const client = await server.signedIn(world.other.manager);
      expect((await client.request('PUT', `/api/key-escrow/${deviceId}`, { wrappedKey })).status).toBe(204);
      await db.storage.query(
        `update sessions set created_at = now() - make_interval(mins => $2) where user_id = $1`,
        [world.other.manager.id, FRESH_SIGN_IN_MINUTES + 1],
      );

      const stale = await client.get(`/api/key-escrow/${deviceId}`);
      expect(stale.status).toBe(403);
      expect(stale.body).toMatchObject({ code: 'sign-in-again' });

      const fresh = await server.signedIn(world.other.manager);
      expect((await fresh.get(`/api/key-escrow/${deviceId}`)).body).toEqual({ wrappedKey });
    });

    it('refuses the signed-out (401), a missing CSRF header (403), and bad ids or keys with 400, never a 5xx', async () => {
      expect((await server.client().get(`/api/key-escrow/${deviceId}`)).status).toBe(401);
      const client = await server.signedIn(world.own.practitioner);
      expect((await client.request('PUT', `/api/key-escrow/${deviceId}`, { wrappedKey }, { csrf: false })).status).toBe(403);
      for (const body of [{}, { wrappedKey: 'short' }, { wrappedKey: `${wrappedKey}\u0000` }, { wrappedKey: 12 }]) {
        const reply = await client.request('PUT', `/api/key-escrow/${deviceId}`, body);
        expect(reply.status).toBe(400);
        expect(reply.body).toMatchObject({ code: 'invalid' });
      }
      expect((await client.get('/api/key-escrow/not-a-uuid')).status).toBe(400);
    });

    it("carries the team's devicePinPolicy in GET /api/team, set by `admin set-pin-policy`", async () => {
      const client = await server.signedIn(world.own.practitioner);
      expect((await client.get('/api/team')).body.devicePinPolicy).toBe('pin-6');
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), readPassword: async () => '' };
      const { rows } = await db.storage.query<{ name: string }>('select name from teams where id = $1', [world.own.id]);

      expect(await runAdmin(['set-pin-policy', '--team', rows[0]!.name, 'passphrase'], db.storage, io)).toEqual({ code: 0 });
      expect((await client.get('/api/team')).body.devicePinPolicy).toBe('passphrase');
      const other = await server.signedIn(world.other.practitioner);
      expect((await other.get('/api/team')).body.devicePinPolicy).toBe('pin-6');

      expect(await runAdmin(['set-pin-policy', '--team', rows[0]!.name, 'pin'], db.storage, io)).toEqual({ code: 0 });
      expect((await client.get('/api/team')).body.devicePinPolicy).toBe('pin-6');
      expect((await runAdmin(['set-pin-policy', '--team', rows[0]!.name, 'banana'], db.storage, io)).code).toBe(2);
      expect((await runAdmin(['set-pin-policy', '--team', 'No Such Team', 'pin'], db.storage, io)).code).toBe(1);
      expect((await runAdmin(['list-users', 'extra'], db.storage, io)).code).toBe(2);
    });
  });
}
