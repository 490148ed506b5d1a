import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, pushResponseSchema, type MutationResult } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { bodyFor, mutation, newId } from '../testing/mutations.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer } from '../testing/test-world.ts';

async function push(client: TestClient, m: ReturnType<typeof mutation>): Promise<MutationResult> {
  const reply = await client.post('/api/sync/push', { mutations: [m] });
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.body).results[0]!;
}

// On PostgreSQL the two pushes really run at once on two connections; on PGlite one at a time.
for (const database of testDatabases) {
  describe(`a sign-off racing an edit of the same record (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let practitioner: TestClient;
    let manager: TestClient;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      const world = await seedTestWorld(db.storage);
      practitioner = await server.signedIn(world.own.practitioner);
      manager = await server.signedIn(world.own.manager);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    it('either the read version is signed off and the edit refused, or the edit is kept and the sign-off refused — never both', async () => {
      const ids = Array.from({ length: 12 }, () => newId());
      for (const id of ids) await push(practitioner, mutation('visit', id, null, { status: 'submitted' }));

      const outcomes = await Promise.all(
        ids.map(async (id) => {
          const read = bodyFor('visit', id);
          const review = { contentSha256: await contentHash(read) };
          const [signOff, edit] = await Promise.all([
            push(manager, mutation('visit', id, 1, { status: 'signed-off', body: read, review })),
            push(practitioner, mutation('visit', id, 1, { status: 'submitted', note: 'a late addition' })),
          ]);
          return { id, read, signOff, edit };
        }),
      );

      for (const { id, read, signOff, edit } of outcomes) {
        const { rows } = await db.storage.query<{ status: string; body: unknown; rev: number }>('select status, body, rev from records where id = $1', [id]);
        const reviews = await db.storage.query<{ content_sha256: string }>('select content_sha256 from reviews where record_id = $1', [id]);
        const conflicts = await db.storage.query('select 1 from record_conflicts where record_id = $1', [id]);
        if (signOff.status === 'applied') {
          expect(edit).toMatchObject({ status: 'rejected', code: 'signed-off' });
          expect(rows[0]).toEqual({ status: 'signed-off', body: read, rev: 2 });
          expect(reviews.rows).toEqual([{ content_sha256: await contentHash(read) }]);
        } else {
          expect(signOff).toMatchObject({ status: 'rejected', code: 'changed-since-read' });
          expect(edit).toMatchObject({ status: 'applied', rev: 2 });
          expect(rows[0]).toMatchObject({ status: 'submitted', rev: 2 });
          expect(reviews.rows).toEqual([]);
        }
        expect(conflicts.rows).toEqual([]);
      }
    });
  });
}
