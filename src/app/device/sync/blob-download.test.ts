import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteBlob, getBlob, getRecord, listBlobIds, saveBlob, saveRecord } from '../db';
import { resetDatabase } from '../../testing/reset-database';
import { renderApp } from '../../testing/render-app';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { listPhotosToFetch } from './blob-download';
import { OfflineError, ServerError, SignedOutError } from './errors';
import { getCursor } from './pull';
import { runSync } from './sync';
import { FakeServer } from './testing/fake-server';
import type { SyncTransport } from './transport';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const PHOTO = '0190b000-0000-7000-8000-0000000000a1';
const PHOTO_2 = '0190b000-0000-7000-8000-0000000000a2';

/** A colleague's direct work, with photos uploaded from their device, as the server holds it. */
async function colleaguesDirectWork(id: string, photos: { photoId: string; bytes: Uint8Array; contentType?: string }[]) {
  const blobs: string[] = [];
  for (const photo of photos) blobs.push(await server.uploadFromElsewhere(photo.bytes));
  const body = {
    childIds: ['c1'],
    title: 'Three houses',
    photoIds: photos.map((p) => p.photoId),
    photos: photos.map((p) => ({ blobId: p.photoId, alt: 'Drawing of three houses', ...(p.contentType ? { contentType: p.contentType } : {}) })),
  };
  server.write(id, 'direct-work', 'submitted', body, undefined, blobs);
  return blobs;
}

async function bytesOf(blob: Blob | undefined): Promise<number[]> {
  expect(blob).toBeDefined();
  return [...new Uint8Array(await blob!.arrayBuffer())];
}

/** The fake server's transport with getBlob replaced, to play a failing network or server. */
function withGetBlob(getBlob: SyncTransport['getBlob']): SyncTransport {
  return { ...server.transport, getBlob };
}

describe('photos of pulled records', () => {
  it('are downloaded after the pull and kept sealed on the device, with the same bytes and type', async () => {
    const drawing = new Uint8Array([1, 2, 3, 4, 5]); // nothing to tell its type by: the body's is kept
    const [sha1, sha2] = await colleaguesDirectWork('dw1', [
      { photoId: PHOTO, bytes: drawing, contentType: 'image/webp' },
      { photoId: PHOTO_2, bytes: jpeg }, // no type in the body: taken from the bytes
    ]);

    const result = await runSync({ transport: server.transport });

    expect(server.calls).toEqual(['pull:0', `get-blob:${sha1}`, `get-blob:${sha2}`]);
    expect(result.photos).toEqual({ downloaded: 2, failed: 0, refused: 0, waiting: 0 });
    const first = await getBlob(PHOTO);
    expect(await bytesOf(first)).toEqual([...drawing]);
    expect(first!.type).toBe('image/webp');
    const second = await getBlob(PHOTO_2);
    expect(await bytesOf(second)).toEqual([...jpeg]);
    expect(second!.type).toBe('image/jpeg');
    expect(new Set(await listBlobIds('dw1'))).toEqual(new Set([PHOTO, PHOTO_2]));
    expect(await listPhotosToFetch()).toEqual([]);

    // A newer version naming the same photos: they are on the device, so not fetched again.
    const current = server.records.get('dw1')!;
    server.write('dw1', 'direct-work', 'submitted', { ...current.body, title: 'Three houses and a tree' }, undefined, current.blobs);
    await runSync({ transport: server.transport });
    expect(await getRecord('dw1')).toMatchObject({ rev: 2 });
    expect(server.calls.filter((c) => c.startsWith('get-blob:'))).toHaveLength(2);
  });

  it('count in the round’s progress after the pages pulled', async () => {
    await colleaguesDirectWork('dw1', [
      { photoId: PHOTO, bytes: png, contentType: 'image/png' },
      { photoId: PHOTO_2, bytes: jpeg, contentType: 'image/jpeg' },
    ]);
    const progress: [number, number][] = [];

    await runSync({ transport: server.transport, onProgress: (done, total) => progress.push([done, total]) });

    expect(progress.slice(-3)).toEqual([
      [1, 1], // the one page
      [2, 3], // the first photo, of two
      [3, 3],
    ]);
  });

  it('show on the direct work page of a record made on another device', async () => {
    await colleaguesDirectWork('dw1', [{ photoId: PHOTO, bytes: png, contentType: 'image/png' }]);
    await runSync({ transport: server.transport });

    renderApp('/direct-work/dw1');

    const img = await screen.findByRole('img', { name: 'Drawing of three houses' });
    expect(img).toHaveAttribute('src', expect.stringMatching(/^(data:image\/png|blob:)/));
  });

  it('show on an open direct work page as soon as they arrive', async () => {
    const [sha] = await colleaguesDirectWork('dw1', [{ photoId: PHOTO, bytes: png, contentType: 'image/png' }]);
    const stored = server.blobBytes.get(sha!)!;
    server.blobBytes.delete(sha!); // not downloadable yet: the record arrives without its photo
    await runSync({ transport: server.transport });
    renderApp('/direct-work/dw1');
    expect(await screen.findByText(/This photo is not on this device yet/)).toBeInTheDocument();

    server.blobBytes.set(sha!, stored);
    await runSync({ transport: server.transport });

    expect(await screen.findByRole('img', { name: 'Drawing of three houses' })).toBeInTheDocument();
    expect(screen.queryByText(/not on this device yet/)).not.toBeInTheDocument();
  });

  it('that fail to download are tried again next round, while the pull moves on', async () => {
    const [sha] = await colleaguesDirectWork('dw1', [{ photoId: PHOTO, bytes: png, contentType: 'image/png' }]);
    const stored = server.blobBytes.get(sha!)!;
    server.blobBytes.delete(sha!); // 404

    const first = await runSync({ transport: server.transport });

    expect(first.photos).toEqual({ downloaded: 0, failed: 1, refused: 0, waiting: 1 });
    expect(await getCursor()).toBe('1');
    expect(await getRecord('dw1')).toMatchObject({ rev: 1, body: { title: 'Three houses' } });
    expect(await getBlob(PHOTO)).toBeUndefined();
    expect(await listPhotosToFetch()).toEqual([
      expect.objectContaining({ recordId: 'dw1', photoId: PHOTO, sha256: sha, failures: 1, lastError: 'Not found' }),
    ]);

    // A server error and being offline also leave it waiting, and fail nothing else.
    const broken = await runSync({ transport: withGetBlob(() => Promise.reject(new ServerError('Internal server error', 500))) });
    expect(broken.photos).toMatchObject({ failed: 1, waiting: 1 });
    const offline = await runSync({ transport: withGetBlob(() => Promise.reject(new OfflineError())) });
    expect(offline.photos).toMatchObject({ downloaded: 0, failed: 0, waiting: 1 });

    server.blobBytes.set(sha!, stored);
    server.calls = [];
    const later = await runSync({ transport: server.transport });

    expect(server.calls).toEqual(['pull:1', `get-blob:${sha}`]); // the cursor had moved on
    expect(later.photos).toEqual({ downloaded: 1, failed: 0, refused: 0, waiting: 0 });
    expect(await bytesOf(await getBlob(PHOTO))).toEqual([...png]);
  });

  it('whose bytes do not match their SHA-256 name are refused, and fetched again next round', async () => {
    const [sha] = await colleaguesDirectWork('dw1', [{ photoId: PHOTO, bytes: png, contentType: 'image/png' }]);
    server.blobBytes.set(sha!, jpeg.slice().buffer);

    const result = await runSync({ transport: server.transport });

    expect(result.photos).toEqual({ downloaded: 0, failed: 0, refused: 1, waiting: 1 });
    expect(await getBlob(PHOTO)).toBeUndefined();
    expect(await listBlobIds('dw1')).toEqual([]);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('refused'));

    server.blobBytes.set(sha!, png.slice().buffer);
    await runSync({ transport: server.transport });
    expect(await bytesOf(await getBlob(PHOTO))).toEqual([...png]);
  });

  it('are not downloaded by the device that uploaded them', async () => {
    await saveBlob('dw1', PHOTO, new Blob([png], { type: 'image/png' }));
    await saveRecord({ id: 'dw1', type: 'direct-work', status: 'draft', body: { childIds: ['c1'], photoIds: [PHOTO] } });

    await runSync({ transport: server.transport });

    expect(server.calls).toEqual([expect.stringMatching(/^blob:/), 'push:dw1', 'pull:0']);
    expect(server.records.get('dw1')!.blobs).toHaveLength(1);
    expect(await listPhotosToFetch()).toEqual([]);
  });

  it('are not downloaded by the device that uploaded them, even one it removed before pulling its own version', async () => {
    await saveBlob('dw1', PHOTO, new Blob([png], { type: 'image/png' }));
    await saveBlob('dw1', PHOTO_2, new Blob([jpeg], { type: 'image/jpeg' }));
    await saveRecord({ id: 'dw1', type: 'direct-work', status: 'draft', body: { childIds: ['c1'], photoIds: [PHOTO, PHOTO_2] } });
    const pullOffline: SyncTransport = { ...server.transport, pull: () => Promise.reject(new OfflineError()) };
    await expect(runSync({ transport: pullOffline })).rejects.toBeInstanceOf(OfflineError); // pushed, not pulled
    expect(server.records.get('dw1')!.blobs).toHaveLength(2);

    // Removed here after it went; the server's version, pulled next, still lists it.
    await saveRecord({ id: 'dw1', type: 'direct-work', status: 'draft', body: { childIds: ['c1'], photoIds: [PHOTO] } });
    await deleteBlob(PHOTO_2);
    server.rejectRecord.add('dw1'); // keep the server's version with both photos
    server.calls = [];
    await runSync({ transport: server.transport });

    expect(server.calls).toContain('pull:0');
    expect(server.calls.some((c) => c.startsWith('get-blob:'))).toBe(false);
    expect(await listPhotosToFetch()).toEqual([]);
    expect(await getBlob(PHOTO_2)).toBeUndefined();
  });

  it('taken out of a newer version are no longer fetched', async () => {
    const [sha] = await colleaguesDirectWork('dw1', [{ photoId: PHOTO, bytes: png, contentType: 'image/png' }]);
    server.blobBytes.delete(sha!);
    await runSync({ transport: server.transport });
    expect(await listPhotosToFetch()).toHaveLength(1);

    server.write('dw1', 'direct-work', 'submitted', { childIds: ['c1'], title: 'Three houses', photoIds: [], photos: [] }, undefined, []);
    server.calls = [];
    await runSync({ transport: server.transport });

    expect(await listPhotosToFetch()).toEqual([]);
    expect(server.calls).toEqual(['pull:1']);
  });

  it('are not guessed when a record lists a different number of hashes than photos', async () => {
    const sha = await server.uploadFromElsewhere(png);
    server.write('dw1', 'direct-work', 'submitted', { childIds: ['c1'], photoIds: [PHOTO, PHOTO_2] }, undefined, [sha]);

    const result = await runSync({ transport: server.transport });

    expect(result.photos.waiting).toBe(0);
    expect(server.calls).toEqual(['pull:0']);
    expect(await listBlobIds('dw1')).toEqual([]);
  });

  it('stop the round with the session when the server says it has ended', async () => {
    await colleaguesDirectWork('dw1', [{ photoId: PHOTO, bytes: png, contentType: 'image/png' }]);

    await expect(runSync({ transport: withGetBlob(() => Promise.reject(new SignedOutError())) })).rejects.toBeInstanceOf(SignedOutError);

    expect(await getCursor()).toBe('1');
    expect(await listPhotosToFetch()).toHaveLength(1);
  });
});
