/**
 * Sync: records gain their team, authors, status and a change position (seq); pushes are
 * remembered by mutation id with their result; conflict copies are kept beside their record;
 * blobs are stored by SHA-256. Nothing wrote to records before this migration, so the new
 * not-null columns need no backfill.
 *
 * seq comes from change_seq but is only drawn under the change-order advisory lock, held to
 * commit (src/server/sync/change-order.ts explains why a reader can then never skip a change).
 */
export const sync = {
  id: '003',
  name: 'sync',
  sql: `
    create sequence change_seq;

    alter table records
      alter column id type text,
      add column status text not null check (status in ('draft', 'submitted', 'signed-off')),
      add column team_id uuid not null references teams (id),
      add column created_by uuid not null references users (id),
      add column updated_by uuid not null references users (id),
      add column observed_practitioner_id uuid references users (id),
      add column blobs text[] not null default '{}',
      add column seq bigint not null;
    create unique index records_seq on records (seq);
    create index records_team on records (team_id);
    create index records_blobs on records using gin (blobs);
    create index records_observed on records (observed_practitioner_id) where observed_practitioner_id is not null;

    create table mutations (
      mutation_id uuid primary key,
      user_id uuid not null references users (id),
      record_id text not null,
      -- {"status":"applied","rev":n} or {"status":"conflict","conflictId":"…"}
      result jsonb,
      created_at timestamptz not null default now()
    );

    create table record_conflicts (
      id uuid primary key,
      record_id text not null references records (id),
      mutation_id uuid not null unique references mutations (mutation_id),
      type text not null,
      status text not null,
      base_rev integer,
      server_rev integer not null,
      body jsonb not null,
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by_rev integer,
      seq bigint not null
    );
    create unique index record_conflicts_seq on record_conflicts (seq);
    create index record_conflicts_record on record_conflicts (record_id);

    create table blobs (
      sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      size integer not null,
      bytes bytea not null,
      created_at timestamptz not null default now()
    );
    create table blob_uploads (
      sha256 text not null references blobs (sha256),
      user_id uuid not null references users (id),
      primary key (sha256, user_id)
    );
  `,
} as const;
