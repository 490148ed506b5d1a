import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { TestClient } from '../testing/http-client.ts';
import { mutation, newId } from '../testing/mutations.ts';
import { postgres } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

// Several instances share state only through PostgreSQL (PGlite is one process), so this runs
// where TEST_DATABASE_URL gives one.
for (const database of postgres) {
  describe(`two server instances on one PostgreSQL (${database.name})`, () => {
    let db: FreshDatabase;
    let a: RunningServer;
    let b: RunningServer;
    let world: TestWorld;

    beforeAll(async () => {
      db = await database.fresh();
      world = await seedTestWorld(db.storage);
      a = await startServer(db.storage);
      b = await startServer(await db.connectAgain!());
    }, 60_000);
    afterAll(async () => {
      await a.close();
      await b.close();
      await db.dispose();
    });

    const on = (server: RunningServer, from: TestClient) => {
      const client = new TestClient(server.url);
      client.cookie = from.cookie;
      return client;
    };

    it('a session made on one is honoured by the other, and signing out on one ends it on both', async () => {
      const onA = await a.signedIn(world.own.practitioner);
      const onB = on(b, onA);
      expect((await onB.get('/api/session')).status).toBe(200);
      await onB.post('/api/auth/sign-out');
      expect((await onA.get('/api/session')).status).toBe(401);
    });

    it('a push to one is pulled from the other', async () => {
      const onA = await a.signedIn(world.own.practitioner);
      const id = newId();
      await onA.post('/api/sync/push', { mutations: [mutation('visit', id, null)] });
      const pulled = pullResponseSchema.parse((await on(b, onA).get('/api/sync/pull?limit=1000')).body);
      expect(pulled.changes.some((c) => c.kind === 'record' && c.record.id === id)).toBe(true);
    });

    it('the same mutation sent to both at once is applied once; the other answers duplicate', async () => {
      const onA = await a.signedIn(world.own.practitioner);
      const m = mutation('visit', newId(), null);
      const replies = await Promise.all([onA, on(b, onA)].map((c) => c.post('/api/sync/push', { mutations: [m] })));
      expect(replies.map((r) => r.body.results[0].status).sort()).toEqual(['applied', 'duplicate']);
    });

    it('failed sign-ins are counted across both', async () => {
      const email = world.other.observer.email;
      for (const server of [a, b, a, b, a]) {
        expect((await server.client().post('/api/auth/sign-in', { email, password: 'wrong' })).status).toBe(401);
      }
      expect((await b.client().post('/api/auth/sign-in', { email, password: world.other.observer.password })).status).toBe(429);
    });

    it('a reader paging while many devices push through both never skips a change', async () => {
      const writers = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => on(i % 2 ? a : b, await a.signedIn(world.other.practitioner))),
      );
      const reader = await b.signedIn(world.other.manager);
      let cursor = pullResponseSchema.parse((await reader.get('/api/sync/pull?limit=1000')).body).nextCursor;
      const written: string[] = [];
      const seen = new Set<string>();
      let writing = true;

      const writing$ = Promise.all(
        writers.map(async (writer) => {
          for (let i = 0; i < 15; i++) {
            const batch = [mutation('visit', newId(), null), mutation('visit', newId(), null)];
            await writer.post('/api/sync/push', { mutations: batch });
            written.push(...batch.map((m) => m.recordId));
          }
        }),
      ).finally(() => {
        writing = false;
      });
      const reading$ = (async () => {
        while (writing) {
          const page = pullResponseSchema.parse((await reader.get(`/api/sync/pull?since=${cursor}&limit=7`)).body);
          for (const change of page.changes) if (change.kind === 'record') seen.add(change.record.id);
          cursor = page.nextCursor;
        }
      })();
      await Promise.all([writing$, reading$]);
      for (;;) {
        const page = pullResponseSchema.parse((await reader.get(`/api/sync/pull?since=${cursor}&limit=100`)).body);
        for (const change of page.changes) if (change.kind === 'record') seen.add(change.record.id);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }

      expect(written).toHaveLength(180);
      expect(written.filter((id) => !seen.has(id))).toEqual([]);
    });
  });
}
