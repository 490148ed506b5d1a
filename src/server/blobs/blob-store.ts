import type { UserRow } from '../accounts/accounts-store.ts';
import type { Queryable } from '../storage/storage.ts';
import { visibleRecordsSql } from '../sync/access.ts';

/**
 * Blobs (photos) are kept in the database, named by SHA-256, so every server instance sees
 * the same ones and a PGlite DATA_DIR holds everything. Storing is idempotent: the same bytes
 * always have the same name.
 */
export async function storeBlob(db: Queryable, sha256: string, bytes: Buffer, userId: string): Promise<boolean> {
  const inserted = await db.query(
    `insert into blobs (sha256, size, bytes) values ($1, $2, $3) on conflict (sha256) do nothing returning sha256`,
    [sha256, bytes.length, bytes],
  );
  await db.query(`insert into blob_uploads (sha256, user_id) values ($1, $2) on conflict do nothing`, [sha256, userId]);
  return inserted.rows.length > 0;
}

/**
 * The bytes, if this user may read them: they uploaded them (so they had the bytes already), or
 * they may see a record that legitimately holds the photo — its current version's link to it
 * was accepted at push (record_photos), not merely listed in `records.blobs`. With them, the
 * ids of those records (for the audit trail).
 */
export async function readBlobFor(
  db: Queryable,
  user: UserRow,
  sha256: string,
): Promise<{ bytes: Buffer; recordIds: string[] } | undefined> {
  if (user.role === 'admin') return undefined;
  const params: unknown[] = [sha256, user.id];
  const param = (value: unknown) => `$${params.push(value)}`;
  const { rows } = await db.query<{ bytes: Uint8Array; record_ids: string[]; uploaded: boolean }>(
    `select b.bytes,
            array(select r.id from record_photos p join records r on r.id = p.record_id
                  where p.sha256 = b.sha256 and ${visibleRecordsSql(user, 'r', param)} order by r.id) as record_ids,
            exists (select 1 from blob_uploads u where u.sha256 = b.sha256 and u.user_id = $2::uuid) as uploaded
     from blobs b where b.sha256 = $1`,
    params,
  );
  const row = rows[0];
  if (!row || (!row.uploaded && row.record_ids.length === 0)) return undefined;
  return { bytes: Buffer.from(row.bytes), recordIds: row.record_ids };
}
