import type { Queryable } from './storage.ts';

/**
 * PostgreSQL with two users (DATABASE_MIGRATION_URL owns the tables, DATABASE_URL runs the
 * server): what the runtime user may do to each table. The owner of a table can disable or drop
 * its triggers, so a server that owned audit_events and reviews could rewrite them; the runtime
 * user owns nothing and gets only these rights. audit_events and reviews: insert and read only.
 *
 * Fails closed: a table in the schema that is missing here stops the migration with its name,
 * so a new migration's table never silently runs with no rights (or with too many). `for update`
 * needs UPDATE, and `on conflict do nothing` needs only INSERT. Identity columns need no sequence
 * right; change_seq is drawn with nextval(), which needs USAGE.
 */
export const RUNTIME_TABLE_GRANTS: Readonly<Record<string, readonly TablePrivilege[]>> = {
  schema_migrations: ['select'],
  records: ['select', 'insert', 'update'],
  teams: ['select', 'insert', 'update'],
  users: ['select', 'insert'],
  sessions: ['select', 'insert', 'update', 'delete'],
  // upsert (insert … on conflict do update) counts an attempt; delete clears an account's count
  sign_in_counters: ['select', 'insert', 'update', 'delete'],
  mutations: ['select', 'insert', 'update'],
  record_conflicts: ['select', 'insert', 'update'],
  blobs: ['select', 'insert'],
  blob_uploads: ['select', 'insert'],
  record_photos: ['select', 'insert', 'delete'],
  key_escrow: ['select', 'insert', 'update'],
  reviews: ['select', 'insert'],
  audit_events: ['select', 'insert'],
};

export const RUNTIME_SEQUENCE_GRANTS: readonly string[] = ['change_seq'];

type TablePrivilege = 'select' | 'insert' | 'update' | 'delete';

/**
 * Run by the migration owner, in the migrations' transaction, on every start: revokes whatever
 * the runtime role held on the schema's tables and sequences, then grants exactly the lists
 * above, so the rights always match this file (a right removed here is removed there too).
 */
export async function grantRuntimeAccess(tx: Queryable, runtimeRole: string): Promise<void> {
  const { rows } = await tx.query<{ owner: string; schema: string; quoted_schema: string; quoted_role: string; superuser: boolean | null; member_of_owner: boolean }>(
    `select current_user as owner, current_schema() as schema, quote_ident(current_schema()) as quoted_schema,
            quote_ident($1) as quoted_role, (select rolsuper from pg_roles where rolname = $1) as superuser,
            pg_has_role($1, current_user, 'member') as member_of_owner`,
    [runtimeRole],
  );
  const here = rows[0]!;
  if (here.owner === runtimeRole) {
    throw new Error(`DATABASE_MIGRATION_URL and DATABASE_URL both log in as "${runtimeRole}": the runtime user must be a different, non-owner user`);
  }
  if (here.superuser) {
    throw new Error(`the DATABASE_URL user "${runtimeRole}" is a superuser, which no grant can restrict: use an ordinary role`);
  }

  if (here.member_of_owner) {
    // A member of the owning role acts as the owner (ALTER TABLE, DISABLE TRIGGER).
    throw new Error(`the DATABASE_URL user "${runtimeRole}" is a member of "${here.owner}", so it has the owner's rights: revoke that membership`);
  }

  const tables = await tx.query<{ name: string; owner: string }>(
    `select tablename as name, tableowner as owner from pg_tables where schemaname = current_schema() order by tablename`,
  );
  for (const table of tables.rows) {
    if (table.owner === runtimeRole) {
      throw new Error(`table ${table.name} is owned by the DATABASE_URL user "${runtimeRole}": reassign it to the migration user (reassign owned by ...)`);
    }
    if (!(table.name in RUNTIME_TABLE_GRANTS)) {
      throw new Error(`table ${table.name} has no runtime grants: add it to RUNTIME_TABLE_GRANTS in src/server/storage/runtime-grants.ts`);
    }
  }

  const schema = here.quoted_schema;
  const role = here.quoted_role;
  const present = new Set(tables.rows.map((table) => table.name));
  const statements = [
    `revoke all on all tables in schema ${schema} from ${role}`,
    `revoke all on all sequences in schema ${schema} from ${role}`,
    `grant usage on schema ${schema} to ${role}`,
    // Names below come from this file, not from input; all are plain lower-case identifiers.
    ...Object.entries(RUNTIME_TABLE_GRANTS)
      .filter(([table]) => present.has(table))
      .map(([table, privileges]) => `grant ${privileges.join(', ')} on table ${schema}.${table} to ${role}`),
    ...RUNTIME_SEQUENCE_GRANTS.map((sequence) => `grant usage on sequence ${schema}.${sequence} to ${role}`),
  ];
  await tx.exec(statements.join(';\n'));
}
