import { parseArgs } from 'node:util';
import { dayFromCivil, localDay } from '../shared/rules/calendar/local-date.ts';
import { ROLES, type Role } from '../shared/sync/index.ts';
import { AccountError, addTeam, addUser, findTeam, findUserByEmail, listUsers } from '../server/accounts/accounts-store.ts';
import type { Storage } from '../server/storage/storage.ts';
import { setTeamPinPolicy } from '../server/team/team-pin-policy.ts';

export const ADMIN_USAGE = `usage: npm run admin -- <command>
  add-team --name "Riverside Family Support"
  add-user --email EMAIL --name NAME --role practitioner|observer|manager|admin
           [--team ID|NAME] [--line-manager EMAIL] [--password PASSWORD]
           [--started YYYY-MM-DD]
           (without --password the password is read from standard input; --started is the
           day they started in post: a practitioner's practice observation is due 12 months on)
  list-users
  set-pin-policy --team ID|NAME passphrase|pin
           (passphrase: the team's devices need a passphrase of at least 12 characters, not
           all digits, and a device with a PIN is asked to change it at its next unlock)
Uses DATABASE_URL (PostgreSQL) or the PGlite database in DATA_DIR (./data), as the server does.`;

export interface AdminIo {
  out(line: string): void;
  /** The password when --password is not given (prompted, or read from stdin). */
  readPassword(): Promise<string>;
}

/** Exit codes: 0 done, 1 refused (unknown team, email taken…), 2 usage error. */
export async function runAdmin(argv: string[], storage: Storage, io: AdminIo): Promise<{ code: number; error?: string }> {
  const [command, ...rest] = argv;
  let values: Record<string, string | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        team: { type: 'string' },
        'line-manager': { type: 'string' },
        password: { type: 'string' },
        started: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    }) as { values: Record<string, string | undefined>; positionals: string[] });
  } catch (error) {
    return { code: 2, error: `${(error as Error).message}\n${ADMIN_USAGE}` };
  }
  if (positionals.length > 0 && command !== 'set-pin-policy') {
    return { code: 2, error: `Unexpected argument "${positionals[0]}"\n${ADMIN_USAGE}` };
  }
  try {
    switch (command) {
      case 'add-team': {
        if (!values.name) return { code: 2, error: `add-team needs --name\n${ADMIN_USAGE}` };
        const team = await addTeam(storage, values.name);
        io.out(`Added team "${team.name}" (${team.id})`);
        return { code: 0 };
      }
      case 'add-user':
        return await addUserCommand(storage, values, io);
      case 'list-users': {
        const users = await listUsers(storage);
        if (users.length === 0) io.out('No users yet.');
        for (const u of users) {
          const manager = u.lineManagerEmail ? `  line manager ${u.lineManagerEmail}` : '';
          const started = u.startedOn ? `  started ${u.startedOn}` : '';
          io.out(`${u.id}  ${u.role.padEnd(12)} ${u.email}  ${u.name}  ${u.teamName ?? '(no team)'}${manager}${started}`);
        }
        return { code: 0 };
      }
      case 'set-pin-policy':
        return await setPinPolicyCommand(storage, values.team, positionals, io);
      default:
        return { code: 2, error: command ? `Unknown command "${command}"\n${ADMIN_USAGE}` : ADMIN_USAGE };
    }
  } catch (error) {
    if (error instanceof AccountError) return { code: 1, error: error.message };
    throw error;
  }
}

async function addUserCommand(storage: Storage, values: Record<string, string | undefined>, io: AdminIo) {
  const { email, name, role } = values;
  if (!email || !name || !role) return { code: 2, error: `add-user needs --email, --name and --role\n${ADMIN_USAGE}` };
  if (!(ROLES as readonly string[]).includes(role)) return { code: 2, error: `--role must be one of ${ROLES.join(', ')}` };
  let startedAt: Date | null = null;
  if (values.started !== undefined) {
    startedAt = parseStartDate(values.started);
    if (!startedAt) return { code: 2, error: `--started must be a real date written YYYY-MM-DD, not after today (got "${values.started}")` };
  }
  let teamId: string | null = null;
  if (values.team) {
    const team = await findTeam(storage, values.team);
    if (!team) return { code: 1, error: `No team "${values.team}": add it first with add-team` };
    teamId = team.id;
  } else if (role !== 'admin') {
    return { code: 2, error: `A ${role} must belong to a team: add --team ID|NAME` };
  }
  let lineManagerId: string | null = null;
  if (values['line-manager']) {
    const manager = await findUserByEmail(storage, values['line-manager']);
    if (!manager) return { code: 1, error: `No user with the email ${values['line-manager']} to be the line manager` };
    if (manager.role !== 'manager') return { code: 1, error: `${manager.email} is a ${manager.role}, not a manager` };
    lineManagerId = manager.id;
  }
  const password = values.password ?? (await io.readPassword());
  const user = await addUser(storage, { email, name, role: role as Role, teamId, lineManagerId, password, startedAt });
  io.out(`Added ${user.role} ${user.email} (${user.id})`);
  return { code: 0 };
}

/** `pin` is the admin's word for the 'pin-6' policy (a PIN of at least 6 digits, or a passphrase). */
async function setPinPolicyCommand(storage: Storage, teamName: string | undefined, positionals: string[], io: AdminIo) {
  const [word] = positionals;
  if (!teamName || positionals.length !== 1 || (word !== 'passphrase' && word !== 'pin')) {
    return { code: 2, error: `set-pin-policy needs --team and one of passphrase, pin\n${ADMIN_USAGE}` };
  }
  const team = await findTeam(storage, teamName);
  if (!team) return { code: 1, error: `No team "${teamName}"` };
  await setTeamPinPolicy(storage, team.id, word === 'pin' ? 'pin-6' : 'passphrase');
  io.out(
    word === 'pin'
      ? `Team "${team.name}" may unlock devices with a PIN of at least 6 digits`
      : `Team "${team.name}" must unlock devices with a passphrase (at least 12 characters, not all digits)`,
  );
  return { code: 0 };
}

/**
 * A start date as the first moment of that day (UTC midnight, which is the same calendar day
 * in the UK), or null unless it is a real YYYY-MM-DD day no later than today in the UK (from
 * 00:00 BST, which is 23:00 UTC the evening before, today is the new day).
 */
export function parseStartDate(text: string, now = new Date()): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || dayFromCivil(year, month, day) > localDay(now.getTime())) return null;
  return date;
}
