import { migrations as allMigrations, type Migration } from './migrations/index.ts';
import type { MigrationReport, Queryable, Storage } from './storage.ts';

/**
 * Several server instances may start at once against one PostgreSQL. Each takes this
 * transaction-scoped advisory lock before looking at schema_migrations, so one applies the
 * migrations and the others wait, then find nothing left to do. The lock is released by
 * COMMIT or ROLLBACK, so a crashed instance cannot leave it held.
 */
const MIGRATION_LOCK_SQL = `select pg_advisory_xact_lock(hashtext('doorstep:schema_migrations'))`;

/** Bookkeeping has to exist before any migration can be recorded, so the runner makes it. */
const BOOKKEEPING_SQL = `
  create table if not exists schema_migrations (
    id text primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )
`;

/**
 * Applies every pending migration in one transaction: all of them, or none. `thenInSameTransaction`
 * runs after them even when none was pending (PostgreSQL's runtime grants, re-applied each start).
 */
export async function runMigrations(
  storage: Pick<Storage, 'transaction'>,
  migrations: readonly Migration[] = allMigrations,
  thenInSameTransaction?: (tx: Queryable) => Promise<void>,
): Promise<MigrationReport> {
  assertOrdered(migrations);
  return storage.transaction(async (tx) => {
    await tx.query(MIGRATION_LOCK_SQL);
    await tx.exec(BOOKKEEPING_SQL);
    const { rows } = await tx.query<{ id: string }>('select id from schema_migrations');
    const done = new Set(rows.map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
      applied.push(migration.id);
    }
    await thenInSameTransaction?.(tx);
    return { applied };
  });
}

function assertOrdered(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    const previous = migrations[i - 1]!;
    const current = migrations[i]!;
    if (current.id <= previous.id) {
      throw new Error(`Migrations out of order: ${current.id} comes after ${previous.id}`);
    }
  }
}
