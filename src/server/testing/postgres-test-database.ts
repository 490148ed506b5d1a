import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStorage, quoteIdentifier } from '../storage/postgres-storage.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * A throwaway schema in the test PostgreSQL (TEST_DATABASE_URL), so tests never touch real
 * tables and can run side by side. Every storage opened on it works inside that schema
 * through search_path; dispose() closes them and drops the schema.
 */
export async function freshPostgresSchema(connectionString: string): Promise<FreshDatabase> {
  const schema = `doorstep_test_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(connectionString, `create schema ${quoteIdentifier(schema)}`);

  const opened: Storage[] = [];
  const connect = async (): Promise<Storage> => {
    const storage = createPostgresStorage({ connectionString, schema });
    opened.push(storage);
    return storage;
  };

  return {
    storage: await connect(),
    connectAgain: connect,
    async dispose() {
      await Promise.all(opened.map((storage) => storage.close()));
      await runAsAdmin(connectionString, `drop schema if exists ${quoteIdentifier(schema)} cascade`);
    },
  };
}

async function runAsAdmin(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
