/**
 * Records and conflict copies leave the database already in their wire shape
 * (ServerRecord / ConflictCopy in src/shared/sync/pull.ts), built by one SQL expression each
 * so a pull page is a single statement — one snapshot, which the cursor relies on.
 */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const recordJsonSql = (r: string) => `jsonb_build_object(
  'id', ${r}.id, 'type', ${r}.type, 'status', ${r}.status, 'rev', ${r}.rev, 'body', ${r}.body,
  'teamId', ${r}.team_id, 'createdBy', ${r}.created_by, 'updatedBy', ${r}.updated_by,
  'updatedAt', ${iso(`${r}.updated_at`)}, 'observedPractitionerId', ${r}.observed_practitioner_id,
  'blobs', to_jsonb(${r}.blobs), 'review', ${latestReviewSql(r)})`;

/** The record's latest sign-off or return (RecordReview), or SQL null. */
const latestReviewSql = (r: string) => `(
  select jsonb_build_object('action', v.action, 'rev', v.rev, 'contentSha256', v.content_sha256,
    'by', v.reviewed_by, 'byName', reviewer.name, 'at', ${iso('v.reviewed_at')}, 'comment', v.comment)
  from reviews v join users reviewer on reviewer.id = v.reviewed_by
  where v.record_id = ${r}.id order by v.id desc limit 1)`;

export const conflictJsonSql = (c: string) => `jsonb_build_object(
  'id', ${c}.id, 'recordId', ${c}.record_id, 'recordType', ${c}.type, 'baseRev', ${c}.base_rev,
  'serverRev', ${c}.server_rev, 'status', ${c}.status, 'body', ${c}.body, 'mutationId', ${c}.mutation_id,
  'createdBy', ${c}.created_by, 'createdAt', ${iso(`${c}.created_at`)},
  'resolvedAt', case when ${c}.resolved_at is null then null else ${iso(`${c}.resolved_at`)} end,
  'resolvedByRev', ${c}.resolved_by_rev)`;
