/**
 * `npm run bench -- sync`: push and pull throughput over real HTTP on loopback. One device
 * pushes 10,000 new visit records in batches of 500, then pulls them all back in pages of
 * 1,000. Against embedded PGlite (in memory) always, and against PostgreSQL when
 * DATABASE_URL or TEST_DATABASE_URL is set (in a throwaway schema, dropped afterwards).
 */
import { v7 as uuidv7 } from 'uuid';
import { addTeam } from '../src/server/accounts/accounts-store.ts';
import { createPgliteStorage } from '../src/server/storage/pglite-storage.ts';
import type { FreshDatabase } from '../src/server/storage/storage.contract.ts';
import { freshPostgresSchema } from '../src/server/testing/postgres-test-database.ts';
import { visitBody } from '../src/server/testing/mutations.ts';
import { addTestUser, startServer } from '../src/server/testing/test-world.ts';
import type { Mutation } from '../src/shared/sync/index.ts';

const MUTATIONS = 10_000;
const BATCH = 500;
const PAGE = 1_000;

function visit(i: number): Mutation {
  const id = uuidv7();
  return {
    mutationId: uuidv7(),
    recordId: id,
    recordType: 'visit',
    baseRev: null,
    record: {
      status: 'draft',
      body: visitBody(id, `Visit ${i}: ${'Home visit, children seen together and alone. '.repeat(8)}`),
    },
  };
}

async function run(name: string, database: FreshDatabase): Promise<void> {
  const { storage } = database;
  await storage.migrate();
  const team = await addTeam(storage, 'Bench team');
  const user = await addTestUser(storage, 'practitioner', team.id);
  const server = await startServer(storage);
  try {
    const device = await server.signedIn(user);
    const mutations = Array.from({ length: MUTATIONS }, (_, i) => visit(i));

    let started = performance.now();
    for (let i = 0; i < mutations.length; i += BATCH) {
      const reply = await device.post('/api/sync/push', { mutations: mutations.slice(i, i + BATCH) });
      if (reply.status !== 200 || reply.body.results.some((r: { status: string }) => r.status !== 'applied')) {
        throw new Error(`push failed: ${reply.status}`);
      }
    }
    const pushSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    let cursor = '0';
    let pulled = 0;
    for (;;) {
      const page = (await device.get(`/api/sync/pull?since=${cursor}&limit=${PAGE}`)).body;
      pulled += page.changes.length;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const pullSeconds = (performance.now() - started) / 1000;
    if (pulled !== MUTATIONS) throw new Error(`pulled ${pulled}, expected ${MUTATIONS}`);

    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-GB');
    console.log(
      `${name.padEnd(11)} push ${MUTATIONS.toLocaleString('en-GB')} mutations (batches of ${BATCH}): ${pushSeconds.toFixed(2)} s, ${rate(MUTATIONS, pushSeconds)}/s` +
        ` | pull (pages of ${PAGE}): ${pullSeconds.toFixed(2)} s, ${rate(MUTATIONS, pullSeconds)}/s`,
    );
  } finally {
    await server.close();
    await database.dispose();
  }
}

export default async function syncBench(): Promise<void> {
  console.log(`sync bench: Node ${process.version}, loopback HTTP, one device`);
  const pglite = await createPgliteStorage();
  await run('PGlite', { storage: pglite, dispose: () => pglite.close() });
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) await run('PostgreSQL', await freshPostgresSchema(url));
  else console.log('PostgreSQL  not run: set DATABASE_URL or TEST_DATABASE_URL to include it');
}
