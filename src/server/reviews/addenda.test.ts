import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, pushResponseSchema, type MutationResult, type RecordStatus } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { bodyFor, mutation, newId } from '../testing/mutations.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

async function push(client: TestClient, m: ReturnType<typeof mutation>): Promise<MutationResult> {
  const reply = await client.post('/api/sync/push', { mutations: [m] });
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.body).results[0]!;
}

const addendumBody = (parentId: string, text = 'Sam’s grandmother was also present.') => ({
  parentId,
  text,
  writtenAt: '2026-04-10T09:30:00+01:00',
});

for (const database of testDatabases) {
  describe(`addenda to signed-off records (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    let practitioner: TestClient;
    let manager: TestClient;
    let otherPractitioner: TestClient;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
      practitioner = await server.signedIn(world.own.practitioner);
      manager = await server.signedIn(world.own.manager);
      otherPractitioner = await server.signedIn(world.other.practitioner);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    /** A visit by the team's practitioner, left at `status` (signed off by the manager at rev 2). */
    async function visit(status: RecordStatus): Promise<string> {
      const id = newId();
      const body = bodyFor('visit', id);
      await push(practitioner, mutation('visit', id, null, { status: status === 'draft' ? 'draft' : 'submitted', body }));
      if (status === 'signed-off') {
        const review = { contentSha256: await contentHash(body) };
        expect(await push(manager, mutation('visit', id, 1, { status: 'signed-off', body, review }))).toMatchObject({ status: 'applied' });
      }
      return id;
    }

    const rev = async (id: string) => (await db.storage.query<{ rev: number; status: string }>('select rev, status from records where id = $1', [id])).rows[0];

    it('an addendum to a signed-off visit is accepted, submitted and signed off, and the visit stays as it was', async () => {
      const parent = await visit('signed-off');
      const id = newId();

      expect(await push(practitioner, mutation('addendum', id, null, { body: addendumBody(parent, '') }))).toMatchObject({ status: 'applied', rev: 1 });
      const body = addendumBody(parent);
      expect(await push(practitioner, mutation('addendum', id, 1, { status: 'submitted', body }))).toMatchObject({ status: 'applied', rev: 2 });
      expect(await push(manager, mutation('addendum', id, 2, { status: 'signed-off', body, review: { contentSha256: await contentHash(body) } }))).toMatchObject({ status: 'applied', rev: 3 });

      expect(await rev(id)).toEqual({ rev: 3, status: 'signed-off' });
      expect(await rev(parent)).toEqual({ rev: 2, status: 'signed-off' });
      expect(await push(practitioner, mutation('addendum', id, 3, { status: 'submitted', body: addendumBody(parent, 'changed') }))).toMatchObject({ status: 'rejected', code: 'signed-off' });
    });

    it.each(['draft', 'submitted'] as const)("an addendum to a %s record is rejected 'schema': change the record itself", async (status) => {
      const parent = await visit(status);
      const result = await push(practitioner, mutation('addendum', newId(), null, { body: addendumBody(parent) }));
      expect(result).toMatchObject({ status: 'rejected', code: 'schema', reason: 'An addendum can only be added to a signed-off record: change the record itself instead' });
    });

    it("an addendum to a record the writer cannot see, or to no record, is rejected 'permission' in the same words", async () => {
      const parent = await visit('signed-off');
      const hidden = await push(otherPractitioner, mutation('addendum', newId(), null, { body: addendumBody(parent) }));
      const missing = await push(practitioner, mutation('addendum', newId(), null, { body: addendumBody('no-such-record') }));
      expect(hidden).toMatchObject({ status: 'rejected', code: 'permission', reason: 'This addendum is for a record you cannot see' });
      expect(missing).toMatchObject({ status: 'rejected', code: 'permission', reason: 'This addendum is for a record you cannot see' });
    });

    it('an addendum stays with its record, needs text once submitted, and names its record', async () => {
      const parent = await visit('signed-off');
      const another = await visit('signed-off');
      const id = newId();
      await push(practitioner, mutation('addendum', id, null, { body: addendumBody(parent) }));

      expect(await push(practitioner, mutation('addendum', id, 1, { body: addendumBody(another) }))).toMatchObject({ status: 'rejected', code: 'schema' });
      expect(await push(practitioner, mutation('addendum', id, 1, { status: 'submitted', body: addendumBody(parent, ' \n') }))).toMatchObject({ status: 'rejected', code: 'schema', reason: 'Write the addendum before sending it for sign-off' });
      expect(await push(practitioner, mutation('addendum', newId(), null, { body: { text: 'no parent', writtenAt: '2026-04-10T09:30:00Z' } }))).toMatchObject({ status: 'rejected', code: 'schema' });
      expect(await push(practitioner, mutation('addendum', newId(), null, { body: addendumBody(parent, 'x'.repeat(20_001)) }))).toMatchObject({ status: 'rejected', code: 'schema' });
      expect(await rev(id)).toEqual({ rev: 1, status: 'draft' });
    });
  });
}
