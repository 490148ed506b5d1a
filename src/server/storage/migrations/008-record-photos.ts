/**
 * Which records legitimately hold which photos (issue 11, item 3). `records.blobs` is what a
 * device sent; `record_photos` holds only the links the server accepted: the pusher uploaded
 * the photo, or it was already linked to a record the pusher may change
 * (src/server/blobs/record-photos.ts). Photo reads go through this table only, so listing a
 * hash one merely knows no longer opens the bytes. It mirrors the record's current version.
 *
 * Backfill: links written before this check are kept only when someone of the record's team
 * (or its author) uploaded the photo — what a legitimate push would have passed. A link from a
 * record of one team to another team's upload is dropped: that is the hole being closed.
 */
export const recordPhotos = {
  id: '008',
  name: 'record-photos',
  sql: `
    create table record_photos (
      record_id text not null references records (id),
      sha256 text not null references blobs (sha256),
      primary key (record_id, sha256)
    );
    create index record_photos_sha256 on record_photos (sha256);

    insert into record_photos (record_id, sha256)
    select distinct r.id, listed.sha256
    from records r cross join lateral unnest(r.blobs) as listed (sha256)
    where exists (
      select 1 from blob_uploads u join users uploader on uploader.id = u.user_id
      where u.sha256 = listed.sha256
        and (u.user_id in (r.created_by, r.updated_by) or uploader.team_id = r.team_id)
    );
  `,
} as const;
