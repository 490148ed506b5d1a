import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.ts';
import { runMigrations } from './migrate.ts';
import type { Storage } from './storage.ts';

/** A fresh, empty database for one test, and how to clean it away. */
export interface FreshDatabase {
  storage: Storage;
  /**
   * Another storage on the same database, as a second server process would open. Only
   * PostgreSQL has one: PGlite is embedded in a single process.
   */
  connectAgain?: () => Promise<Storage>;
  /** Closes every storage opened for the test and removes what fresh() created. */
  dispose(): Promise<void>;
}

export interface StorageHarness {
  fresh(): Promise<FreshDatabase>;
  /** True when fresh() gives connectAgain, so the several-processes tests apply. */
  severalProcesses: boolean;
}

const recordId = '0190b4c2-7c1e-7a00-8000-000000000001';

/**
 * What every storage adapter must do, whichever database is behind it. Each adapter's test
 * file calls this with its own harness, so PGlite and PostgreSQL are held to the same tests.
 */
export function defineStorageContract(harness: StorageHarness): void {
  let database: FreshDatabase | undefined;

  async function freshStorage(): Promise<FreshDatabase> {
    database = await harness.fresh();
    return database;
  }

  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  describe('migrations', () => {
    it('bring an empty database up to date and record each migration', async () => {
      const { storage } = await freshStorage();

      const report = await storage.migrate();

      expect(report.applied).toEqual(migrations.map((m) => m.id));
      const { rows } = await storage.query<{ id: string }>('select id from schema_migrations order by id');
      expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
      const records = await storage.query<{ n: number }>('select count(*)::int as n from records');
      expect(records.rows[0]?.n).toBe(0);
    });

    it('are idempotent: running them again applies nothing and keeps the data', async () => {
      const { storage } = await freshStorage();
      await storage.migrate();
      await insertRecord(storage, recordId, { note: 'kept' });

      const second = await storage.migrate();

      expect(second.applied).toEqual([]);
      const { rows } = await storage.query('select id from schema_migrations');
      expect(rows).toHaveLength(migrations.length);
      const kept = await storage.query('select id from records');
      expect(kept.rows).toHaveLength(1);
    });

    it('are all-or-nothing: a failing migration leaves no trace of the ones before it', async () => {
      const { storage } = await freshStorage();
      const broken = [
        { id: '001', name: 'fine', sql: 'create table fine (id int)' },
        { id: '002', name: 'broken', sql: 'create table broken (id int) oops' },
      ];

      await expect(runMigrations(storage, broken)).rejects.toThrow();

      const tables = await storage.query(
        `select table_name from information_schema.tables
         where table_schema = current_schema() and table_name in ('fine', 'schema_migrations')`,
      );
      expect(tables.rows).toEqual([]);
    });

    it('run once when started twice at the same time', async () => {
      const { storage } = await freshStorage();

      const reports = await Promise.all([storage.migrate(), storage.migrate()]);

      expect(reports.flatMap((r) => r.applied)).toEqual(migrations.map((m) => m.id));
    });
  });

  describe('queries', () => {
    it('pass parameters as values, never as SQL', async () => {
      const { storage } = await freshStorage();
      await storage.migrate();
      const hostile = "Robert'); drop table records; --";

      await insertRecord(storage, recordId, { note: hostile });

      const { rows } = await storage.query<{ body: { note: string } }>('select body from records where id = $1', [
        recordId,
      ]);
      expect(rows[0]?.body.note).toBe(hostile);
    });

    it('return jsonb as objects and timestamps as dates on both databases', async () => {
      const { storage } = await freshStorage();
      await storage.migrate();
      await insertRecord(storage, recordId, { seenAlone: true, tags: ['visit'] });

      const { rows } = await storage.query<{ type: string; rev: number; body: unknown; updated_at: unknown }>(
        'select type, rev, body, updated_at from records',
      );

      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ type: 'visit', rev: 1, body: { seenAlone: true, tags: ['visit'] } });
      expect(rows[0]?.updated_at).toBeInstanceOf(Date);
    });

    it('run a script of several statements through exec', async () => {
      const { storage } = await freshStorage();

      await storage.exec('create table a (n int); insert into a values (1); insert into a values (2);');

      const { rows } = await storage.query<{ total: number }>('select sum(n)::int as total from a');
      expect(rows[0]?.total).toBe(3);
    });
  });

  describe('transactions', () => {
    it('commit every write when the work succeeds, and return its result', async () => {
      const { storage } = await freshStorage();
      await storage.migrate();

      const result = await storage.transaction(async (tx) => {
        await insertRecord(tx, recordId, { note: 'first' });
        await tx.query('update records set rev = rev + 1 where id = $1', [recordId]);
        return 'done';
      });

      expect(result).toBe('done');
      const { rows } = await storage.query<{ rev: number }>('select rev from records where id = $1', [recordId]);
      expect(rows[0]?.rev).toBe(2);
    });

    it('roll back every write when the work throws, and pass the error on', async () => {
      const { storage } = await freshStorage();
      await storage.migrate();
      const failure = new Error('the visit could not be saved');

      await expect(
        storage.transaction(async (tx) => {
          await insertRecord(tx, recordId, { note: 'never kept' });
          throw failure;
        }),
      ).rejects.toBe(failure);

      const { rows } = await storage.query('select id from records');
      expect(rows).toEqual([]);
    });

    it('roll back earlier writes when a later statement fails, and the storage stays usable', async () => {
      const { storage } = await freshStorage();
      await storage.migrate();

      await expect(
        storage.transaction(async (tx) => {
          await insertRecord(tx, '0190b4c2-7c1e-7a00-8000-000000000002', { note: 'never kept' });
          await insertRecord(tx, recordId, { note: 'a' });
          await insertRecord(tx, recordId, { note: 'same id again' });
        }),
      ).rejects.toThrow();

      const { rows } = await storage.query('select id from records');
      expect(rows).toEqual([]);
      await insertRecord(storage, recordId, { note: 'after the failure' });
      const after = await storage.query('select id from records');
      expect(after.rows).toHaveLength(1);
    });
  });

  // Only PostgreSQL is shared between processes; PGlite lives inside one.
  if (!harness.severalProcesses) return;

  describe('several server processes on one database', () => {
    it('migrate once when four start at the same time', async () => {
      const { storage, connectAgain } = await freshStorage();
      if (!connectAgain) throw new Error('a several-processes harness must give connectAgain');
      const others = await Promise.all([connectAgain(), connectAgain(), connectAgain()]);

      const reports = await Promise.all([storage, ...others].map((s) => s.migrate()));

      expect(reports.flatMap((r) => r.applied)).toEqual(migrations.map((m) => m.id));
      const { rows } = await storage.query('select id from schema_migrations');
      expect(rows).toHaveLength(migrations.length);
    });
  });
}

const teamId = '0190b4c2-7c1e-7a00-8000-00000000aaaa';
const userId = '0190b4c2-7c1e-7a00-8000-00000000bbbb';

/** A record row as the sync code writes it, with the team and author it needs. */
async function insertRecord(
  db: Pick<Storage, 'query'>,
  id: string,
  body: Record<string, unknown>,
): Promise<void> {
  await db.query(`insert into teams (id, name) values ($1, 'Contract team') on conflict do nothing`, [teamId]);
  await db.query(
    `insert into users (id, email, name, role, team_id, password_hash)
     values ($1, 'contract@test.example', 'Contract', 'practitioner', $2, 'none') on conflict do nothing`,
    [userId, teamId],
  );
  await db.query(
    `insert into records (id, type, rev, body, status, team_id, created_by, updated_by, seq)
     values ($1, $2, $3, $4, 'draft', $5, $6, $6, nextval('change_seq'))`,
    [id, 'visit', 1, JSON.stringify(body), teamId, userId],
  );
}
