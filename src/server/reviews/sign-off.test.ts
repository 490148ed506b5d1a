import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentHash,
  pullResponseSchema,
  pushResponseSchema,
  type MutationResult,
  type RecordType,
  type ReviewRequest,
  type ServerRecord,
} from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { bodyFor, mutation, newId } from '../testing/mutations.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

type Body = Record<string, unknown>;

async function push(client: TestClient, m: ReturnType<typeof mutation>): Promise<MutationResult> {
  const reply = await client.post('/api/sync/push', { mutations: [m] });
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.body).results[0]!;
}

/** What a device has after pulling: the latest version of the record, as the server sent it. */
async function read(client: TestClient, id: string): Promise<ServerRecord> {
  const reply = await client.get('/api/sync/pull?since=0&limit=1000');
  const found = pullResponseSchema
    .parse(reply.body)
    .changes.flatMap((change) => (change.kind === 'record' && change.record.id === id ? [change.record] : []));
  expect(found).toHaveLength(1);
  return found[0]!;
}

for (const database of testDatabases) {
  describe(`sign-off of an exact revision (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    let practitioner: TestClient;
    let observer: TestClient;
    let manager: TestClient;
    let otherManager: TestClient;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
      practitioner = await server.signedIn(world.own.practitioner);
      observer = await server.signedIn(world.own.observer);
      manager = await server.signedIn(world.own.manager);
      otherManager = await server.signedIn(world.other.manager);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    /** A record its author has sent for sign-off (rev 1): a visit by the practitioner, an observation by the observer. */
    async function submitted(type: RecordType = 'visit', note = 'first'): Promise<{ id: string; body: Body }> {
      const id = newId();
      const body = bodyFor(type, id, note);
      const author = type === 'observation' ? observer : practitioner;
      const observed = type === 'observation' ? { observedPractitionerId: world.own.practitioner.id } : {};
      expect(await push(author, mutation(type, id, null, { status: 'submitted', body, ...observed }))).toMatchObject({ status: 'applied', rev: 1 });
      return { id, body };
    }

    const review = async (body: Body, comment?: string): Promise<ReviewRequest> => ({
      contentSha256: await contentHash(body),
      ...(comment === undefined ? {} : { comment }),
    });

    async function stored(id: string) {
      const record = (await db.storage.query<{ rev: number; status: string; body: Body }>('select rev, status, body from records where id = $1', [id])).rows[0]!;
      const count = async (table: string) =>
        (await db.storage.query<{ n: number }>(`select count(*)::int as n from ${table} where record_id = $1`, [id])).rows[0]!.n;
      return { ...record, reviews: await count('reviews'), conflicts: await count('record_conflicts'), mutations: await count('mutations') };
    }

    it('a manager signs off the revision they read: the review is kept with its content hash, and pull shows it', async () => {
      const { id, body } = await submitted();
      const read1 = await read(manager, id);
      expect(read1.review).toBeNull();

      const result = await push(manager, mutation('visit', id, read1.rev, { status: 'signed-off', body: read1.body, review: await review(read1.body, 'Good, thorough note') }));

      expect(result).toMatchObject({ status: 'applied', rev: 2 });
      const { rows } = await db.storage.query('select action, rev, content_sha256, reviewed_by, comment from reviews where record_id = $1', [id]);
      expect(rows).toEqual([
        { action: 'signed-off', rev: 2, content_sha256: await contentHash(body), reviewed_by: world.own.manager.id, comment: 'Good, thorough note' },
      ]);
      const after = await read(practitioner, id);
      expect(after).toMatchObject({ status: 'signed-off', rev: 2, body, updatedBy: world.own.manager.id });
      expect(after.review).toMatchObject({
        action: 'signed-off',
        rev: 2,
        contentSha256: await contentHash(after.body),
        by: world.own.manager.id,
        byName: world.own.manager.name,
        comment: 'Good, thorough note',
      });
      expect(Number.isNaN(Date.parse(after.review!.at))).toBe(false);
    });

    it('a manager signs off an observation of their team, which then shows the review to the observer', async () => {
      const { id, body } = await submitted('observation');
      expect(await push(manager, mutation('observation', id, 1, { status: 'signed-off', body, observedPractitionerId: world.own.practitioner.id, review: await review(body) }))).toMatchObject({ status: 'applied', rev: 2 });
      const seen = await read(observer, id);
      expect(seen).toMatchObject({ status: 'signed-off', observedPractitionerId: world.own.practitioner.id, review: { action: 'signed-off', comment: null } });
    });

    const stale: { what: string; change: (id: string, body: Body) => Promise<{ baseRev: number; body: Body; hashOf: Body }> }[] = [
      {
        what: 'the practitioner edited it after the manager read it',
        async change(id, body) {
          await push(practitioner, mutation('visit', id, 1, { status: 'submitted', note: 'edited after it was read' }));
          return { baseRev: 1, body, hashOf: body };
        },
      },
      {
        what: 'the content hash is not that of the current body',
        async change(id, body) {
          return { baseRev: 1, body, hashOf: { ...body, step: 'another' } };
        },
      },
      {
        what: 'the pushed body is not the current body',
        async change(id, body) {
          return { baseRev: 1, body: { ...body, note: { ...(body.note as object), whatHappened: 'changed by the manager' } }, hashOf: body };
        },
      },
      {
        what: 'the practitioner took it back to draft, same content',
        async change(id, body) {
          await push(practitioner, mutation('visit', id, 1, { status: 'draft', body }));
          return { baseRev: 2, body, hashOf: body };
        },
      },
    ];

    it.each(stale)("is rejected 'changed-since-read' and leaves the record untouched when $what", async ({ change }) => {
      const { id, body } = await submitted();
      const signOff = await change(id, body);
      const before = await stored(id);

      const result = await push(manager, mutation('visit', id, signOff.baseRev, { status: 'signed-off', body: signOff.body, review: await review(signOff.hashOf) }));

      expect(result).toMatchObject({ status: 'rejected', code: 'changed-since-read' });
      expect(result.status === 'rejected' && result.reason).toBe('This record changed after you opened it. Open the new version before signing it off.');
      expect(await stored(id)).toEqual(before);
      expect(before.status).not.toBe('signed-off');
      expect(before.conflicts).toBe(0);
      expect(before.reviews).toBe(0);
    });

    it('only a manager of the record’s team signs off, only with the hash, and never a child’s details', async () => {
      const { id, body } = await submitted();
      const signOff = async (client: TestClient, extra: Partial<Parameters<typeof mutation>[3]> = {}) =>
        push(client, mutation('visit', id, 1, { status: 'signed-off', body, review: await review(body), ...extra }));

      expect(await signOff(practitioner)).toMatchObject({ status: 'rejected', code: 'permission' });
      expect(await signOff(otherManager)).toMatchObject({ status: 'rejected', code: 'permission' });
      expect(await push(manager, mutation('visit', id, 1, { status: 'signed-off', body }))).toMatchObject({ status: 'rejected', code: 'schema' });
      expect(await push(practitioner, mutation('visit', id, 1, { status: 'submitted', body, review: await review(body) }))).toMatchObject({ status: 'rejected', code: 'schema' });
      expect(await push(practitioner, mutation('visit', id, 1, { status: 'returned', body }))).toMatchObject({ status: 'rejected', code: 'permission' });
      expect(await stored(id)).toMatchObject({ rev: 1, status: 'submitted', reviews: 0 });

      const child = newId();
      const childBody = bodyFor('child', child);
      await push(practitioner, mutation('child', child, null, { status: 'submitted', body: childBody }));
      expect(await push(manager, mutation('child', child, 1, { status: 'signed-off', body: childBody, review: await review(childBody) }))).toMatchObject({ status: 'rejected', code: 'schema' });

      const fresh = newId();
      expect(await push(manager, mutation('visit', fresh, null, { status: 'signed-off', review: await review(bodyFor('visit', fresh)) }))).toMatchObject({ status: 'rejected', code: 'schema' });
    });

    const frozen: { who: string; type: RecordType; base: 'current' | 'old'; expected: string }[] = [
      { who: 'practitioner', type: 'visit', base: 'current', expected: 'signed-off' },
      { who: 'practitioner', type: 'visit', base: 'old', expected: 'signed-off' },
      { who: 'manager', type: 'visit', base: 'current', expected: 'signed-off' },
      { who: 'manager', type: 'visit', base: 'old', expected: 'signed-off' },
      { who: 'observer', type: 'visit', base: 'current', expected: 'permission' },
      { who: 'observer', type: 'observation', base: 'current', expected: 'signed-off' },
      { who: 'observer', type: 'observation', base: 'old', expected: 'signed-off' },
      { who: 'manager', type: 'observation', base: 'old', expected: 'signed-off' },
      { who: 'admin', type: 'visit', base: 'old', expected: '403' },
    ];

    it.each(frozen)('a signed-off $type cannot be changed by the $who from the $base revision ($expected), and no conflict copy is made', async ({ who, type, base, expected }) => {
      const { id, body } = await submitted(type);
      const observed = type === 'observation' ? { observedPractitionerId: world.own.practitioner.id } : {};
      expect(await push(manager, mutation(type, id, 1, { status: 'signed-off', body, review: await review(body), ...observed }))).toMatchObject({ status: 'applied', rev: 2 });
      const before = await stored(id);
      const client = who === 'admin' ? await server.signedIn(world.admin) : { practitioner, observer, manager }[who as 'practitioner']!;

      const replies = await Promise.all(
        (['draft', 'submitted', 'signed-off'] as const).map(async (status) => {
          const m = mutation(type, id, base === 'current' ? 2 : 1, { status, note: 'a late change', review: status === 'signed-off' ? await review(body) : undefined, ...observed });
          const reply = await client.post('/api/sync/push', { mutations: [m] });
          return reply.status === 200 ? `${reply.body.results[0].code}` : String(reply.status);
        }),
      );

      expect(replies).toEqual([expected, expected, expected]);
      expect(await stored(id)).toEqual(before);
      expect(before).toMatchObject({ rev: 2, status: 'signed-off', conflicts: 0, reviews: 1 });
    });

    it('a returned record goes back with a comment, is edited and resubmitted, and the new revision is signed off', async () => {
      const { id, body } = await submitted();

      expect(await push(manager, mutation('visit', id, 1, { status: 'returned', body, review: await review(body) }))).toMatchObject({ status: 'rejected', code: 'schema' });
      expect(await push(manager, mutation('visit', id, 1, { status: 'returned', body, review: await review(body, '  ') }))).toMatchObject({ status: 'rejected', code: 'schema' });
      expect(await push(manager, mutation('visit', id, 1, { status: 'returned', body, review: await review(body, 'Say whether Sam was seen alone') }))).toMatchObject({ status: 'applied', rev: 2 });
      const returned = await read(practitioner, id);
      expect(returned).toMatchObject({ status: 'returned', rev: 2, body, review: { action: 'returned', rev: 2, comment: 'Say whether Sam was seen alone' } });
      // A device still on rev 1 gets a conflict whose server version carries the review too.
      const stale = await push(practitioner, mutation('visit', id, 1, { status: 'submitted', note: 'from an old tablet' }));
      expect(stale).toMatchObject({ status: 'conflict', serverRecord: { rev: 2, review: { action: 'returned', by: world.own.manager.id } } });

      // The author works on it: a draft that keeps it returned, then sends it for sign-off again.
      expect(await push(practitioner, mutation('visit', id, 2, { status: 'returned', note: 'Sam was seen alone in his room' }))).toMatchObject({ status: 'applied', rev: 3 });
      const resubmitted = bodyFor('visit', id, 'Sam was seen alone in his room, and showed me his drawings');
      expect(await push(practitioner, mutation('visit', id, 3, { status: 'submitted', body: resubmitted }))).toMatchObject({ status: 'applied', rev: 4 });
      expect((await read(manager, id)).review).toMatchObject({ action: 'returned', rev: 2 });

      expect(await push(manager, mutation('visit', id, 4, { status: 'signed-off', body, review: await review(body) }))).toMatchObject({ status: 'rejected', code: 'changed-since-read' });
      expect(await push(manager, mutation('visit', id, 4, { status: 'signed-off', body: resubmitted, review: await review(resubmitted) }))).toMatchObject({ status: 'applied', rev: 5 });

      const signed = await read(practitioner, id);
      expect(signed).toMatchObject({ status: 'signed-off', rev: 5, body: resubmitted, review: { action: 'signed-off', rev: 5, contentSha256: await contentHash(resubmitted) } });
      const { rows } = await db.storage.query('select action, rev from reviews where record_id = $1 order by id', [id]);
      expect(rows).toEqual([{ action: 'returned', rev: 2 }, { action: 'signed-off', rev: 5 }]);
    });

    it('a stale return is rejected like a stale sign-off, with its own words', async () => {
      const { id, body } = await submitted();
      await push(practitioner, mutation('visit', id, 1, { status: 'submitted', note: 'changed' }));
      const result = await push(manager, mutation('visit', id, 1, { status: 'returned', body, review: await review(body, 'More detail please') }));
      expect(result).toEqual({
        mutationId: expect.any(String),
        status: 'rejected',
        code: 'changed-since-read',
        reason: 'This record changed after you opened it. Open the new version before returning it.',
      });
      expect(await stored(id)).toMatchObject({ rev: 2, status: 'submitted', reviews: 0, conflicts: 0 });
    });
  });
}
