import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../storage/storage.ts';
import { USER_COLUMNS, type UserRow } from './accounts-store.ts';

/**
 * A session token is 32 random bytes, given to the browser once (in the cookie). The database
 * keeps only its SHA-256, so a copy of the database cannot be used to sign in as anyone.
 * Expiry is compared with the database's clock, which every server instance shares.
 */
export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(db: Queryable, userId: string, days: number): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ expires_at: Date }>(
    `insert into sessions (token_sha256, user_id, expires_at)
     values ($1, $2, now() + make_interval(secs => $3::double precision)) returning expires_at`,
    [sha256Hex(token), userId, days * 86_400],
  );
  return { token, expiresAt: new Date(rows[0]!.expires_at) };
}

export interface SessionWithUser {
  user: UserRow;
  expiresAt: Date;
}

export async function findSession(db: Queryable, token: string): Promise<SessionWithUser | undefined> {
  const { rows } = await db.query<UserRow & { expires_at: Date }>(
    `select ${USER_COLUMNS}, s.expires_at from sessions s join users u on u.id = s.user_id
     where s.token_sha256 = $1 and s.expires_at > now()`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { expires_at, ...user } = row;
  return { user, expiresAt: new Date(expires_at) };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_sha256 = $1', [sha256Hex(token)]);
}

/** Expired sessions are useless; clear them now and then (on sign-in) so the table stays small. */
export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.query('delete from sessions where expires_at <= now()');
}
