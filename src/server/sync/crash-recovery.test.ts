import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type Mutation } from '../../shared/sync/index.ts';
import { DEMO_ACCOUNTS } from '../accounts/demo-accounts.ts';
import { createPgliteStorage } from '../storage/pglite-storage.ts';
import type { Queryable } from '../storage/storage.ts';
import { TestClient } from '../testing/http-client.ts';
import { mutation, newId } from '../testing/mutations.ts';
import { spawnServer, type ServerProcess } from '../testing/server-process.ts';

const practitioner = DEMO_ACCOUNTS.find((a) => a.role === 'practitioner')!;

async function signedIn(server: ServerProcess): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.signIn(practitioner.email, practitioner.password);
  return client;
}

function batch(size: number): Mutation[] {
  // Bodies of a few kB, as real visit notes are, so the batch takes a while to apply.
  return Array.from({ length: size }, () => mutation('visit', newId(), null, { note: 'x'.repeat(4000) }));
}

describe('a server process killed in the middle of a push (PGlite in a DATA_DIR)', () => {
  it('applies each mutation of the retried batch exactly once after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'doorstep-crash-'));
    const env = { DATA_DIR: dataDir, DEMO_DATA: '1' };
    try {
      let server = await spawnServer(env);
      let client = await signedIn(server);

      // Where the server's changes end now: the batch's records will come after this cursor.
      const watcher = await signedIn(server);
      const pull = async (since: string, limit: number) =>
        pullResponseSchema.parse((await watcher.get(`/api/sync/pull?since=${since}&limit=${limit}`)).body);
      let cursor = '0';
      for (let page = await pull(cursor, 1000); ; page = await pull(cursor, 1000)) {
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }

      const mutations = batch(500);
      let replied = false;
      const inFlight = client.post('/api/sync/push', { mutations }).then(
        (reply) => ((replied = true), reply),
        (error: unknown) => error,
      );
      // Kill the process the moment part of the batch is committed: a pull shows its first record.
      // No guess at how fast this machine is; the other 499 are still to come.
      while (!replied && (await pull(cursor, 1)).changes.length === 0);
      server.child.kill('SIGKILL');
      expect(await inFlight).toBeInstanceOf(Error); // the reply never came
      await server.exited;

      server = await spawnServer(env);
      client = await signedIn(server);
      const retry = pushResponseSchema.parse((await client.post('/api/sync/push', { mutations })).body).results;
      server.child.kill('SIGTERM');
      await server.exited;

      const duplicates = retry.filter((r) => r.status === 'duplicate').length;
      const applied = retry.filter((r) => r.status === 'applied').length;
      expect(duplicates).toBeGreaterThan(0); // the kill came after some had been applied…
      expect(applied).toBeGreaterThan(0); // …and before the end of the batch
      expect(duplicates + applied).toBe(500);

      const storage = await createPgliteStorage({ dataDir: join(dataDir, 'pglite') });
      try {
        const ids = mutations.map((m) => m.recordId);
        const count = async (db: Queryable, sql: string) =>
          (await db.query<{ n: number }>(sql, [ids])).rows[0]!.n;
        expect(await count(storage, 'select count(*)::int as n from records where id = any($1)')).toBe(500);
        expect(await count(storage, 'select count(*)::int as n from records where id = any($1) and rev = 1')).toBe(500);
        expect(await count(storage, 'select count(*)::int as n from mutations where record_id = any($1)')).toBe(500);
        expect(await count(storage, 'select count(*)::int as n from record_conflicts where record_id = any($1)')).toBe(0);
      } finally {
        await storage.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
