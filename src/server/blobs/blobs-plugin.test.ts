import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_MAX_BYTES } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer } from '../testing/test-world.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

for (const database of testDatabases) {
  describe(`photos as content-addressed blobs (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let practitioner: TestClient;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      practitioner = await server.signedIn((await seedTestWorld(db.storage)).own.practitioner);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    it('stores a photo once: a repeated upload is 200 with stored false, and the bytes come back the same', async () => {
      const photo = randomBytes(300_000);
      const name = sha256(photo);

      const first = await practitioner.request('PUT', `/api/blobs/${name}`, undefined, { raw: photo });
      const second = await practitioner.request('PUT', `/api/blobs/${name}`, undefined, { raw: photo });

      expect(first).toMatchObject({ status: 201, body: { sha256: name, size: 300_000, stored: true } });
      expect(second).toMatchObject({ status: 200, body: { sha256: name, size: 300_000, stored: false } });
      const back = await practitioner.get(`/api/blobs/${name}`);
      expect(back.status).toBe(200);
      expect(Buffer.compare(back.body, photo)).toBe(0);
      const { rows } = await db.storage.query<{ n: number }>('select count(*)::int as n from blobs where sha256 = $1', [name]);
      expect(rows[0]!.n).toBe(1);
    });

    it('refuses bytes that do not match their name with 400', async () => {
      const reply = await practitioner.request('PUT', `/api/blobs/${sha256(Buffer.from('a'))}`, undefined, { raw: Buffer.from('b') });
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('hash-mismatch');
    });

    it('refuses a name that is not a SHA-256', async () => {
      const reply = await practitioner.request('PUT', '/api/blobs/photo.jpg', undefined, { raw: Buffer.from('a') });
      expect(reply.status).toBe(400);
    });

    it('refuses a photo over 10 MB with 413 and a sentence to show', async () => {
      const photo = Buffer.alloc(BLOB_MAX_BYTES + 1, 7);
      const reply = await practitioner.request('PUT', `/api/blobs/${sha256(photo)}`, undefined, { raw: photo });
      expect(reply.status).toBe(413);
      expect(reply.body).toEqual({ error: 'Photo is larger than 10 MB', code: 'too-large' });
    });

    it('takes a photo of exactly 10 MB', async () => {
      const photo = Buffer.alloc(BLOB_MAX_BYTES, 9);
      const reply = await practitioner.request('PUT', `/api/blobs/${sha256(photo)}`, undefined, { raw: photo });
      expect(reply.status).toBe(201);
    });

    it('answers 404 for a blob nobody uploaded', async () => {
      expect((await practitioner.get(`/api/blobs/${'0'.repeat(64)}`)).status).toBe(404);
    });
  });
}
