import { randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '../../shared/sync/index.ts';
import type { Queryable } from '../storage/storage.ts';
import { hashPassword } from './passwords.ts';

export interface Team {
  id: string;
  name: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  line_manager_id: string | null;
  password_hash: string;
}

/** A mistake in what was asked (unknown team, email taken…): its message is fit to print. */
export class AccountError extends Error {
  override name = 'AccountError';
}

export const USER_COLUMNS = 'u.id, u.email, u.name, u.role, u.team_id, u.line_manager_id, u.password_hash';

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    teamId: row.team_id,
    lineManagerId: row.line_manager_id,
  };
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function addTeam(db: Queryable, name: string): Promise<Team> {
  const trimmed = name.trim();
  if (!trimmed) throw new AccountError('A team needs a name');
  const existing = await db.query('select 1 from teams where lower(name) = lower($1)', [trimmed]);
  if (existing.rows.length > 0) throw new AccountError(`A team called "${trimmed}" already exists`);
  const team = { id: randomUUID(), name: trimmed };
  await db.query('insert into teams (id, name) values ($1, $2)', [team.id, team.name]);
  return team;
}

/** A team by its id or its name (case-insensitive). */
export async function findTeam(db: Queryable, idOrName: string): Promise<Team | undefined> {
  const { rows } = await db.query<Team>(
    `select id, name from teams where id::text = $1 or lower(name) = lower($1)`,
    [idOrName.trim()],
  );
  return rows[0];
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** Required except for admins. */
  teamId?: string | null;
  lineManagerId?: string | null;
  password: string;
  /** When they started in post (practice-rules §6 observations); null or absent when not known. */
  startedAt?: Date | null;
  /** scrypt cost (log2 N); tests lower it. */
  log2N?: number;
}

export const MIN_PASSWORD_LENGTH = 10;

export async function addUser(db: Queryable, user: NewUser): Promise<SessionUser> {
  const email = normaliseEmail(user.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new AccountError('Enter an email address like name@example.org');
  if (!user.name.trim()) throw new AccountError('A user needs a name');
  if (user.role !== 'admin' && !user.teamId) throw new AccountError(`A ${user.role} must belong to a team`);
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (user.startedAt && Number.isNaN(user.startedAt.getTime())) throw new AccountError('The start date is not a real date');
  const taken = await db.query('select 1 from users where email = $1', [email]);
  if (taken.rows.length > 0) throw new AccountError(`A user with the email ${email} already exists`);
  const row: UserRow = {
    id: randomUUID(),
    email,
    name: user.name.trim(),
    role: user.role,
    team_id: user.teamId ?? null,
    line_manager_id: user.lineManagerId ?? null,
    password_hash: await hashPassword(user.password, user.log2N),
  };
  await db.query(
    `insert into users (id, email, name, role, team_id, line_manager_id, password_hash, started_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.email, row.name, row.role, row.team_id, row.line_manager_id, row.password_hash, user.startedAt?.toISOString() ?? null],
  );
  return toSessionUser(row);
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users u where u.email = $1`, [
    normaliseEmail(email),
  ]);
  return rows[0];
}

export interface ListedUser extends SessionUser {
  teamName: string | null;
  lineManagerEmail: string | null;
  /** YYYY-MM-DD (UTC) they started in post, or null. */
  startedOn: string | null;
}

export async function listUsers(db: Queryable): Promise<ListedUser[]> {
  const { rows } = await db.query<UserRow & { team_name: string | null; line_manager_email: string | null; started_on: string | null }>(
    `select ${USER_COLUMNS}, t.name as team_name, m.email as line_manager_email,
       to_char(u.started_at at time zone 'UTC', 'YYYY-MM-DD') as started_on
     from users u left join teams t on t.id = u.team_id left join users m on m.id = u.line_manager_id
     order by t.name nulls first, u.role, u.email`,
  );
  return rows.map((row) => ({
    ...toSessionUser(row),
    teamName: row.team_name,
    lineManagerEmail: row.line_manager_email,
    startedOn: row.started_on,
  }));
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from users');
  return rows[0]?.n ?? 0;
}
