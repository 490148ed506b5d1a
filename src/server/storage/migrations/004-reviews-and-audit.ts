/**
 * Issue 7. Records may be 'returned' (a manager sent them back with a comment). `reviews` keeps
 * every sign-off and return of one exact revision (its content hash). `audit_events` is the
 * audit trail: who read or wrote which record, about which children — never content.
 *
 * Both are append-only in the database itself: a trigger refuses UPDATE, DELETE and TRUNCATE,
 * so no code path (or person at a SQL prompt without the rights to drop a trigger) can rewrite
 * history. No foreign key on audit_events.user_id, so the trail never stops a user being removed.
 *
 * record_child_ids() says which children a record is about, from its body: a child record is
 * about itself; a visit about contact.children[].childId; direct work about childIds[] and
 * childId. Anything not shaped so is about no child (never an error: bodies are checked loosely).
 */
export const reviewsAndAudit = {
  id: '004',
  name: 'reviews-and-audit',
  sql: `
    alter table records drop constraint records_status_check;
    alter table records add constraint records_status_check
      check (status in ('draft', 'submitted', 'signed-off', 'returned'));

    create function refuse_change_to_history() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: its rows are never changed or removed', tg_table_name;
    end
    $$;

    create table reviews (
      id bigint generated always as identity primary key,
      record_id text not null references records (id),
      action text not null check (action in ('signed-off', 'returned')),
      rev integer not null,
      content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
      reviewed_by uuid not null references users (id),
      reviewed_at timestamptz not null default now(),
      comment text,
      unique (record_id, rev)
    );
    create trigger reviews_append_only before update or delete on reviews
      for each row execute function refuse_change_to_history();
    create trigger reviews_no_truncate before truncate on reviews
      for each statement execute function refuse_change_to_history();

    create table audit_events (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      user_id uuid not null,
      action text not null
        check (action in ('read', 'create', 'update', 'sign-off', 'return', 'conflict', 'blob-read')),
      record_id text,
      record_type text,
      child_ids text[] not null default '{}',
      blob_sha256 text
    );
    create index audit_events_user on audit_events (user_id, id);
    create index audit_events_children on audit_events using gin (child_ids);
    create trigger audit_events_append_only before update or delete on audit_events
      for each row execute function refuse_change_to_history();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function refuse_change_to_history();

    create function record_child_ids(record_id text, record_type text, record_body jsonb) returns text[]
    language sql immutable as $$
      select coalesce(array_agg(distinct child_id) filter (where child_id is not null and child_id <> ''), '{}')
      from (
        select record_id as child_id where record_type = 'child'
        union all
        select e ->> 'childId' from jsonb_array_elements(
          case when record_type = 'visit' and jsonb_typeof(record_body -> 'contact' -> 'children') = 'array'
               then record_body -> 'contact' -> 'children' else '[]'::jsonb end) e
          where jsonb_typeof(e -> 'childId') = 'string'
        union all
        select e #>> '{}' from jsonb_array_elements(
          case when record_type = 'direct-work' and jsonb_typeof(record_body -> 'childIds') = 'array'
               then record_body -> 'childIds' else '[]'::jsonb end) e
          where jsonb_typeof(e) = 'string'
        union all
        select record_body ->> 'childId'
          where record_type = 'direct-work' and jsonb_typeof(record_body -> 'childId') = 'string'
      ) ids
    $$;
  `,
} as const;
