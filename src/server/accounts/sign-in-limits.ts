import type { Queryable } from '../storage/storage.ts';
import { sha256Hex } from './sessions-store.ts';

/**
 * Failed sign-ins are counted in the database (not process memory), so the limits hold across
 * every server instance.
 *
 * - An account allows 5 failures per 15 minutes, from anywhere: guessing one person's password.
 * - An address has a ceiling of 30 failures per 5 minutes over all accounts (spraying one
 *   password at many accounts). It only slows that address for what is left of its 5 minutes
 *   and never locks an account: a council office, or everyone behind a proxy that is not
 *   trusted (TRUST_PROXY), shares one address, and 20 typos there once locked everybody out for
 *   15 minutes (issue 11). Other addresses are never affected.
 *
 * A wrong password is counted in one upsert that returns the new count, and only a guess whose
 * count is within the limit is answered 401; every other one is 429, so of 30 guesses sent at
 * once exactly 5 are answered, whatever the interleaving (issue 11: check-then-record let all 30
 * through). The row lock of `on conflict do update` orders the guesses, on PGlite and across
 * PostgreSQL servers. A right password counts nothing (so one person on six devices, or an
 * office signing in at 9:00, is never refused) but is refused while the limit is reached.
 */
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;
export const ADDRESS_FAILURE_CEILING = 30;
export const ADDRESS_WINDOW_SECONDS = 5 * 60;

export interface SignInSubjects {
  account: string;
  address: string;
}

export function signInSubjects(email: string, ip: string): SignInSubjects {
  return { account: `account:${sha256Hex(email.trim().toLowerCase())}`, address: `ip:${sha256Hex(ip)}` };
}

interface CounterRow {
  subject: string;
  failures: number;
  seconds_left: number;
}

const limitOf = (subjects: SignInSubjects, subject: string) =>
  subject === subjects.account ? ACCOUNT_FAILURE_LIMIT : ADDRESS_FAILURE_CEILING;

/** Seconds until the longest reached limit's window ends, or 0 when `over` holds for none. */
function waitFor(subjects: SignInSubjects, rows: CounterRow[], over: (failures: number, limit: number) => boolean): number {
  let wait = 0;
  for (const row of rows) {
    if (over(row.failures, limitOf(subjects, row.subject))) wait = Math.max(wait, row.seconds_left);
  }
  return wait;
}

/**
 * Seconds until another try is allowed, or 0 when neither limit is reached. Asked before the
 * password is checked (a limited caller costs no scrypt) and again before a right password is
 * accepted (guesses counted meanwhile count).
 */
export async function secondsUntilSignInAllowed(db: Queryable, subjects: SignInSubjects): Promise<number> {
  const { rows } = await db.query<CounterRow>(
    `select subject, attempts as failures, greatest(1, ceil(extract(epoch from window_ends_at - now())))::int as seconds_left
     from sign_in_counters where subject in ($1, $2) and window_ends_at > now()`,
    [subjects.account, subjects.address],
  );
  return waitFor(subjects, rows, (failures, limit) => failures >= limit);
}

/**
 * Counts one wrong password against both subjects and returns 0 if it was within both limits
 * (answer 401), else the seconds to wait (answer 429: a guess past the limit is not judged).
 * Both rows are locked in the same order (account, then address) by every call: no deadlock.
 */
export async function countSignInFailure(db: Queryable, subjects: SignInSubjects): Promise<number> {
  const { rows } = await db.query<CounterRow>(
    `insert into sign_in_counters as c (subject, attempts, window_ends_at)
     values ($1, 1, now() + make_interval(secs => $2::double precision)),
            ($3, 1, now() + make_interval(secs => $4::double precision))
     on conflict (subject) do update set
       attempts = case when c.window_ends_at <= now() then 1 else c.attempts + 1 end,
       window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at else c.window_ends_at end
     returning subject, attempts as failures,
       greatest(1, ceil(extract(epoch from window_ends_at - now())))::int as seconds_left`,
    [subjects.account, ACCOUNT_WINDOW_SECONDS, subjects.address, ADDRESS_WINDOW_SECONDS],
  );
  return waitFor(subjects, rows, (failures, limit) => failures > limit);
}

/** A right password clears the account's failures (not the address's) and prunes ended windows. */
export async function clearSignInFailures(db: Queryable, subjects: SignInSubjects): Promise<void> {
  await db.query(`delete from sign_in_counters where subject = $1 or window_ends_at <= now()`, [subjects.account]);
}
