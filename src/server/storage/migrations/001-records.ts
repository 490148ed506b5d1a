/**
 * The first table: every synced record, whatever its type, as a JSON body with a revision.
 * The sync work builds on this (invariant 2: an edit names the revision it was based on).
 */
export const records = {
  id: '001',
  name: 'records',
  sql: `
    create table records (
      id uuid primary key,
      type text not null,
      rev integer not null,
      body jsonb not null,
      updated_at timestamptz not null default now()
    );
  `,
} as const;
