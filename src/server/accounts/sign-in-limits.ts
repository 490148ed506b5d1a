import type { Queryable } from '../storage/storage.ts';
import { sha256Hex } from './sessions-store.ts';

/**
 * Failed sign-ins are counted in the database (not process memory), so the limit holds across
 * every server instance. An account allows 5 failures per 15 minutes (guessing one person's
 * password); an address allows 20, because a council office signs in from one address.
 */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 20;

export interface SignInSubjects {
  account: string;
  address: string;
}

export function signInSubjects(email: string, ip: string): SignInSubjects {
  return { account: `account:${sha256Hex(email.trim().toLowerCase())}`, address: `ip:${sha256Hex(ip)}` };
}

/** Seconds until another try is allowed, or 0 when neither limit is reached. */
export async function secondsUntilSignInAllowed(db: Queryable, subjects: SignInSubjects): Promise<number> {
  const { rows } = await db.query<{ subject: string; failures: number }>(
    `select subject, count(*)::int as failures
     from sign_in_failures
     where subject in ($1, $2) and failed_at > now() - make_interval(secs => $3::double precision)
     group by subject`,
    [subjects.account, subjects.address, SIGN_IN_WINDOW_SECONDS],
  );
  let wait = 0;
  for (const row of rows) {
    const limit = row.subject === subjects.account ? ACCOUNT_FAILURE_LIMIT : ADDRESS_FAILURE_LIMIT;
    if (row.failures >= limit) wait = Math.max(wait, await secondsUntilBelowLimit(db, row.subject, limit));
  }
  return wait;
}

/** When enough failures have aged out of the window to allow one more try. */
async function secondsUntilBelowLimit(db: Queryable, subject: string, limit: number): Promise<number> {
  const { rows } = await db.query<{ wait: number }>(
    `select greatest(1, ceil(extract(epoch from failed_at + make_interval(secs => $2::double precision) - now())))::int as wait
     from sign_in_failures
     where subject = $1 and failed_at > now() - make_interval(secs => $2::double precision)
     order by failed_at desc offset $3 limit 1`,
    [subject, SIGN_IN_WINDOW_SECONDS, limit - 1],
  );
  return rows[0]?.wait ?? 1;
}

export async function recordSignInFailure(db: Queryable, subjects: SignInSubjects): Promise<void> {
  await db.query('insert into sign_in_failures (subject) values ($1), ($2)', [subjects.account, subjects.address]);
}

/** A correct password clears the account's failures (not the address's) and old rows. */
export async function clearSignInFailures(db: Queryable, subjects: SignInSubjects): Promise<void> {
  await db.query(
    `delete from sign_in_failures
     where subject = $1 or failed_at <= now() - make_interval(secs => $2::double precision)`,
    [subjects.account, SIGN_IN_WINDOW_SECONDS],
  );
}
