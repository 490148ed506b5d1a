import type { AuditAction, AuditEvent, AuditPage, AuditQuery } from '../../shared/sync/index.ts';
import type { Queryable } from '../storage/storage.ts';

/**
 * The audit trail (audit_events, migration 004): who read or wrote which record, and which
 * children it is about — never its content. Rows are only ever added; the database refuses
 * any change to them.
 */

/**
 * The children a record is about, as a SQL expression over a `records` row: an addendum is
 * about its parent's children (record_child_ids is in migration 004).
 */
const childIdsSql = (r: string) => `coalesce(case when ${r}.type = 'addendum'
    then (select record_child_ids(p.id, p.type, p.body) from records p where p.id = ${r}.body ->> 'parentId')
    else record_child_ids(${r}.id, ${r}.type, ${r}.body) end, '{}')`;

/**
 * One event per record id, in one statement (a pull page is audited with one insert). A
 * record id listed twice gets two events; ids of records that do not exist get none.
 */
export async function recordEvents(db: Queryable, userId: string, action: AuditAction, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await db.query(
    `insert into audit_events (user_id, action, record_id, record_type, child_ids)
     select $1::uuid, $2, r.id, r.type, ${childIdsSql('r')}
     from unnest($3::text[]) with ordinality as listed (id, n) join records r on r.id = listed.id
     order by listed.n`,
    [userId, action, recordIds],
  );
}

/** A photo read: one event per record it belongs to that the reader may see, or one on its own. */
export async function recordBlobRead(db: Queryable, userId: string, sha256: string, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) {
    await db.query(`insert into audit_events (user_id, action, blob_sha256) values ($1::uuid, 'blob-read', $2)`, [userId, sha256]);
    return;
  }
  await db.query(
    `insert into audit_events (user_id, action, record_id, record_type, child_ids, blob_sha256)
     select $1::uuid, 'blob-read', r.id, r.type, ${childIdsSql('r')}, $2
     from records r where r.id = any($3::text[]) order by r.id`,
    [userId, sha256, recordIds],
  );
}

/** A page of events, oldest first, after the cursor (an event id). */
export async function listAuditEvents(db: Queryable, query: AuditQuery): Promise<AuditPage> {
  const params: unknown[] = [query.cursor, query.limit + 1];
  const conditions = ['e.id > $1::bigint'];
  if (query.childId !== undefined) conditions.push(`e.child_ids @> array[$${params.push(query.childId)}::text]`);
  if (query.userId !== undefined) conditions.push(`e.user_id = $${params.push(query.userId)}::uuid`);
  const { rows } = await db.query<AuditEvent>(
    `select e.id::text as "id", to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "at",
            e.user_id::text as "userId", coalesce(u.name, '(removed user)') as "userName", e.action,
            e.record_id as "recordId", e.record_type as "recordType", e.child_ids as "childIds",
            e.blob_sha256 as "blobSha256"
     from audit_events e left join users u on u.id = e.user_id
     where ${conditions.join(' and ')}
     order by e.id limit $2`,
    params,
  );
  const events = rows.slice(0, query.limit);
  return { events, nextCursor: events.at(-1)?.id ?? query.cursor, hasMore: rows.length > query.limit };
}
