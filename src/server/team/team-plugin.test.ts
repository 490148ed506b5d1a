import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/rules/index.ts';
import { teamResponseSchema, type TeamMember } from '../../shared/sync/index.ts';
import { addUser } from '../accounts/accounts-store.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../accounts/demo-accounts.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, TEST_LOG2_N, TEST_PASSWORD, type RunningServer, type TestUser, type TestWorld } from '../testing/test-world.ts';

const DAY = 86_400_000;

async function teamOf(client: TestClient): Promise<TeamMember[]> {
  const reply = await client.get('/api/team');
  expect(reply.status).toBe(200);
  expect(reply.headers.get('cache-control')).toBe('no-store');
  for (const member of reply.body.members) expect(Object.keys(member).sort()).toEqual(['id', 'lineManagerId', 'name', 'role', 'startedAt']);
  return teamResponseSchema.parse(reply.body).members;
}
const ids = (members: readonly { id: string }[]) => members.map((m) => m.id).sort();

for (const database of testDatabases) {
  describe(`GET /api/team (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    let starter: TestUser;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
      const user = await addUser(db.storage, {
        email: 'starter@test.example',
        name: 'Aa Starter',
        role: 'practitioner',
        teamId: world.own.id,
        lineManagerId: world.own.manager.id,
        password: TEST_PASSWORD,
        log2N: TEST_LOG2_N,
        startedAt: new Date('2024-03-01T00:00:00Z'),
      });
      starter = { ...user, password: TEST_PASSWORD };
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    it.each(['practitioner', 'observer', 'manager'] as const)('gives a %s everyone in their own team and no one else, without emails', async (role) => {
      const members = await teamOf(await server.signedIn(world.own[role]));
      const { own } = world;
      expect(ids(members)).toEqual(ids([own.practitioner, own.observer, own.manager, starter]));
      expect(members.find((m) => m.id === starter.id)).toEqual({
        id: starter.id,
        name: 'Aa Starter',
        role: 'practitioner',
        lineManagerId: own.manager.id,
        startedAt: '2024-03-01T00:00:00.000Z',
      });
      expect(members.find((m) => m.id === own.practitioner.id)).toMatchObject({ role: 'practitioner', lineManagerId: own.manager.id, startedAt: null });
      expect(members[0]!.name).toBe('Aa Starter'); // by name
    });

    it('gives the other team its own members', async () => {
      const { other } = world;
      expect(ids(await teamOf(await server.signedIn(other.observer)))).toEqual(ids([other.practitioner, other.observer, other.manager]));
    });

    it('gives an admin with no team their own entry only', async () => {
      const members = await teamOf(await server.signedIn(world.admin));
      expect(members).toEqual([{ id: world.admin.id, name: world.admin.name, role: 'admin', lineManagerId: null, startedAt: null }]);
    });

    it('asks a signed-out device to sign in', async () => {
      const reply = await server.client().get('/api/team');
      expect(reply.status).toBe(401);
      expect(reply.body.code).toBe('signed-out');
    });
  });

  describe(`the demo team (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    const seededAt = new Date();

    beforeAll(async () => {
      db = await database.fresh();
      await seedDemoAccounts(db.storage, seededAt);
      server = await startServer(db.storage);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    it('has start dates set at seeding, so a practice observation is due for the demo practitioner', async () => {
      const practitioner = DEMO_ACCOUNTS.find((a) => a.role === 'practitioner')!;
      const client = server.client();
      await client.signIn(practitioner.email, practitioner.password);
      const members = await teamOf(client);
      expect(members.map((m) => m.name).sort()).toEqual(['Morgan Ashby', 'Olu Brennan', 'Priya Lowell']);
      for (const member of members) expect(member.startedAt).not.toBeNull();
      const priya = members.find((m) => m.name === 'Priya Lowell')!;
      expect(Date.parse(priya.startedAt!)).toBe(seededAt.getTime() - 426 * DAY);

      const practitioners = members
        .filter((m) => m.role === 'practitioner')
        .map((m) => ({ id: m.id, name: m.name, startedAt: m.startedAt!, lineManagerId: m.lineManagerId }));
      const { warnings } = evaluate({ children: [], contacts: [], practitioners, observations: [] }, 'redcar-cleveland', seededAt);
      expect(warnings.map((w) => [w.code, w.practitionerId])).toEqual([['OBSERVATION_DUE', priya.id]]);
    });
  });
}
