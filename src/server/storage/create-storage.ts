import { join } from 'node:path';
import { createPgliteStorage } from './pglite-storage.ts';
import { createPostgresStorage } from './postgres-storage.ts';
import type { Storage } from './storage.ts';

export interface StorageChoice {
  /** PostgreSQL when set; otherwise embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite keeps its files in <dataDir>/pglite. */
  dataDir: string;
  onIdleConnectionError?: (error: Error) => void;
}

/** Invariant 6: embedded by default, PostgreSQL at scale. */
export async function createStorage(choice: StorageChoice): Promise<Storage> {
  if (choice.databaseUrl) {
    return createPostgresStorage({
      connectionString: choice.databaseUrl,
      ...(choice.onIdleConnectionError ? { onIdleConnectionError: choice.onIdleConnectionError } : {}),
    });
  }
  return createPgliteStorage({ dataDir: join(choice.dataDir, 'pglite') });
}
