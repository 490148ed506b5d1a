/**
 * Accounts: teams, users with a role, sessions (only the SHA-256 of each token) and failed
 * sign-ins. Sessions and sign-in failures live here, not in process memory, so several server
 * instances behind a load balancer agree on them.
 */
export const accounts = {
  id: '002',
  name: 'accounts',
  sql: `
    create table teams (
      id uuid primary key,
      name text not null unique,
      created_at timestamptz not null default now()
    );
    create table users (
      id uuid primary key,
      email text not null unique check (email = lower(email)),
      name text not null,
      role text not null check (role in ('practitioner', 'observer', 'manager', 'admin')),
      team_id uuid references teams (id),
      line_manager_id uuid references users (id),
      password_hash text not null,
      created_at timestamptz not null default now(),
      check (role = 'admin' or team_id is not null)
    );
    create table sessions (
      token_sha256 text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user on sessions (user_id);
    create table sign_in_failures (
      id bigint generated always as identity primary key,
      -- 'account:<sha256 of email>' or 'ip:<sha256 of address>': no address or email in clear.
      subject text not null,
      failed_at timestamptz not null default now()
    );
    create index sign_in_failures_subject on sign_in_failures (subject, failed_at);
  `,
} as const;
