import type { UserRow } from '../accounts/accounts-store.ts';
import type { Queryable } from '../storage/storage.ts';
import { mayEdit, maySee, type RecordAccessRow } from '../sync/access.ts';

/**
 * The first photo of `hashes` this user may not attach to a record, if any. A SHA-256 is not a
 * secret (it shows in logs, audit events, other teams' devices), so knowing one proves nothing:
 * a photo may be listed only by someone who uploaded its bytes, or who may change a record that
 * already legitimately holds it (a teammate editing or re-using their team's photo).
 */
export async function photoNotAttachable(db: Queryable, user: UserRow, hashes: readonly string[]): Promise<string | undefined> {
  const listed = [...new Set(hashes)];
  if (listed.length === 0) return undefined;
  const { rows: notUploaded } = await db.query<{ sha256: string }>(
    `select listed.sha256 from unnest($1::text[]) as listed (sha256)
     where not exists (select 1 from blob_uploads u where u.sha256 = listed.sha256 and u.user_id = $2::uuid)`,
    [listed, user.id],
  );
  if (notUploaded.length === 0) return undefined;

  const { rows: holders } = await db.query<RecordAccessRow & { sha256: string }>(
    `select p.sha256, r.type, r.team_id, r.created_by, r.observed_practitioner_id
     from record_photos p join records r on r.id = p.record_id
     where p.sha256 = any($1::text[])`,
    [notUploaded.map((row) => row.sha256)],
  );
  for (const { sha256 } of notUploaded) {
    let writable = false;
    for (const holder of holders.filter((h) => h.sha256 === sha256)) {
      if (mayEdit(user, holder) && (await maySee(db, user, holder))) {
        writable = true;
        break;
      }
    }
    if (!writable) return sha256;
  }
  return undefined;
}

/** Makes the record's accepted photo links those of its new current version (checked above). */
export async function linkRecordPhotos(db: Queryable, recordId: string, hashes: readonly string[]): Promise<void> {
  await db.query('delete from record_photos where record_id = $1 and not (sha256 = any($2::text[]))', [recordId, [...hashes]]);
  await db.query(
    `insert into record_photos (record_id, sha256) select $1, unnest($2::text[]) on conflict do nothing`,
    [recordId, [...new Set(hashes)]],
  );
}
