import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, pullResponseSchema, pushResponseSchema, type PullChange } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { bodyFor, mutation, newId } from '../testing/mutations.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

async function push(client: TestClient, ...mutations: ReturnType<typeof mutation>[]) {
  const reply = await client.post('/api/sync/push', { mutations });
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.body).results;
}

async function pullAll(client: TestClient, since = '0', limit = 1000): Promise<{ changes: PullChange[]; cursor: string }> {
  const changes: PullChange[] = [];
  let cursor = since;
  for (;;) {
    const reply = await client.get(`/api/sync/pull?since=${cursor}&limit=${limit}`);
    expect(reply.status).toBe(200);
    const page = pullResponseSchema.parse(reply.body);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

for (const database of testDatabases) {
  describe(`push and pull (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    let practitioner: TestClient;
    let colleague: TestClient;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
      practitioner = await server.signedIn(world.own.practitioner);
      colleague = await server.signedIn(world.own.manager);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    it('applies a new record at rev 1 and an edit from rev 1 at rev 2', async () => {
      const id = newId();
      const [created] = await push(practitioner, mutation('visit', id, null));
      const [edited] = await push(practitioner, mutation('visit', id, 1, { note: 'second' }));
      expect(created).toMatchObject({ status: 'applied', rev: 1 });
      expect(edited).toMatchObject({ status: 'applied', rev: 2 });
      const { rows } = await db.storage.query<{ team_id: string; rev: number }>('select team_id, rev from records where id = $1', [id]);
      expect(rows).toEqual([{ team_id: world.own.id, rev: 2 }]);
    });

    it('a repeated mutation id is a duplicate with the earlier result, even after the record moved on', async () => {
      const id = newId();
      const first = mutation('child', id, null);
      await push(practitioner, first);
      await push(colleague, mutation('child', id, 1, { note: 'Samuel' }));

      const [again] = await push(practitioner, first);

      expect(again).toEqual({ mutationId: first.mutationId, status: 'duplicate', earlier: 'applied', rev: 1 });
      const { rows } = await db.storage.query<{ rev: number }>('select rev from records where id = $1', [id]);
      expect(rows[0]!.rev).toBe(2);
      const kept = await db.storage.query('select 1 from mutations where mutation_id = $1', [first.mutationId]);
      expect(kept.rows).toHaveLength(1);
    });

    it('a duplicate inside one batch is applied once', async () => {
      const id = newId();
      const m = mutation('visit', id, null);
      const results = await push(practitioner, m, m);
      expect(results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    });

    it('an edit from a stale revision is kept as a conflict copy, and pull shows both to the team', async () => {
      const id = newId();
      await push(practitioner, mutation('visit', id, null, { note: 'original' }));
      const { cursor } = await pullAll(colleague);
      await push(colleague, mutation('visit', id, 1, { note: 'manager edit' }));

      const stale = mutation('visit', id, 1, { note: 'practitioner edit offline' });
      const [result] = await push(practitioner, stale);

      expect(result).toMatchObject({ status: 'conflict', serverRecord: { id, rev: 2, body: { note: { whatHappened: 'manager edit' } } } });
      const conflictId = result!.status === 'conflict' ? result!.conflictId : '';
      const [retried] = await push(practitioner, stale);
      expect(retried).toMatchObject({ status: 'duplicate', earlier: 'conflict', rev: null, conflictId });

      const { changes } = await pullAll(colleague, cursor);
      const copy = changes.find((c) => c.kind === 'conflict' && c.conflict.recordId === id);
      expect(copy).toMatchObject({
        kind: 'conflict',
        conflict: { id: conflictId, baseRev: 1, serverRev: 2, body: { note: { whatHappened: 'practitioner edit offline' } }, resolvedAt: null },
      });
      expect(changes.find((c) => c.kind === 'record' && c.record.id === id)).toMatchObject({ record: { rev: 2 } });
    });

    it('a merged version that resolves the conflict marks the copy resolved, and pull says so', async () => {
      const id = newId();
      await push(practitioner, mutation('visit', id, null));
      await push(colleague, mutation('visit', id, 1, { note: 'theirs' }));
      const [conflict] = await push(practitioner, mutation('visit', id, 1, { note: 'mine' }));
      const conflictId = conflict!.status === 'conflict' ? conflict!.conflictId : '';
      const { cursor } = await pullAll(practitioner);

      const [merged] = await push(practitioner, mutation('visit', id, 2, { note: 'both', resolvesConflicts: [conflictId] }));

      expect(merged).toMatchObject({ status: 'applied', rev: 3 });
      const { changes } = await pullAll(practitioner, cursor);
      expect(changes.find((c) => c.kind === 'conflict')).toMatchObject({ conflict: { id: conflictId, resolvedByRev: 3 } });
    });

    it('creating a record whose id already exists is a conflict, not an overwrite', async () => {
      const id = newId();
      await push(practitioner, mutation('child', id, null, { note: 'first device' }));
      const [second] = await push(colleague, mutation('child', id, null, { note: 'second device' }));
      expect(second).toMatchObject({ status: 'conflict', serverRecord: { rev: 1, body: { name: 'first device' } } });
    });

    it('rejects a body that does not match its schema, and stores nothing', async () => {
      const id = newId();
      const bad = mutation('child', id, null, { body: { id, name: 'Sam', dateOfBirth: 'last spring', involvements: [] } });
      const [result] = await push(practitioner, bad);
      expect(result).toMatchObject({ status: 'rejected', code: 'schema' });
      expect(result!.status === 'rejected' && result!.reason).toMatch(/dateOfBirth/);
      expect((await db.storage.query('select 1 from records where id = $1', [id])).rows).toEqual([]);
      expect((await db.storage.query('select 1 from mutations where mutation_id = $1', [bad.mutationId])).rows).toEqual([]);
    });

    it('rejects a body with a field its schema does not name, naming where it is, and stores nothing', async () => {
      const id = newId();
      const visit = bodyFor('visit', id);
      const bodies = {
        top: { ...visit, seenAlone: 'yes' },
        nested: { ...visit, contact: { ...(visit.contact as object), seenAlone: 'yes' } },
      };
      for (const [where, body] of Object.entries(bodies)) {
        const [result] = await push(practitioner, mutation('visit', id, null, { body }));
        expect(result, where).toMatchObject({ status: 'rejected', code: 'schema' });
        expect(result!.status === 'rejected' && result!.reason, where).toMatch(
          where === 'top' ? /^The visit record does not match its schema at seenAlone: / : /^The visit record does not match its schema at contact\.seenAlone: /,
        );
      }
      const [work] = await push(practitioner, mutation('direct-work', newId(), null, { body: { childId: '', childsWords: 'hi', mood: 'happy' } }));
      expect(work).toMatchObject({ status: 'rejected', code: 'schema', reason: expect.stringMatching(/at mood: Unrecognized key/) });
      expect((await db.storage.query('select 1 from records where id = $1', [id])).rows).toEqual([]);
    });

    it('rejects a body over 1 MB', async () => {
      const [result] = await push(practitioner, mutation('addendum', newId(), null, { body: { text: 'x'.repeat(1024 * 1024) } }));
      expect(result).toMatchObject({ status: 'rejected', code: 'schema', reason: 'The record is larger than 1 MB' });
    });

    it("rejects an edit to another team's record and leaves it as it was", async () => {
      const id = newId();
      const elsewhere = await server.signedIn(world.other.practitioner);
      await push(elsewhere, mutation('visit', id, null, { note: 'theirs' }));

      const [result] = await push(practitioner, mutation('visit', id, 1, { note: 'mine' }));

      expect(result).toMatchObject({ status: 'rejected', code: 'permission' });
      const { rows } = await db.storage.query<{ rev: number; team_id: string }>('select rev, team_id from records where id = $1', [id]);
      expect(rows).toEqual([{ rev: 1, team_id: world.other.id }]);
    });

    it('rejects a practitioner signing off; a manager can, and then the record is frozen', async () => {
      const id = newId();
      await push(practitioner, mutation('visit', id, null, { status: 'submitted' }));
      const review = { contentSha256: await contentHash(bodyFor('visit', id)) };
      const [byPractitioner] = await push(practitioner, mutation('visit', id, 1, { status: 'signed-off', review }));
      const [byManager] = await push(colleague, mutation('visit', id, 1, { status: 'signed-off', review }));
      const [after] = await push(practitioner, mutation('visit', id, 2, { note: 'late change' }));
      expect(byPractitioner).toMatchObject({ status: 'rejected', code: 'permission' });
      expect(byManager).toMatchObject({ status: 'applied', rev: 2 });
      expect(after).toMatchObject({ status: 'rejected', code: 'signed-off' });
    });

    it('rejects changing a record to another type', async () => {
      const id = newId();
      await push(practitioner, mutation('visit', id, null));
      const [result] = await push(practitioner, mutation('direct-work', id, 1));
      expect(result).toMatchObject({ status: 'rejected', code: 'type-changed' });
    });

    it('a push that is not the protocol is 400 with the path of the problem', async () => {
      const reply = await practitioner.post('/api/sync/push', { mutations: [{ ...mutation('visit', newId(), null), baseRev: 0 }] });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'invalid', issues: [{ path: ['mutations', 0, 'baseRev'] }] });
    });

    it('pulls in pages: every change once, in order, and an empty page at the end keeps the cursor', async () => {
      const fresh = await server.signedIn(world.other.manager);
      const start = (await pullAll(fresh)).cursor;
      const ids = Array.from({ length: 7 }, () => newId());
      const writer = await server.signedIn(world.other.practitioner);
      await push(writer, ...ids.map((id) => mutation('visit', id, null)));

      const pages: PullChange[][] = [];
      let cursor = start;
      let hasMore = true;
      while (hasMore) {
        const page = pullResponseSchema.parse((await fresh.get(`/api/sync/pull?since=${cursor}&limit=3`)).body);
        pages.push(page.changes);
        cursor = page.nextCursor;
        hasMore = page.hasMore;
      }

      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      const seen = pages.flat().map((c) => (c.kind === 'record' ? c.record.id : ''));
      expect(seen).toEqual(ids);
      const cursors = pages.flat().map((c) => BigInt(c.cursor));
      expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
      const last = pullResponseSchema.parse((await fresh.get(`/api/sync/pull?since=${cursor}`)).body);
      expect(last).toEqual({ changes: [], nextCursor: cursor, hasMore: false });
    });

    it('a record changed twice since the cursor is pulled once, at its latest revision', async () => {
      const id = newId();
      const { cursor } = await pullAll(colleague);
      await push(practitioner, mutation('visit', id, null), mutation('visit', id, 1, { note: 'two' }));
      const { changes } = await pullAll(colleague, cursor);
      expect(changes.filter((c) => c.kind === 'record' && c.record.id === id)).toMatchObject([{ record: { rev: 2 } }]);
    });

    it('rejects a cursor or limit that is not a whole number', async () => {
      expect((await practitioner.get('/api/sync/pull?since=abc')).status).toBe(400);
      expect((await practitioner.get('/api/sync/pull?limit=0')).status).toBe(400);
      expect((await practitioner.get('/api/sync/pull?limit=5000')).status).toBe(400);
    });
  });
}
