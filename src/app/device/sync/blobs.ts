import { db } from '../db';
import { getBlobBytes } from '../db/blobs';
import { BLOB_MAX_BYTES } from '../../../shared/sync/index.ts';
import { RequestError } from './errors';
import type { SyncTransport } from './transport';

/** Lower-case hex SHA-256 of the plain bytes: a photo's name on the server. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  // A view, not the buffer: WebCrypto under jsdom takes views of any realm (see test/dom/setup.ts).
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The local photo ids a record body refers to (direct work's `photoIds`). */
export function photoIdsOf(body: unknown): string[] {
  const ids = (body as { photoIds?: unknown } | null)?.photoIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Uploads the photos a record refers to, before the record itself (design: blobs go first),
 * and returns their SHA-256 names in the body's order. A photo already uploaded from this
 * device is not sent again; the server's PUT is idempotent anyway, so a retry after a lost
 * reply is harmless. A photo the body names but the device no longer has is left out.
 * Throws RequestError for a photo the server refuses (too large, hash mismatch).
 */
export async function uploadPhotosOf(transport: SyncTransport, body: unknown): Promise<string[]> {
  const hashes: string[] = [];
  for (const blobId of photoIdsOf(body)) {
    const known = await db.uploadedBlobs.get(blobId);
    if (known) {
      hashes.push(known.sha256);
      continue;
    }
    const photo = await getBlobBytes(blobId);
    if (!photo) continue;
    if (photo.bytes.byteLength > BLOB_MAX_BYTES) throw new RequestError('Photo is larger than 10 MB', 413, 'too-large');
    const sha256 = await sha256Hex(photo.bytes);
    await transport.putBlob(sha256, photo.bytes, photo.mediaType);
    await db.uploadedBlobs.put({ id: blobId, sha256, uploadedAt: new Date().toISOString() });
    hashes.push(sha256);
  }
  return hashes;
}
