import { openBytes, sealBytes, type BinaryInput } from '../crypto/sealed';
import { currentDataKey } from '../lock/device-session';
import { db } from './database';

// A photo is bound to its record and its own id, so it cannot be moved to another record.
const aad = (recordId: string, blobId: string) => `${recordId}/${blobId}`;

export interface SavedBlob {
  id: string;
  recordId: string;
  size: number;
}

/**
 * Keeps a photo (a child's drawing) on the device, its bytes sealed like record content.
 * Saving the same blobId again replaces it. Throws DeviceLockedError while locked.
 * Not queued for sync yet: blobs go up before the record that refers to them (sync engine).
 */
export async function saveBlob(recordId: string, blobId: string, data: BinaryInput): Promise<SavedBlob> {
  const sealed = await Promise.resolve(sealBytes(currentDataKey(), data, aad(recordId, blobId)));
  const mediaType = data instanceof Blob && data.type ? data.type : 'application/octet-stream';
  await db.blobs.put({ id: blobId, recordId, mediaType, sealed, createdAt: new Date().toISOString() });
  return { id: blobId, recordId, size: sealed.ct.byteLength - 16 };
}

/** The photo as a Blob of the type it was saved with, or undefined if there is none. */
export async function getBlob(blobId: string): Promise<Blob | undefined> {
  const row = await db.blobs.get(blobId);
  if (!row) return undefined;
  const bytes = await Promise.resolve(openBytes(currentDataKey(), row.sealed, aad(row.recordId, row.id)));
  return new Blob([bytes], { type: row.mediaType });
}

/** Ids of a record's photos, oldest first. */
export async function listBlobIds(recordId: string): Promise<string[]> {
  const rows = await db.blobs.where('recordId').equals(recordId).sortBy('createdAt');
  return rows.map((row) => row.id);
}

/** Whether the photo is on this device (cheap: no decryption), for a live query to wait on. */
export async function hasBlob(blobId: string): Promise<boolean> {
  return (await db.blobs.where('id').equals(blobId).count()) > 0;
}

export async function deleteBlob(blobId: string): Promise<void> {
  await db.blobs.delete(blobId);
}

/** The plain bytes of a stored photo and its media type (for upload), or undefined. */
export async function getBlobBytes(blobId: string): Promise<{ bytes: ArrayBuffer; mediaType: string; recordId: string } | undefined> {
  const row = await db.blobs.get(blobId);
  if (!row) return undefined;
  const bytes = await Promise.resolve(openBytes(currentDataKey(), row.sealed, aad(row.recordId, row.id)));
  return { bytes, mediaType: row.mediaType, recordId: row.recordId };
}
