import type { Role } from '../../shared/sync/index.ts';
import type { Storage } from '../storage/storage.ts';
import { addTeam, addUser } from './accounts-store.ts';

/**
 * Invented people for trying Doorstep out, seeded into an empty database on first start
 * (DEMO_DATA=0 turns this off). The passwords are published in the README: never leave these
 * accounts on a server holding real case records.
 */
export const DEMO_TEAM = 'Riverside Family Support';
/**
 * `startedDaysAgo`: when each started in post, in days before the seed. The practitioner started
 * about 14 months ago and has not been observed, so a practice observation is due (§6).
 */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role; password: string; startedDaysAgo: number | null }[] = [
  { email: 'manager@doorstep.example', name: 'Morgan Ashby', role: 'manager', password: 'manager-demo-1', startedDaysAgo: 6 * 365 + 40 },
  { email: 'practitioner@doorstep.example', name: 'Priya Lowell', role: 'practitioner', password: 'practitioner-demo-1', startedDaysAgo: 426 },
  { email: 'observer@doorstep.example', name: 'Olu Brennan', role: 'observer', password: 'observer-demo-1', startedDaysAgo: 3 * 365 + 100 },
  { email: 'admin@doorstep.example', name: 'Ada Whitlock', role: 'admin', password: 'admin-demo-1', startedDaysAgo: null },
];

const DAY = 86_400_000;

/**
 * Seeds the demo team and accounts if there are no users yet. Several instances may start at
 * once on one PostgreSQL: the advisory lock makes one of them seed and the others find users.
 * Returns whether it seeded.
 */
export async function seedDemoAccounts(storage: Storage, now = new Date()): Promise<boolean> {
  return storage.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('doorstep:demo-accounts'))`);
    const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from users');
    if ((rows[0]?.n ?? 0) > 0) return false;
    const team = await addTeam(tx, DEMO_TEAM);
    let managerId: string | null = null;
    for (const { startedDaysAgo, ...account } of DEMO_ACCOUNTS) {
      const user = await addUser(tx, {
        ...account,
        startedAt: startedDaysAgo === null ? null : new Date(now.getTime() - startedDaysAgo * DAY),
        teamId: account.role === 'admin' ? null : team.id,
        lineManagerId: account.role === 'practitioner' ? managerId : null,
      });
      if (account.role === 'manager') managerId = user.id;
    }
    return true;
  });
}
