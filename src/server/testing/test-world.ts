import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role, SessionUser } from '../../shared/sync/index.ts';
import { addTeam, addUser } from '../accounts/accounts-store.ts';
import { buildServer, type ServerOptions } from '../app.ts';
import type { Storage } from '../storage/storage.ts';
import { TestClient } from './http-client.ts';

/** Cheap scrypt for tests (2^10): the real cost is 2^15. */
export const TEST_LOG2_N = 10;
export const TEST_PASSWORD = 'correct horse battery';

export interface TestUser extends SessionUser {
  password: string;
}

export interface TestTeam {
  id: string;
  practitioner: TestUser;
  observer: TestUser;
  manager: TestUser;
}

/** Two teams, each with a practitioner, an observer and a manager, and one admin. */
export interface TestWorld {
  own: TestTeam;
  other: TestTeam;
  admin: TestUser;
}

export async function addTestUser(storage: Storage, role: Role, teamId: string | null, lineManagerId: string | null = null): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@test.example`;
  const user = await addUser(storage, {
    email,
    name: `Test ${role}`,
    role,
    teamId,
    lineManagerId,
    password: TEST_PASSWORD,
    log2N: TEST_LOG2_N,
  });
  return { ...user, password: TEST_PASSWORD };
}

async function addTestTeam(storage: Storage): Promise<TestTeam> {
  const team = await addTeam(storage, `Team ${randomBytes(4).toString('hex')}`);
  const manager = await addTestUser(storage, 'manager', team.id);
  const practitioner = await addTestUser(storage, 'practitioner', team.id, manager.id);
  const observer = await addTestUser(storage, 'observer', team.id);
  return { id: team.id, practitioner, observer, manager };
}

export async function seedTestWorld(storage: Storage): Promise<TestWorld> {
  return { own: await addTestTeam(storage), other: await addTestTeam(storage), admin: await addTestUser(storage, 'admin', null) };
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  client(): TestClient;
  signedIn(user: TestUser): Promise<TestClient>;
  close(): Promise<void>;
}

/** buildServer listening on a free loopback port, as tests talk to it over real HTTP. */
export async function startServer(storage: Storage, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const app = buildServer({ storage, logger: false, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    url,
    client: () => new TestClient(url),
    async signedIn(user) {
      const client = new TestClient(url);
      await client.signIn(user.email, user.password);
      return client;
    },
    close: () => app.close(),
  };
}
