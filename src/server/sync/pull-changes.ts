import type { PullChange, PullResponse } from '../../shared/sync/index.ts';
import type { UserRow } from '../accounts/accounts-store.ts';
import type { Queryable } from '../storage/storage.ts';
import { visibleRecordsSql } from './access.ts';
import { conflictJsonSql, recordJsonSql } from './record-json.ts';

/**
 * One page of the changes this user may see after `since`, in change order. One statement, so
 * records and conflict copies come from one snapshot: reading them in two queries could see a
 * later conflict and miss an earlier record committed in between, and the cursor would skip it.
 * A record that changed several times since the cursor appears once, at its latest position.
 */
export async function pullChanges(db: Queryable, user: UserRow, since: string, limit: number): Promise<PullResponse> {
  const params: unknown[] = [since, limit + 1];
  const param = (value: unknown) => `$${params.push(value)}`;
  // Ordered by the bigint seq, not by its text form (where "10" would sort before "9").
  const { rows } = await db.query<{ kind: 'record' | 'conflict'; position: string; data: never }>(
    `select kind, seq::text as position, data from (
       select 'record' as kind, r.seq, ${recordJsonSql('r')} as data
       from records r where r.seq > $1::bigint and ${visibleRecordsSql(user, 'r', param)}
       union all
       select 'conflict' as kind, c.seq, ${conflictJsonSql('c')} as data
       from record_conflicts c join records r on r.id = c.record_id where c.seq > $1::bigint and ${visibleRecordsSql(user, 'r', param)}
     ) changes
     order by seq limit $2`,
    params,
  );
  const page = rows.slice(0, limit);
  const changes: PullChange[] = page.map((row) =>
    row.kind === 'record'
      ? { kind: 'record', cursor: row.position, record: row.data }
      : { kind: 'conflict', cursor: row.position, conflict: row.data },
  );
  return { changes, nextCursor: page.at(-1)?.position ?? since, hasMore: rows.length > limit };
}
