/**
 * Sign-in limits as one counter row per subject instead of one row per failure, so an attempt
 * is counted and judged in a single `insert … on conflict do update … returning` (issue 11:
 * with check-then-record, 30 parallel guesses all passed the check). The row lock taken by the
 * upsert orders concurrent attempts on one subject, on PGlite and across PostgreSQL servers.
 * The old failure rows are only 15 minutes of history, so they are dropped, not carried over.
 */
export const signInCounters = {
  id: '006',
  name: 'sign-in-counters',
  sql: `
    create table sign_in_counters (
      -- 'account:<sha256 of email>' or 'ip:<sha256 of address>': no address or email in clear.
      subject text primary key,
      -- attempts admitted in this window that did not succeed (failures and ones in flight)
      attempts integer not null check (attempts >= 0),
      window_ends_at timestamptz not null
    );
    drop table sign_in_failures;
  `,
} as const;
