import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, pullResponseSchema } from '../../shared/sync/index.ts';
import { DEMO_ACCOUNTS } from '../accounts/demo-accounts.ts';
import { TestClient } from '../testing/http-client.ts';
import { mutation, newId, visitBody } from '../testing/mutations.ts';
import { spawnServer, type ServerProcess } from '../testing/server-process.ts';
import { postgresUrl } from '../testing/test-databases.ts';
import { createPostgresStorage } from './postgres-storage.ts';
import { RUNTIME_SEQUENCE_GRANTS, RUNTIME_TABLE_GRANTS } from './runtime-grants.ts';

/**
 * Issue 11 item 8. PostgreSQL only (vitest.config.ts lists this file in postgresOnly): PGlite has
 * one user. Two throwaway roles on CI's PostgreSQL: an owner that runs the migrations
 * (DATABASE_MIGRATION_URL) and the runtime user the server runs as (DATABASE_URL). Each role's
 * search_path is set to a throwaway schema, so the real server process works inside it.
 */
for (const adminUrl of postgresUrl ? [postgresUrl] : []) {
  describe('PostgreSQL with a migration owner and a least-privilege runtime user', () => {
    const suffix = randomBytes(5).toString('hex');
    const schema = `doorstep_test_roles_${suffix}`;
    const ownerRole = `doorstep_test_owner_${suffix}`;
    const runtimeRole = `doorstep_test_app_${suffix}`;
    const ownerUrl = urlAs(adminUrl, ownerRole);
    const runtimeUrl = urlAs(adminUrl, runtimeRole);
    let server: ServerProcess;

    beforeAll(async () => {
      await asUser(adminUrl, (db) =>
        db.query(`
          create role ${ownerRole} login; create role ${runtimeRole} login;
          create schema ${schema} authorization ${ownerRole};
          alter role ${ownerRole} set search_path = ${schema}; alter role ${runtimeRole} set search_path = ${schema};`),
      );
      // Demo data on: seeding accounts and the caseload runs as the runtime user too.
      server = await spawnServer({ DATABASE_URL: runtimeUrl, DATABASE_MIGRATION_URL: ownerUrl, DEMO_DATA: '1' });
    }, 120_000);

    afterAll(async () => {
      if (server) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      await asUser(adminUrl, (db) =>
        db.query(`
          drop schema if exists ${schema} cascade;
          drop owned by ${runtimeRole}; drop owned by ${ownerRole};
          drop role ${runtimeRole}; drop role ${ownerRole};`),
      );
    });

    it('migrations ran as the owner: every table belongs to it and none to the runtime user', async () => {
      const owners = await asUser(adminUrl, (db) => db.query<{ tableowner: string }>(`select distinct tableowner from pg_tables where schemaname = $1`, [schema]));
      expect(owners.rows).toEqual([{ tableowner: ownerRole }]);
    });

    it('the server runs as the runtime user: a visit with a photo is pushed, signed off, pulled, and its photo read', async () => {
      const practitioner = await signedIn(server.url, 'practitioner');
      const manager = await signedIn(server.url, 'manager');
      const photo = randomBytes(2_000);
      const photoHash = createHash('sha256').update(photo).digest('hex');
      expect((await practitioner.request('PUT', `/api/blobs/${photoHash}`, undefined, { raw: photo })).status).toBe(201);
      const id = newId();
      const body = visitBody(id, 'Played in the garden');
      const pushed = await practitioner.post('/api/sync/push', {
        mutations: [mutation('visit', id, null, { status: 'submitted', body, blobs: [photoHash] })],
      });
      expect(pushed.status).toBe(200);
      expect(pushed.body.results[0]).toMatchObject({ status: 'applied', rev: 1 });

      const signOff = mutation('visit', id, 1, { status: 'signed-off', body, blobs: [photoHash], review: { contentSha256: await contentHash(body) } });
      expect((await manager.post('/api/sync/push', { mutations: [signOff] })).body.results[0]).toMatchObject({ status: 'applied', rev: 2 });

      for (const client of [practitioner, manager]) {
        const pulled = pullResponseSchema.parse((await client.get('/api/sync/pull?limit=1000')).body);
        const record = pulled.changes.flatMap((change) => (change.kind === 'record' && change.record.id === id ? [change.record] : []));
        expect(record).toMatchObject([{ rev: 2, status: 'signed-off' }]);
      }
      const read = await manager.get(`/api/blobs/${photoHash}`);
      expect(read.status).toBe(200);
      expect(Buffer.compare(read.body, photo)).toBe(0);
      expect((await manager.post('/api/auth/sign-out')).status).toBeLessThan(300);
      expect((await manager.get('/api/session')).status).toBe(401);
    });

    it('the runtime user can neither switch off nor drop the append-only triggers, nor rewrite audit_events or reviews', async () => {
      const counts = () =>
        asUser(adminUrl, async (db) => {
          const { rows } = await db.query(`select (select count(*) from ${schema}.audit_events)::int as audit, (select count(*) from ${schema}.reviews)::int as reviews`);
          return rows[0] as { audit: number; reviews: number };
        });
      const before = await counts();
      expect(before.audit).toBeGreaterThan(0);
      expect(before.reviews).toBeGreaterThan(0);
      const attempts = [
        'alter table audit_events disable trigger all',
        'alter table reviews disable trigger reviews_append_only',
        'drop trigger audit_events_append_only on audit_events',
        'drop table reviews',
        `update audit_events set action = 'read'`,
        'delete from audit_events',
        'truncate audit_events',
        `update reviews set comment = 'rewritten'`,
        'delete from reviews',
      ];
      const refused = await asUser(runtimeUrl, async (db) => {
        const codes: Record<string, string | undefined> = {};
        for (const sql of attempts) {
          codes[sql] = await db.query(sql).then(
            () => 'allowed',
            (error: { code?: string }) => error.code,
          );
        }
        return codes;
      });
      // 42501 insufficient_privilege: "must be owner of table" / "permission denied for table".
      expect(refused).toEqual(Object.fromEntries(attempts.map((sql) => [sql, '42501'])));
      expect(await counts()).toEqual(before);
    });

    it('holds exactly the grants of runtime-grants.ts, and a second migrate (nothing pending) re-applies them', async () => {
      const storage = createPostgresStorage({ connectionString: runtimeUrl, migrationConnectionString: ownerUrl, schema });
      try {
        expect(await storage.migrate()).toEqual({ applied: [] });
      } finally {
        await storage.close();
      }
      const grants = await asUser(adminUrl, (db) =>
        db.query<{ table_name: string; privilege_type: string }>(
          `select table_name, privilege_type from information_schema.role_table_grants
           where grantee = $1 and table_schema = $2`,
          [runtimeRole, schema],
        ),
      );
      const held: Record<string, string[]> = {};
      for (const row of grants.rows) (held[row.table_name] ??= []).push(row.privilege_type.toLowerCase());
      for (const privileges of Object.values(held)) privileges.sort();
      const expected = Object.fromEntries(Object.entries(RUNTIME_TABLE_GRANTS).map(([table, privileges]) => [table, [...privileges].sort()]));
      expect(held).toEqual(expected);

      const sequences = await asUser(adminUrl, (db) =>
        db.query<{ sequence: string }>(
          `select c.relname as sequence from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = $1 and case when c.relkind = 'S' then has_sequence_privilege($2, c.oid, 'usage') else false end`,
          [schema, runtimeRole],
        ),
      );
      expect(sequences.rows.map((row) => row.sequence)).toEqual([...RUNTIME_SEQUENCE_GRANTS]);
    });

    it('refuses to start when DATABASE_MIGRATION_URL and DATABASE_URL are the same user, with one clear line', async () => {
      await expect(spawnServer({ DATABASE_URL: ownerUrl, DATABASE_MIGRATION_URL: ownerUrl, DEMO_DATA: '0' })).rejects.toThrow(
        /both log in as \\?"doorstep_test_owner_[0-9a-f]+\\?": the runtime user must be a different, non-owner user/,
      );
    });
  });
}

function urlAs(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  return parsed.toString();
}

async function asUser<T>(connectionString: string, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function signedIn(url: string, role: 'practitioner' | 'manager'): Promise<TestClient> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
  const client = new TestClient(url);
  await client.signIn(account.email, account.password);
  return client;
}
