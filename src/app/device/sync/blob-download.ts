import { db, DeviceLockedError, saveBlob } from '../db';
import type { PullChange, ServerRecord } from '../../../shared/sync/index.ts';
import { photoIdsOf, sha256Hex } from './blobs';
import { OfflineError, SignedOutError } from './errors';
import type { SyncTransport } from './transport';

/**
 * Photos of pulled records that this device does not have yet, kept in meta (plain: ids,
 * SHA-256 names and media types only, never a photo or a record's content) until they are
 * downloaded. Noted before the page that names them is applied, so a pulled record never
 * loses its photos: a download that fails stays on the list for the next sync round.
 */
export const PHOTOS_TO_FETCH_KEY = 'sync.photosToFetch';

export interface PhotoToFetch {
  recordId: string;
  /** The photo's id on the device that took it: the body's `photoIds` entry. */
  photoId: string;
  /** Its name on the server: the record version's `blobs` entry at the same position. */
  sha256: string;
  /** The media type the record's body gives it (direct work's `photos[].contentType`), if any. */
  mediaType?: string;
  /** Failed tries so far and the last failure's sentence (not counting being offline). */
  failures: number;
  lastError?: string;
}

export interface PhotoDownloadSummary {
  downloaded: number;
  /** Failed this round (404, server error): tried again next round. */
  failed: number;
  /** Bytes whose SHA-256 was not their name: not kept, tried again next round. */
  refused: number;
  /** Still on the list after this round (failed, refused, or not reached while offline). */
  waiting: number;
}

/** The bytes the server sent are not the photo the record names. */
export class PhotoHashMismatchError extends Error {
  override readonly name = 'PhotoHashMismatchError';
  constructor(expected: string, actual: string) {
    super(`The downloaded photo ${expected} has SHA-256 ${actual}: refused`);
  }
}

export async function listPhotosToFetch(): Promise<PhotoToFetch[]> {
  const stored = (await db.meta.get(PHOTOS_TO_FETCH_KEY))?.value;
  return Array.isArray(stored) ? (stored as PhotoToFetch[]) : [];
}

const IMAGE_TYPE = /^image\/[a-z0-9.+-]+$/;
const PHOTO_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * The photos a record version names, paired by position: `blobs[i]` is the SHA-256 of
 * `photoIds[i]` (blobs.ts uploads them in that order). If the counts differ (the sender left
 * out a photo it no longer had), which photo is which cannot be known, so none is fetched.
 */
export function photosNamedBy(record: Pick<ServerRecord, 'id' | 'body' | 'blobs'>): Omit<PhotoToFetch, 'failures'>[] {
  const photoIds = photoIdsOf(record.body);
  if (record.blobs.length === 0) return [];
  if (photoIds.length !== record.blobs.length) {
    console.warn(`Record ${record.id} lists ${record.blobs.length} photo hashes for ${photoIds.length} photos: not downloading them`);
    return [];
  }
  const types = new Map<string, string>();
  const photos = (record.body as { photos?: unknown }).photos;
  if (Array.isArray(photos)) {
    for (const photo of photos as { blobId?: unknown; contentType?: unknown }[]) {
      if (typeof photo?.blobId === 'string' && typeof photo.contentType === 'string' && IMAGE_TYPE.test(photo.contentType)) {
        types.set(photo.blobId, photo.contentType);
      }
    }
  }
  const seen = new Set<string>();
  const named: Omit<PhotoToFetch, 'failures'>[] = [];
  photoIds.forEach((photoId, i) => {
    if (!PHOTO_ID.test(photoId) || seen.has(photoId)) return;
    seen.add(photoId);
    const mediaType = types.get(photoId);
    named.push({ recordId: record.id, photoId, sha256: record.blobs[i]!, ...(mediaType ? { mediaType } : {}) });
  });
  return named;
}

/**
 * Notes the photos a pulled page's records name that this device lacks. A record's newer
 * version replaces what was noted for it (a photo taken out is no longer fetched). Photos
 * already on the device, or uploaded from it (its own records, even a photo since removed
 * here), are never fetched.
 */
export async function notePhotosToFetch(changes: readonly PullChange[]): Promise<void> {
  const named = new Map<string, Omit<PhotoToFetch, 'failures'>[]>();
  for (const change of changes) {
    if (change.kind === 'record') named.set(change.record.id, photosNamedBy(change.record));
  }
  if (named.size === 0) return;
  await db.transaction('rw', [db.meta, db.blobs, db.uploadedBlobs], async () => {
    const before = await listPhotosToFetch();
    const after = before.filter((entry) => !named.has(entry.recordId));
    for (const photos of named.values()) {
      for (const photo of photos) {
        if ((await hasPhoto(photo.photoId)) || (await db.uploadedBlobs.get(photo.photoId))) continue;
        const earlier = before.find((e) => e.photoId === photo.photoId && e.sha256 === photo.sha256);
        after.push({ ...photo, failures: earlier?.failures ?? 0, ...(earlier?.lastError ? { lastError: earlier.lastError } : {}) });
      }
    }
    if (before.length === 0 && after.length === 0) return;
    await db.meta.put({ key: PHOTOS_TO_FETCH_KEY, value: after });
  });
}

/** Whether the device keeps this photo (counted by key: the sealed bytes are not read). */
const hasPhoto = async (photoId: string) => (await db.blobs.where('id').equals(photoId).count()) > 0;

/** Takes one photo off the list (only that version of it), and notes a failure if given. */
async function settle(entry: PhotoToFetch, failure?: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const list = await listPhotosToFetch();
    const same = (e: PhotoToFetch) => e.photoId === entry.photoId && e.sha256 === entry.sha256;
    const next =
      failure === undefined
        ? list.filter((e) => !same(e))
        : list.map((e) => (same(e) ? { ...e, failures: e.failures + 1, lastError: failure } : e));
    await db.meta.put({ key: PHOTOS_TO_FETCH_KEY, value: next });
  });
}

export interface DownloadOptions {
  transport: SyncTransport;
  /** After each photo: photos handled so far, out of those on the list. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Downloads the photos on the list, checks each one's SHA-256 against its name, and keeps it
 * sealed like every photo (saveBlob, bound to its record and id). Never throws for one photo:
 * a 404, a server error or wrong bytes leave it on the list for the next round. Stops early
 * (the rest wait) when offline or locked; a 401 is thrown, as from any sync call.
 */
export async function downloadPhotos({ transport, onProgress }: DownloadOptions): Promise<PhotoDownloadSummary> {
  const todo = await listPhotosToFetch();
  const summary: PhotoDownloadSummary = { downloaded: 0, failed: 0, refused: 0, waiting: 0 };
  let done = 0;
  for (const entry of todo) {
    try {
      if (await hasPhoto(entry.photoId)) {
        await settle(entry); // arrived meanwhile (or saved before a crash took the list's update)
        continue;
      }
      const { bytes, mediaType } = await transport.getBlob(entry.sha256);
      const actual = await sha256Hex(bytes);
      if (actual !== entry.sha256) throw new PhotoHashMismatchError(entry.sha256, actual);
      const type = entry.mediaType ?? (IMAGE_TYPE.test(mediaType) ? mediaType : (imageTypeOf(bytes) ?? mediaType));
      await saveBlob(entry.recordId, entry.photoId, new Blob([bytes], { type }));
      await settle(entry);
      summary.downloaded++;
    } catch (error) {
      if (error instanceof SignedOutError) throw error;
      if (error instanceof OfflineError || error instanceof DeviceLockedError) break;
      if (error instanceof PhotoHashMismatchError) {
        summary.refused++;
        console.warn(error.message);
      } else {
        summary.failed++;
      }
      await settle(entry, error instanceof Error ? error.message : String(error));
    } finally {
      onProgress?.(++done, todo.length);
    }
  }
  summary.waiting = (await listPhotosToFetch()).length;
  return summary;
}

/** The image type from the first bytes, for a photo whose record gives none (the server keeps none). */
export function imageTypeOf(bytes: ArrayBuffer): string | undefined {
  const b = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 16));
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
  if (ascii(0, 4) === 'GIF8') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && ['heic', 'heix', 'mif1'].includes(ascii(8, 12))) return 'image/heic';
  return undefined;
}
