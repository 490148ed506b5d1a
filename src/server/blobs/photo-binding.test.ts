import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type MutationResult } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { storeBlob } from './blob-store.ts';
import type { TestClient } from '../testing/http-client.ts';
import { bodyFor, mutation, newId } from '../testing/mutations.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { addTestUser, seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

/**
 * Issue 11, item 3: a photo is bound to the records it was legitimately attached to. Knowing
 * its SHA-256 (from a log, a screenshot, another team's device) must not be enough to attach
 * it to one's own record and read it through that record.
 */
async function pushOne(client: TestClient, m: ReturnType<typeof mutation>): Promise<MutationResult> {
  const reply = await client.post('/api/sync/push', { mutations: [m] });
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.body).results[0]!;
}

async function upload(client: TestClient): Promise<string> {
  const bytes = randomBytes(256);
  const sha = createHash('sha256').update(bytes).digest('hex');
  expect((await client.request('PUT', `/api/blobs/${sha}`, undefined, { raw: bytes })).status).toBe(201);
  return sha;
}

for (const database of testDatabases) {
  describe(`photos bound to the records that legitimately hold them (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    const clients = new Map<string, TestClient>();
    const as = async (user: TestWorld['own']['practitioner']) => {
      if (!clients.has(user.id)) clients.set(user.id, await server.signedIn(user));
      return clients.get(user.id)!;
    };

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    /** Team A's practitioner uploads a photo and pushes a visit listing it. */
    async function ownTeamPhoto(): Promise<{ sha: string; recordId: string }> {
      const author = await as(world.own.practitioner);
      const sha = await upload(author);
      const recordId = newId();
      expect(await pushOne(author, mutation('visit', recordId, null, { blobs: [sha] }))).toMatchObject({ status: 'applied' });
      return { sha, recordId };
    }

    it("refuses another team's photo in a record at push, naming the photo, and the hash still reads 404", async () => {
      const { sha } = await ownTeamPhoto();
      const outsider = await as(world.other.practitioner);
      expect((await outsider.get(`/api/blobs/${sha}`)).status).toBe(404);

      const visit = await pushOne(outsider, mutation('visit', newId(), null, { blobs: [sha] }));
      const work = await pushOne(outsider, mutation('direct-work', newId(), null, { blobs: [sha] }));

      for (const result of [visit, work]) {
        expect(result).toMatchObject({ status: 'rejected', code: 'permission' });
        expect(result.status === 'rejected' && result.reason).toContain(sha);
      }
      expect((await outsider.get(`/api/blobs/${sha}`)).status).toBe(404);
      const { rows } = await db.storage.query<{ n: number }>(
        `select count(*)::int as n from records where team_id = $1 and blobs @> array[$2]`,
        [world.other.id, sha],
      );
      expect(rows[0]!.n).toBe(0);
    });

    it("refuses another team's photo added to the outsider's existing record, keeping that record as it was", async () => {
      const { sha } = await ownTeamPhoto();
      const outsider = await as(world.other.practitioner);
      const id = newId();
      expect(await pushOne(outsider, mutation('visit', id, null))).toMatchObject({ status: 'applied' });

      expect(await pushOne(outsider, mutation('visit', id, 1, { note: 'with a photo', blobs: [sha] }))).toMatchObject({
        status: 'rejected',
        code: 'permission',
      });
      expect((await outsider.get(`/api/blobs/${sha}`)).status).toBe(404);
    });

    it('does not serve a photo through a record whose link to it was never accepted (written before this check)', async () => {
      const { sha } = await ownTeamPhoto();
      const outsiderUser = world.other.practitioner;
      // What the unchecked push used to store: team B's visit listing team A's photo.
      await db.storage.query(
        `insert into records (id, type, rev, body, status, team_id, created_by, updated_by, blobs, seq)
         values ($1, 'visit', 1, $2::jsonb, 'draft', $3, $4, $4, array[$5], nextval('change_seq'))`,
        [newId(), JSON.stringify(bodyFor('visit', 'x')), world.other.id, outsiderUser.id, sha],
      );
      expect((await (await as(outsiderUser)).get(`/api/blobs/${sha}`)).status).toBe(404);
      expect((await (await as(world.other.manager)).get(`/api/blobs/${sha}`)).status).toBe(404);
    });

    it("serves the uploader's own record's photo to the uploader and to their team's manager, not to another team", async () => {
      const { sha } = await ownTeamPhoto();
      expect((await (await as(world.own.practitioner)).get(`/api/blobs/${sha}`)).status).toBe(200);
      expect((await (await as(world.own.manager)).get(`/api/blobs/${sha}`)).status).toBe(200);
      expect((await (await as(world.other.manager)).get(`/api/blobs/${sha}`)).status).toBe(404);
    });

    it('lets a manager edit the record keeping its photo, and a teammate who can write it re-list the photo in a second record', async () => {
      const { sha, recordId } = await ownTeamPhoto();
      const manager = await as(world.own.manager);
      expect(await pushOne(manager, mutation('visit', recordId, 1, { note: 'checked', blobs: [sha] }))).toMatchObject({
        status: 'applied',
        rev: 2,
      });

      // A second practitioner of the team: did not upload the photo, may write the first record.
      const teammate = await as(await addTestUser(db.storage, 'practitioner', world.own.id, world.own.manager.id));
      const second = newId();
      expect(await pushOne(teammate, mutation('visit', second, null, { blobs: [sha] }))).toMatchObject({ status: 'applied' });
      expect((await teammate.get(`/api/blobs/${sha}`)).status).toBe(200);
    });

    it("refuses the photo to a teammate who cannot write any record holding it (an observer's observation)", async () => {
      const { sha } = await ownTeamPhoto();
      const observer = await as(world.own.observer);
      const result = await pushOne(
        observer,
        mutation('observation', newId(), null, { blobs: [sha], observedPractitionerId: world.own.practitioner.id }),
      );
      expect(result).toMatchObject({ status: 'rejected', code: 'permission' });
    });

    it('stops serving a photo through a record once its current version no longer lists it', async () => {
      const { sha, recordId } = await ownTeamPhoto();
      const manager = await as(world.own.manager);
      expect((await manager.get(`/api/blobs/${sha}`)).status).toBe(200);
      const author = await as(world.own.practitioner);
      expect(await pushOne(author, mutation('visit', recordId, 1, { note: 'photo taken out' }))).toMatchObject({ status: 'applied' });
      expect((await manager.get(`/api/blobs/${sha}`)).status).toBe(404);
      // The uploader had the bytes anyway: reading their own upload back reveals nothing.
      expect((await author.get(`/api/blobs/${sha}`)).status).toBe(200);
    });

    it('sends a photo with cache-control no-store, like every reply carrying personal data', async () => {
      const { sha } = await ownTeamPhoto();
      const reply = await (await as(world.own.manager)).get(`/api/blobs/${sha}`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe(`migration 008 keeps only the photo links a push would have accepted (${database.name})`, () => {
    it("keeps a record's link to a photo its author or a teammate uploaded, drops one to another team's upload", async () => {
      const db = await database.fresh();
      try {
        const world = await seedTestWorld(db.storage);
        const bytes = randomBytes(64);
        const sha = createHash('sha256').update(bytes).digest('hex');
        await storeBlob(db.storage, sha, bytes, world.own.practitioner.id);
        // The database as it was before 008, holding what unchecked pushes stored.
        await db.storage.exec(`drop table record_photos; delete from schema_migrations where id = '008';`);
        const byAuthor = newId();
        const byTeammate = newId();
        const byOutsider = newId();
        for (const [id, team, author] of [
          [byAuthor, world.own.id, world.own.practitioner.id],
          [byTeammate, world.own.id, world.own.manager.id],
          [byOutsider, world.other.id, world.other.practitioner.id],
        ] as const) {
          await db.storage.query(
            `insert into records (id, type, rev, body, status, team_id, created_by, updated_by, blobs, seq)
             values ($1, 'visit', 1, '{}'::jsonb, 'draft', $2, $3, $3, array[$4, $4], nextval('change_seq'))`,
            [id, team, author, sha],
          );
        }

        expect((await db.storage.migrate()).applied).toEqual(['008']);

        const { rows } = await db.storage.query<{ record_id: string }>('select record_id from record_photos order by record_id');
        expect(rows.map((row) => row.record_id)).toEqual([byAuthor, byTeammate].sort());
      } finally {
        await db.dispose();
      }
    });
  });
}
