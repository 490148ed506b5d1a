import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { runMigrations } from './migrate.ts';
import type { Queryable, QueryResult, Storage } from './storage.ts';

export interface PgliteStorageOptions {
  /** Folder holding the database files, created if missing. Leave out for an in-memory database (tests). */
  dataDir?: string;
}

/**
 * Embedded PostgreSQL (WebAssembly) in a folder: the default, with nothing to install.
 * One process only: PGlite is not a server, so two processes must never open the same folder.
 */
export async function createPgliteStorage(options: PgliteStorageOptions = {}): Promise<Storage> {
  if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? 'memory://');

  const storage: Storage = {
    kind: 'pglite',
    ...queryableOver(db),
    transaction: (fn) => db.transaction((tx) => fn(queryableOver(tx))),
    migrate: () => runMigrations(storage),
    close: () => db.close(),
  };
  return storage;
}

function queryableOver(db: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await db.query<Row>(sql, [...params]);
      return { rows: result.rows };
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}
