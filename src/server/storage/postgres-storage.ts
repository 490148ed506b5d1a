import pg from 'pg';
import { runMigrations } from './migrate.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import { grantRuntimeAccess } from './runtime-grants.ts';
import type { Queryable, QueryResult, Storage } from './storage.ts';

export interface PostgresStorageOptions {
  connectionString: string;
  /**
   * Schema to work in, set as the connection's search_path. Tests use a fresh schema per run
   * so they never touch real tables; production leaves it out and uses the database default.
   */
  schema?: string;
  /**
   * DATABASE_MIGRATION_URL: when set, migrate() runs as this user (who owns the tables) and then
   * grants connectionString's user only what runtime-grants.ts lists, so the server cannot
   * alter tables or rewrite the append-only ones. Unset: one user does both, as before.
   */
  migrationConnectionString?: string | undefined;
  /** Told when an idle pooled connection fails (e.g. the database restarted); the pool replaces it. */
  onIdleConnectionError?: (error: Error) => void;
}

/** PostgreSQL through a connection pool: for running several stateless server instances. */
export function createPostgresStorage(options: PostgresStorageOptions): Storage {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    // pg waits forever for a connection by default; fail instead, so requests and the health
    // check report an unreachable database rather than hang.
    connectionTimeoutMillis: 10_000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${quoteIdentifier(options.schema)}` }),
  });
  // Without a listener, an idle connection dropped by the server crashes the whole process.
  pool.on('error', options.onIdleConnectionError ?? (() => {}));

  const storage: Storage = {
    kind: 'postgres',
    ...queryableOver(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(queryableOver(client));
        await client.query('commit');
        client.release();
        return result;
      } catch (error) {
        await rollbackAndRelease(client);
        throw error;
      }
    },
    migrate: () =>
      options.migrationConnectionString === undefined ? runMigrations(storage) : migrateAsOwner(storage, options, options.migrationConnectionString),
    close: () => pool.end(),
  };
  return storage;
}

/** Migrations and grants run through a short-lived pool of the owner; the server keeps only its own. */
async function migrateAsOwner(runtime: Storage, options: PostgresStorageOptions, ownerConnectionString: string) {
  const { rows } = await runtime.query<{ role: string }>('select current_user as role');
  const runtimeRole = rows[0]!.role;
  const owner = createPostgresStorage({
    connectionString: ownerConnectionString,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.onIdleConnectionError ? { onIdleConnectionError: options.onIdleConnectionError } : {}),
  });
  try {
    return await runMigrations(owner, allMigrations, (tx) => grantRuntimeAccess(tx, runtimeRole));
  } finally {
    await owner.close();
  }
}

async function rollbackAndRelease(client: pg.PoolClient): Promise<void> {
  try {
    await client.query('rollback');
    client.release();
  } catch (rollbackError) {
    // A connection that cannot roll back is in an unknown state: destroy it rather than reuse it.
    client.release(rollbackError instanceof Error ? rollbackError : true);
  }
}

function queryableOver(db: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await db.query(sql, [...params]);
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await db.query(sql);
    },
  };
}

/** Schema names come from our own code, but quote them anyway so a stray character cannot inject SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
