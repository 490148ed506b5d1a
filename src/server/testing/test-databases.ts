import { createPgliteStorage } from '../storage/pglite-storage.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { Storage } from '../storage/storage.ts';
import { freshPostgresSchema } from './postgres-test-database.ts';

/**
 * The databases server tests run against: embedded PGlite always, and PostgreSQL too when
 * TEST_DATABASE_URL is set (each fresh() is a throwaway schema there). Tests loop over this
 * list, so the PostgreSQL runs simply are not there without a server — nothing is skipped.
 */
export interface TestDatabase {
  name: 'PGlite' | 'PostgreSQL';
  /** A fresh, migrated database. */
  fresh(): Promise<FreshDatabase>;
}

// Starting PGlite takes seconds on a small machine, so a test file shares one in-memory
// instance and each fresh() is a new schema on it (set as its search_path). Fresh databases
// in one file are used one after another, never at once.
let sharedPglite: Promise<Storage> | undefined;
let schemas = 0;

const pglite: TestDatabase = {
  name: 'PGlite',
  async fresh() {
    sharedPglite ??= createPgliteStorage();
    const storage = await sharedPglite;
    const schema = `test_${++schemas}`;
    await storage.exec(`create schema ${schema}; set search_path to ${schema};`);
    await storage.migrate();
    return { storage, dispose: () => storage.exec(`set search_path to public; drop schema ${schema} cascade;`) };
  },
};

export const postgresUrl = process.env.TEST_DATABASE_URL;

export const postgres: TestDatabase[] = postgresUrl
  ? [
      {
        name: 'PostgreSQL',
        async fresh() {
          const database = await freshPostgresSchema(postgresUrl);
          await database.storage.migrate();
          return database;
        },
      },
    ]
  : [];

export const testDatabases: TestDatabase[] = [pglite, ...postgres];
