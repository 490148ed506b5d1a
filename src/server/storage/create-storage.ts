import { join } from 'node:path';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { createPgliteStorage } from './pglite-storage.ts';
import { createPostgresStorage } from './postgres-storage.ts';
import type { Storage } from './storage.ts';

export interface StorageChoice {
  /** PostgreSQL when set; otherwise embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PostgreSQL only: migrations run as this user (the tables' owner); databaseUrl's user gets grants. */
  databaseMigrationUrl?: string | undefined;
  /** PGlite keeps its files in <dataDir>/pglite. */
  dataDir: string;
  onIdleConnectionError?: (error: Error) => void;
}

/** Invariant 6: embedded by default, PostgreSQL at scale. */
export async function createStorage(choice: StorageChoice): Promise<Storage> {
  if (choice.databaseUrl) {
    return createPostgresStorage({
      connectionString: choice.databaseUrl,
      migrationConnectionString: choice.databaseMigrationUrl,
      ...(choice.onIdleConnectionError ? { onIdleConnectionError: choice.onIdleConnectionError } : {}),
    });
  }
  return openLockedPglite(choice.dataDir);
}

/**
 * PGlite in DATA_DIR, held by this process alone until close(): a second server or an admin
 * command gets DataDirInUseError before it opens (or changes) anything.
 */
async function openLockedPglite(dataDir: string): Promise<Storage> {
  const lock = acquireDataDirLock(dataDir);
  let storage: Storage;
  try {
    storage = await createPgliteStorage({ dataDir: join(dataDir, 'pglite') });
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    ...storage,
    close: async () => {
      try {
        await storage.close();
      } finally {
        lock.release();
      }
    },
  };
}
