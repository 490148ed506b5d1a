/**
 * The sync wire protocol: zod schemas for every message between a device and the server.
 * Shared by the client engine (src/app/sync) and the server (each src/server/<concern> plugin's
 * route schemas: requests are validated and replies serialized with them); no DOM or
 * Node imports. Changes are additive only.
 *
 * AUTH — a session is an HttpOnly, SameSite=Strict cookie `doorstep_session` (Secure over
 * https) holding a random token; the server keeps only its SHA-256. Same-origin fetches carry
 * it (fetch default credentials 'same-origin'); page scripts can never read it.
 *   POST /api/auth/sign-in  SignInRequest → 200 SessionInfo + Set-Cookie | 401 | 429 (Retry-After)
 *   POST /api/auth/sign-out → 204 (clears the cookie; the session is deleted on the server)
 *   GET  /api/session       → 200 SessionInfo | 401 {code: 'signed-out'}
 * Every POST/PUT/DELETE to /api must send the header `x-doorstep: 1` (CSRF_HEADER), else 403
 * {code: 'csrf'}. Any /api call may answer 401 {code: 'signed-out'} when the session expired.
 *
 * PUSH — POST /api/sync/push PushRequest → 200 PushResponse: one MutationResult per mutation,
 * in order. Each mutation is applied in its own transaction; a mutationId seen before answers
 * `duplicate` with the earlier outcome. `conflict` means the pushed version was kept as a
 * conflict copy (never dropped); `rejected` means nothing was stored (schema or permission).
 * Admins get 403 (they manage users, not case records).
 *
 * PULL — GET /api/sync/pull?since=<cursor>&limit=<n> → 200 PullResponse: the records and
 * conflict copies this user may see that changed after the cursor, in server order, each with
 * its own cursor. Apply the page, then store nextCursor; repeat while hasMore. Start at "0".
 * A cursor never skips a change, even with several server processes writing at once.
 *
 * BLOBS — photos are content-addressed: PUT /api/blobs/<sha256> with the raw bytes, before the
 * record that lists the hash in `record.blobs` is pushed. 201/200 BlobUploadReply; 400
 * {code: 'hash-mismatch'}; 413 {error: 'Photo is larger than 10 MB'}. Safe to repeat.
 * A pushed record may list only photos its pusher uploaded, or that a record the pusher may
 * change already holds; otherwise the mutation is rejected 'permission' naming the photo.
 * GET /api/blobs/<sha256> → the bytes (cache-control no-store), for the uploader or anyone who
 * may see a record whose current version holds the photo by such an accepted link; otherwise
 * 404 (not 403, so hashes are not confirmed).
 *
 * SIGN-OFF — a manager of the record's team signs off (or returns) one exact revision of a
 * 'submitted' record by pushing it with status 'signed-off' (or 'returned'), baseRev = the rev
 * read, the body read unchanged, and `record.review = { contentSha256: contentHash(body),
 * comment? }` (comment required to return). Anything stale is rejected 'changed-since-read',
 * never kept as a conflict copy. A signed-off record is frozen: every change is rejected
 * 'signed-off'; corrections are addenda (type 'addendum', body AddendumBody). ServerRecord.review
 * is the latest review. A returned record is edited by its team and pushed as 'submitted' again.
 *
 * AUDIT — GET /api/audit?childId=…&userId=…&cursor=…&limit=… → 200 AuditPage (admins only; 403
 * for other roles). Reads (pull), applied writes and photo reads are recorded, never content.
 *
 * TEAM — GET /api/team → 200 TeamResponse: the members of the user's team (id, name, role, line
 * manager, when they started in post; no emails), or the user alone when they have no team,
 * and the team's devicePinPolicy. KEY ESCROW — see key-escrow.ts.
 *
 * HEALTH — GET /api/health → 200 HealthReply {status: 'ok'} | 503 {status: 'unavailable'}.
 *
 * ERRORS — every non-2xx reply from /api is an ErrorBody `{ error, code?, ... }`.
 */
export * from './common.ts';
export * from './errors.ts';
export * from './auth.ts';
export * from './record-bodies.ts';
export * from './pull.ts';
export * from './push.ts';
export * from './blobs.ts';
export * from './review.ts';
export * from './content-hash.ts';
export * from './audit.ts';
export * from './team.ts';
export * from './health.ts';
export * from './key-escrow.ts';
