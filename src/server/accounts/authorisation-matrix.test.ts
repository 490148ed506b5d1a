import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, type RecordType } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { bodyFor, mutation, newId } from '../testing/mutations.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestTeam, type TestWorld } from '../testing/test-world.ts';

type Actor = 'practitioner' | 'observer' | 'manager' | 'admin' | 'signed out';
type Whose = 'own' | 'other';

/** What one actor gets from one endpoint, for a record of their own team and of another team. */
interface Row {
  endpoint: string;
  own: Record<Actor, string>;
  other: Record<Actor, string>;
}

const same = (outcome: Record<Actor, string>) => ({ own: outcome, other: outcome });
const cases = (practitioner: string, observer: string, manager: string, admin = '403', signedOut = '401') => ({
  practitioner,
  observer,
  manager,
  admin,
  'signed out': signedOut,
});

const matrix: Row[] = [
  { endpoint: 'GET /api/session', ...same(cases('200', '200', '200', '200')) },
  { endpoint: 'POST /api/sync/push: create a visit', ...same(cases('applied', 'rejected', 'applied')) },
  { endpoint: 'POST /api/sync/push: create an observation', ...same(cases('rejected', 'applied', 'applied')) },
  { endpoint: "POST /api/sync/push: edit the team's visit", own: cases('applied', 'rejected', 'applied'), other: cases('rejected', 'rejected', 'rejected') },
  { endpoint: "POST /api/sync/push: edit the team's observation", own: cases('rejected', 'applied', 'applied'), other: cases('rejected', 'rejected', 'rejected') },
  { endpoint: "POST /api/sync/push: sign off the team's submitted visit", own: cases('rejected', 'rejected', 'applied'), other: cases('rejected', 'rejected', 'rejected') },
  { endpoint: "POST /api/sync/push: return the team's submitted observation", own: cases('rejected', 'rejected', 'applied'), other: cases('rejected', 'rejected', 'rejected') },
  { endpoint: "GET /api/sync/pull: the team's visit", own: cases('seen', 'not seen', 'seen'), other: cases('not seen', 'not seen', 'not seen') },
  { endpoint: "GET /api/sync/pull: the team's observation of its practitioner", own: cases('seen', 'seen', 'seen'), other: cases('not seen', 'not seen', 'not seen') },
  { endpoint: "GET /api/sync/pull: the team's conflict copy", own: cases('seen', 'not seen', 'seen'), other: cases('not seen', 'not seen', 'not seen') },
  { endpoint: 'PUT /api/blobs/:sha256', ...same(cases('201', '201', '201')) },
  { endpoint: "GET /api/blobs/:sha256 listed by the team's visit", own: cases('200', '404', '200'), other: cases('404', '404', '404') },
  { endpoint: 'GET /api/audit', ...same(cases('403', '403', '403', '200')) },
  // Every role may ask who is in their team (no case content); an admin has no team.
  { endpoint: "GET /api/team: the team's practitioner", own: cases('listed', 'listed', 'listed', 'not listed'), other: cases('not listed', 'not listed', 'not listed', 'not listed') },
];

for (const database of testDatabases) {
  describe(`authorisation by role and team (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    const clients = new Map<string, TestClient>();

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
      for (const team of [world.own, world.other]) {
        for (const role of ['practitioner', 'observer', 'manager'] as const) {
          clients.set(team[role].id, await server.signedIn(team[role]));
        }
      }
      clients.set(world.admin.id, await server.signedIn(world.admin));
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    const actorClient = (actor: Actor): TestClient => {
      if (actor === 'signed out') return server.client();
      const user = actor === 'admin' ? world.admin : world.own[actor];
      return clients.get(user.id)!;
    };
    const team = (whose: Whose): TestTeam => (whose === 'own' ? world.own : world.other);
    const as = (user: { id: string }) => clients.get(user.id)!;

    async function pushOutcome(client: TestClient, m: ReturnType<typeof mutation>): Promise<string> {
      const reply = await client.post('/api/sync/push', { mutations: [m] });
      return reply.status === 200 ? reply.body.results[0].status : String(reply.status);
    }

    async function create(whose: Whose, type: RecordType, extra: Parameters<typeof mutation>[3] = {}): Promise<string> {
      const t = team(whose);
      const author = type === 'observation' ? t.observer : t.practitioner;
      const id = newId();
      const observed = type === 'observation' ? { observedPractitionerId: t.practitioner.id } : {};
      const result = await pushOutcome(as(author), mutation(type, id, null, { ...observed, ...extra }));
      expect(result).toBe('applied');
      return id;
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case reads the pulled change its own way
    async function pullOutcome(client: TestClient, find: (change: any) => boolean): Promise<string> {
      const reply = await client.get('/api/sync/pull?limit=1000');
      if (reply.status !== 200) return String(reply.status);
      return reply.body.changes.some(find) ? 'seen' : 'not seen';
    }

    async function outcome(endpoint: string, actor: Actor, whose: Whose): Promise<string> {
      const client = actorClient(actor);
      switch (endpoint) {
        case 'GET /api/session':
          return String((await client.get('/api/session')).status);
        case 'POST /api/sync/push: create a visit':
          return pushOutcome(client, mutation('visit', newId(), null));
        case 'POST /api/sync/push: create an observation':
          return pushOutcome(client, mutation('observation', newId(), null));
        case "POST /api/sync/push: edit the team's visit":
          return pushOutcome(client, mutation('visit', await create(whose, 'visit'), 1, { note: 'edited' }));
        case "POST /api/sync/push: edit the team's observation":
          return pushOutcome(client, mutation('observation', await create(whose, 'observation'), 1, { note: 'edited' }));
        case "POST /api/sync/push: sign off the team's submitted visit": {
          const id = await create(whose, 'visit', { status: 'submitted' });
          const review = { contentSha256: await contentHash(bodyFor('visit', id)) };
          return pushOutcome(client, mutation('visit', id, 1, { status: 'signed-off', review }));
        }
        case "POST /api/sync/push: return the team's submitted observation": {
          const id = await create(whose, 'observation', { status: 'submitted' });
          const review = { contentSha256: await contentHash(bodyFor('observation', id)), comment: 'Add the feedback given' };
          const observed = { observedPractitionerId: team(whose).practitioner.id };
          return pushOutcome(client, mutation('observation', id, 1, { status: 'returned', review, ...observed }));
        }
        case 'GET /api/audit':
          return String((await client.get('/api/audit')).status);
        case "GET /api/team: the team's practitioner": {
          const reply = await client.get('/api/team');
          if (reply.status !== 200) return String(reply.status);
          return reply.body.members.some((m: { id: string }) => m.id === team(whose).practitioner.id) ? 'listed' : 'not listed';
        }
        case "GET /api/sync/pull: the team's visit": {
          const id = await create(whose, 'visit');
          return pullOutcome(client, (c) => c.kind === 'record' && c.record.id === id);
        }
        case "GET /api/sync/pull: the team's observation of its practitioner": {
          const id = await create(whose, 'observation');
          return pullOutcome(client, (c) => c.kind === 'record' && c.record.id === id);
        }
        case "GET /api/sync/pull: the team's conflict copy": {
          const id = await create(whose, 'visit');
          const t = team(whose);
          await pushOutcome(as(t.manager), mutation('visit', id, 1, { note: 'manager' }));
          expect(await pushOutcome(as(t.practitioner), mutation('visit', id, 1, { note: 'stale' }))).toBe('conflict');
          return pullOutcome(client, (c) => c.kind === 'conflict' && c.conflict.recordId === id);
        }
        case 'PUT /api/blobs/:sha256': {
          const bytes = randomBytes(64);
          const sha = createHash('sha256').update(bytes).digest('hex');
          return String((await client.request('PUT', `/api/blobs/${sha}`, undefined, { raw: bytes })).status);
        }
        case "GET /api/blobs/:sha256 listed by the team's visit": {
          const bytes = randomBytes(64);
          const sha = createHash('sha256').update(bytes).digest('hex');
          const author = as(team(whose).practitioner);
          expect((await author.request('PUT', `/api/blobs/${sha}`, undefined, { raw: bytes })).status).toBe(201);
          await create(whose, 'visit', { blobs: [sha] });
          return String((await client.get(`/api/blobs/${sha}`)).status);
        }
      }
      throw new Error(`no such endpoint in the matrix: ${endpoint}`);
    }

    const cells = matrix.flatMap((row) =>
      (['own', 'other'] as const).flatMap((whose) =>
        (Object.keys(row[whose]) as Actor[]).map((actor) => ({ endpoint: row.endpoint, whose, actor, expected: row[whose][actor] })),
      ),
    );

    it.each(cells)('$endpoint — $actor, $whose team → $expected', async ({ endpoint, actor, whose, expected }) => {
      expect(await outcome(endpoint, actor, whose)).toBe(expected);
    });
  });
}
