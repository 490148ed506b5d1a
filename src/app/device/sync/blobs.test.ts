import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, saveBlob, saveRecord } from '../db';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { pushChanges } from './push';
import { FakeServer } from './testing/fake-server';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
});

const drawing = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
const sha = createHash('sha256').update(drawing).digest('hex');

describe('photos of direct work', () => {
  it("go up before the record that refers to them, named by the SHA-256 of the photo's own bytes", async () => {
    await saveBlob('dw1', 'p1', new Blob([drawing], { type: 'image/png' }));
    await saveRecord({ id: 'dw1', type: 'direct-work', status: 'draft', body: { childIds: ['c1'], photoIds: ['p1', 'p-gone'] } });

    await pushChanges({ transport: server.transport });

    expect(server.calls).toEqual([`blob:${sha}`, 'push:dw1']);
    expect(server.blobs.get(sha)).toBe(drawing.byteLength);
    expect(server.pushed[0]!.record.blobs).toEqual([sha]);
  });

  it('are uploaded once, and a failed upload stops the push before the record goes', async () => {
    await saveBlob('dw1', 'p1', new Blob([drawing], { type: 'image/png' }));
    await saveRecord({ id: 'dw1', type: 'direct-work', status: 'draft', body: { childIds: ['c1'], photoIds: ['p1'] } });
    server.goOffline();
    await expect(pushChanges({ transport: server.transport })).rejects.toThrow();
    expect(server.calls).toEqual([`blob:${sha}`]);
    expect(await db.outbox.count()).toBe(1);

    await pushChanges({ transport: server.transport });
    await saveRecord({ id: 'dw1', type: 'direct-work', status: 'draft', body: { childIds: ['c1'], photoIds: ['p1'], title: 'Three houses' } });
    await pushChanges({ transport: server.transport });
    expect(server.calls.filter((c) => c.startsWith('blob:'))).toHaveLength(2); // the failed try and one success
    expect(server.pushed.map((m) => m.record.blobs)).toEqual([[sha], [sha]]);
  });
});
