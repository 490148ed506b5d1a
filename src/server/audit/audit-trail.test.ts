import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema, contentHash, pullResponseSchema, pushResponseSchema, type AuditEvent, type MutationResult } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { childBody, mutation, newId, visitBody } from '../testing/mutations.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

async function push(client: TestClient, ...mutations: ReturnType<typeof mutation>[]): Promise<MutationResult[]> {
  const reply = await client.post('/api/sync/push', { mutations });
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.body).results;
}

async function pullEverything(client: TestClient, limit: number): Promise<number> {
  let cursor = '0';
  let changes = 0;
  for (;;) {
    const page = pullResponseSchema.parse((await client.get(`/api/sync/pull?since=${cursor}&limit=${limit}`)).body);
    changes += page.changes.length;
    cursor = page.nextCursor;
    if (!page.hasMore) return changes;
  }
}

const visitAbout = (id: string, childIds: string[]) => visitBody(id, 'Home visit', childIds);

interface EventRow {
  user_id: string;
  action: string;
  record_id: string | null;
  record_type: string | null;
  child_ids: string[];
  blob_sha256: string | null;
}

for (const database of testDatabases) {
  describe(`the audit trail (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    let practitioner: TestClient;
    let manager: TestClient;
    let observer: TestClient;
    let admin: TestClient;
    const logLines: string[] = [];

    beforeAll(async () => {
      db = await database.fresh();
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      });
      server = await startServer(db.storage, { logger: { stream, level: 'info' } });
      world = await seedTestWorld(db.storage);
      practitioner = await server.signedIn(world.own.practitioner);
      manager = await server.signedIn(world.own.manager);
      observer = await server.signedIn(world.own.observer);
      admin = await server.signedIn(world.admin);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    const events = async (where: string, params: unknown[]): Promise<EventRow[]> =>
      (
        await db.storage.query<EventRow>(
          `select user_id, action, record_id, record_type, child_ids, blob_sha256 from audit_events where ${where} order by id`,
          params,
        )
      ).rows;
    const count = async (userId: string) =>
      (await db.storage.query<{ n: number }>('select count(*)::int as n from audit_events where user_id = $1', [userId])).rows[0]!.n;

    /** A child, a visit about them and direct work with them, by the team's practitioner. */
    async function childWithWork() {
      const child = newId();
      const visit = newId();
      const work = newId();
      await push(
        practitioner,
        mutation('child', child, null, { body: childBody(child) }),
        mutation('visit', visit, null, { body: visitAbout(visit, [child]) }),
        mutation('direct-work', work, null, { body: { childId: child, childName: 'Sam', childsWords: 'I like my room' } }),
      );
      return { child, visit, work };
    }

    it('a pull records a read of every record on every page, with the children each is about', async () => {
      const { child, visit, work } = await childWithWork();
      const before = await count(world.own.manager.id);

      const pulled = await pullEverything(manager, 2);

      expect(await count(world.own.manager.id)).toBe(before + pulled);
      const reads = await events(`user_id = $1 and action = 'read' and record_id = any($2)`, [world.own.manager.id, [child, visit, work]]);
      expect(reads.map((e) => [e.record_id, e.record_type, e.child_ids])).toEqual(
        expect.arrayContaining([
          [child, 'child', [child]],
          [visit, 'visit', [child]],
          [work, 'direct-work', [child]],
        ]),
      );
      expect(reads).toHaveLength(3);
    });

    it('records each applied write with who made it; a rejected push and a repeated one record nothing', async () => {
      const id = newId();
      const child = newId();
      const body = visitAbout(id, [child]);
      const created = mutation('visit', id, null, { body });
      await push(practitioner, created);
      await push(practitioner, mutation('visit', id, 1, { status: 'submitted', body }));
      const hash = await contentHash(body);
      await push(manager, mutation('visit', id, 2, { status: 'returned', body, review: { contentSha256: hash, comment: 'Who else was there?' } }));
      await push(practitioner, mutation('visit', id, 3, { status: 'submitted', body }));
      expect((await push(observer, mutation('visit', id, 4, { body })))[0]).toMatchObject({ status: 'rejected' });
      expect((await push(practitioner, mutation('visit', id, 1, { body })))[0]).toMatchObject({ status: 'conflict' });
      await push(manager, mutation('visit', id, 4, { status: 'signed-off', body, review: { contentSha256: hash } }));
      expect((await push(practitioner, created))[0]).toMatchObject({ status: 'duplicate' });
      expect((await push(practitioner, mutation('visit', id, 5, { body })))[0]).toMatchObject({ status: 'rejected', code: 'signed-off' });

      const written = await events(`record_id = $1 and action <> 'read'`, [id]);
      const { practitioner: p, manager: m } = world.own;
      expect(written.map((e) => [e.user_id, e.action])).toEqual([
        [p.id, 'create'],
        [p.id, 'update'],
        [m.id, 'return'],
        [p.id, 'update'],
        [p.id, 'conflict'],
        [m.id, 'sign-off'],
      ]);
      expect(written.every((e) => e.record_type === 'visit' && e.child_ids.join() === child)).toBe(true);
    });

    it('records a photo read with the record it belongs to and its child; a refused read records nothing', async () => {
      const photo = randomBytes(256);
      const sha = createHash('sha256').update(photo).digest('hex');
      expect((await practitioner.request('PUT', `/api/blobs/${sha}`, undefined, { raw: photo })).status).toBe(201);
      const work = newId();
      const child = newId();
      await push(practitioner, mutation('direct-work', work, null, { body: { childId: child, childName: 'Sam', childsWords: 'my drawing' }, blobs: [sha] }));

      expect((await manager.get(`/api/blobs/${sha}`)).status).toBe(200);
      expect((await observer.get(`/api/blobs/${sha}`)).status).toBe(404);

      expect(await events('blob_sha256 = $1', [sha])).toEqual([
        { user_id: world.own.manager.id, action: 'blob-read', record_id: work, record_type: 'direct-work', child_ids: [child], blob_sha256: sha },
      ]);
    });

    it('is append-only: the database refuses to change, delete or truncate audit events and reviews', async () => {
      await childWithWork();
      await pullEverything(manager, 1000);
      const total = async () => (await db.storage.query<{ n: number }>('select count(*)::int as n from audit_events')).rows[0]!.n;
      const before = await total();
      expect(before).toBeGreaterThan(0);

      await expect(db.storage.query(`update audit_events set action = 'update' where action = 'read'`)).rejects.toThrow(/append-only/);
      await expect(db.storage.query('delete from audit_events')).rejects.toThrow(/append-only/);
      await expect(db.storage.query('truncate audit_events')).rejects.toThrow(/append-only/);
      await expect(db.storage.query(`update reviews set comment = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(db.storage.query('delete from reviews')).rejects.toThrow(/append-only/);
      expect(await total()).toBe(before);
    });

    it("lets an admin page through a child's events, oldest first, with who did each", async () => {
      const { child } = await childWithWork();
      await pullEverything(manager, 1000);
      await pullEverything(practitioner, 1000);

      const listed: AuditEvent[] = [];
      let cursor = '0';
      let pages = 0;
      for (;;) {
        const reply = await admin.get(`/api/audit?childId=${child}&limit=2&cursor=${cursor}`);
        expect(reply.status).toBe(200);
        const page = auditPageSchema.parse(reply.body);
        expect(page.events.length).toBeLessThanOrEqual(2);
        listed.push(...page.events);
        pages++;
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }

      const expected = await db.storage.query<{ id: string }>('select id::text as id from audit_events where $1 = any(child_ids) order by id', [child]);
      expect(listed.map((e) => e.id)).toEqual(expected.rows.map((r) => r.id));
      expect(listed).toHaveLength(9); // 3 creates, 3 reads by the manager, 3 by the practitioner
      expect(pages).toBe(5);
      expect(listed.every((e) => e.childIds.includes(child))).toBe(true);
      expect(new Set(listed.map((e) => e.userName))).toEqual(new Set([world.own.practitioner.name, world.own.manager.name]));
      expect(listed.filter((e) => e.action === 'create').map((e) => e.userId)).toEqual([world.own.practitioner.id, world.own.practitioner.id, world.own.practitioner.id]);
    });

    it("lets an admin list one user's events, and the two filters together", async () => {
      const { child } = await childWithWork();
      const reply = await admin.get(`/api/audit?userId=${world.own.practitioner.id}&limit=500`);
      const page = auditPageSchema.parse(reply.body);
      expect(page.events.length).toBe(await count(world.own.practitioner.id));
      expect(page.events.every((e) => e.userId === world.own.practitioner.id && e.userName === world.own.practitioner.name)).toBe(true);

      const both = auditPageSchema.parse((await admin.get(`/api/audit?userId=${world.own.practitioner.id}&childId=${child}`)).body);
      expect(both.events.map((e) => e.action)).toEqual(['create', 'create', 'create']);
    });

    it('is for admins only: 403 for every other role, 401 signed out, 400 for a query that is not the protocol', async () => {
      for (const client of [practitioner, manager, observer]) {
        expect(await client.get('/api/audit')).toMatchObject({ status: 403, body: { code: 'forbidden' } });
      }
      expect((await server.client().get('/api/audit')).status).toBe(401);
      expect(await admin.get('/api/audit?limit=0')).toMatchObject({ status: 400, body: { code: 'invalid' } });
      expect(await admin.get('/api/audit?userId=not-a-uuid')).toMatchObject({ status: 400, body: { code: 'invalid' } });
      expect(await admin.get('/api/audit?cursor=-1')).toMatchObject({ status: 400, body: { code: 'invalid' } });
    });

    it('keeps names, emails, ids of children and queries out of the application log', async () => {
      const { child } = await childWithWork();
      await pullEverything(manager, 1000);
      expect((await admin.get(`/api/audit?childId=${child}`)).status).toBe(200);

      const log = logLines.join('');
      expect(log).toContain('/api/audit'); // the request is logged…
      // (Opaque user ids are logged at sign-in by design; names, emails and children never.)
      for (const secret of [child, world.own.practitioner.name, world.own.practitioner.email, world.own.manager.email, 'childId=']) {
        expect(log).not.toContain(secret); // …but nothing about whom it was for
      }
    });
  });
}
