import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresSchema } from '../testing/postgres-test-database.ts';
import { createStorage } from './create-storage.ts';
import { defineStorageContract } from './storage.contract.ts';

// The PostgreSQL run needs a server: set TEST_DATABASE_URL (each run works in its own
// throwaway schema). Without it only the storage choice below is tested, honestly named.
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
const postgresRuns = testDatabaseUrl ? [testDatabaseUrl] : [];

for (const connectionString of postgresRuns) {
  describe('PostgreSQL storage (TEST_DATABASE_URL)', () => {
    defineStorageContract({
      severalProcesses: true,
      fresh: () => freshPostgresSchema(connectionString),
    });
  });
}

describe('choosing the storage', () => {
  it('uses embedded PGlite in <DATA_DIR>/pglite when no DATABASE_URL is set', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'doorstep-choice-'));
    try {
      const storage = await createStorage({ dataDir, databaseUrl: undefined });
      await storage.close();

      expect(storage.kind).toBe('pglite');
      expect((await stat(join(dataDir, 'pglite'))).isDirectory()).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('uses PostgreSQL when DATABASE_URL is set, without connecting until first used', async () => {
    const storage = await createStorage({ dataDir: '/nonexistent', databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
    await storage.close();

    expect(storage.kind).toBe('postgres');
  });
});
