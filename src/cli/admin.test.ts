import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../server/accounts/passwords.ts';
import type { FreshDatabase } from '../server/storage/storage.contract.ts';
import { testDatabases } from '../server/testing/test-databases.ts';
import { findUserByEmail } from '../server/accounts/accounts-store.ts';
import { listTeamMembers } from '../server/team/team-members.ts';
import { parseStartDate, runAdmin } from './admin-command.ts';

const database = testDatabases[0]!;

describe('admin command', () => {
  let db: FreshDatabase;
  const out: string[] = [];
  const run = (...argv: string[]) =>
    runAdmin(argv, db.storage, { out: (line) => out.push(line), readPassword: async () => 'typed-at-the-prompt' });

  beforeAll(async () => {
    db = await database.fresh();
  }, 60_000);
  afterAll(() => db.dispose());

  it('adds a team, a manager and a practitioner with their line manager, and lists them', async () => {
    expect(await run('add-team', '--name', 'Riverside Family Support')).toEqual({ code: 0 });
    expect(await run('add-user', '--email', 'Morgan@Council.example', '--name', 'Morgan', '--role', 'manager', '--team', 'riverside family support', '--password', 'a-long-password')).toEqual({ code: 0 });
    expect(await run('add-user', '--email', 'priya@council.example', '--name', 'Priya', '--role', 'practitioner', '--team', 'Riverside Family Support', '--line-manager', 'morgan@council.example')).toEqual({ code: 0 });

    out.length = 0;
    await run('list-users');
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(/practitioner +priya@council.example {2}Priya {2}Riverside Family Support {2}line manager morgan@council.example$/);
    const { rows } = await db.storage.query<{ password_hash: string }>(`select password_hash from users where email = 'priya@council.example'`);
    expect(await verifyPassword('typed-at-the-prompt', rows[0]!.password_hash)).toBe(true);
  });

  it('refuses with exit 1 and a clear line: unknown team, email taken, line manager who is not a manager, short password', async () => {
    expect(await run('add-user', '--email', 'a@x.example', '--name', 'A', '--role', 'practitioner', '--team', 'Nowhere', '--password', 'a-long-password')).toEqual({ code: 1, error: 'No team "Nowhere": add it first with add-team' });
    expect(await run('add-user', '--email', 'priya@council.example', '--name', 'P', '--role', 'observer', '--team', 'Riverside Family Support', '--password', 'a-long-password')).toEqual({ code: 1, error: 'A user with the email priya@council.example already exists' });
    expect((await run('add-user', '--email', 'b@x.example', '--name', 'B', '--role', 'practitioner', '--team', 'Riverside Family Support', '--line-manager', 'priya@council.example', '--password', 'a-long-password')).code).toBe(1);
    expect(await run('add-user', '--email', 'c@x.example', '--name', 'C', '--role', 'admin', '--password', 'short')).toEqual({ code: 1, error: 'The password must be at least 10 characters' });
    expect((await run('add-team', '--name', 'riverside family support')).code).toBe(1);
  });

  it('keeps a start date given with --started, shows it in list-users and gives it to the team', async () => {
    expect(await run('add-user', '--email', 'sam@council.example', '--name', 'Sam', '--role', 'practitioner', '--team', 'Riverside Family Support', '--password', 'a-long-password', '--started', '2024-02-29')).toEqual({ code: 0 });
    const { rows } = await db.storage.query<{ started: string; priya: string | null }>(
      `select to_char(u.started_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as started,
         (select started_at::text from users where email = 'priya@council.example') as priya
       from users u where u.email = 'sam@council.example'`,
    );
    expect(rows[0]).toEqual({ started: '2024-02-29 00:00', priya: null });
    const sam = (await listTeamMembers(db.storage, (await findUserByEmail(db.storage, 'sam@council.example'))!)).find((m) => m.name === 'Sam');
    expect(sam?.startedAt).toBe('2024-02-29T00:00:00.000Z');
    out.length = 0;
    await run('list-users');
    expect(out.find((line) => line.includes('sam@council.example'))).toMatch(/Riverside Family Support {2}started 2024-02-29$/);
  });

  it('refuses a start date that is not a real day or is in the future, with exit 2, and adds no one', async () => {
    const user = (email: string, started: string) =>
      run('add-user', '--email', email, '--name', 'N', '--role', 'practitioner', '--team', 'Riverside Family Support', '--password', 'a-long-password', '--started', started);
    for (const started of ['2023-02-29', '2024-13-01', '1/3/2024', '2024-3-1', '', '9999-01-01']) {
      const result = await user(`n-${started.replace(/\W/g, '')}@council.example`, started);
      expect(result.code).toBe(2);
      expect(result.error).toMatch(/^--started must be a real date written YYYY-MM-DD/);
    }
    const { rows } = await db.storage.query(`select 1 from users where email like 'n-%'`);
    expect(rows).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(parseStartDate(today)?.toISOString()).toBe(`${today}T00:00:00.000Z`);
  });

  it('takes today in UK time as a start date, even in the hour after midnight BST', () => {
    const halfPastMidnightBst = new Date('2026-06-24T23:30:00Z'); // 00:30 on 25 June in the UK
    expect(parseStartDate('2026-06-25', halfPastMidnightBst)?.toISOString()).toBe('2026-06-25T00:00:00.000Z');
    expect(parseStartDate('2026-06-26', halfPastMidnightBst)).toBeNull();
    const lateEveningGmt = new Date('2026-12-01T23:30:00Z'); // still 1 December in the UK
    expect(parseStartDate('2026-12-01', lateEveningGmt)?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseStartDate('2026-12-02', lateEveningGmt)).toBeNull();
  });

  it('answers a usage mistake with exit 2 and the usage', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('add-user', '--email', 'x@y.example')).code).toBe(2);
    expect((await run('add-user', '--email', 'x@y.example', '--name', 'X', '--role', 'boss')).code).toBe(2);
    expect((await run('add-user', '--email', 'x@y.example', '--name', 'X', '--role', 'practitioner', '--password', 'a-long-password')).code).toBe(2);
    expect((await run('add-team', '--colour', 'blue')).code).toBe(2);
  });
});
