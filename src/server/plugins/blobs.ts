import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { BLOB_MAX_BYTES, blobParamsSchema, type BlobUploadReply } from '../../shared/sync/index.ts';
import { recordBlobRead } from '../audit/audit-trail.ts';
import { readBlobFor, storeBlob } from '../blobs/blob-store.ts';
import type { Storage } from '../storage/storage.ts';
import { requireUser } from './current-user.ts';
import { parseOrReply } from './validation.ts';

const TOO_LARGE = { error: 'Photo is larger than 10 MB', code: 'too-large' } as const;

export interface BlobsPluginOptions {
  storage: Storage;
}

/** Content-addressed photos: PUT the raw bytes under their SHA-256, GET them back if allowed. */
export async function blobsPlugin(app: FastifyInstance, { storage }: BlobsPluginOptions): Promise<void> {
  // Any content type is taken as raw bytes here (this plugin only); the hash says what it is.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BLOB_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 413) return reply.code(413).send(TOO_LARGE);
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'Internal server error' });
  });

  app.put('/api/blobs/:sha256', { bodyLimit: BLOB_MAX_BYTES }, async (request, reply) => {
    const user = await requireUser(storage, request, reply, ['practitioner', 'observer', 'manager']);
    if (!user) return reply;
    const params = parseOrReply(blobParamsSchema, request.params, reply);
    if (!params) return reply;
    const bytes = request.body;
    if (!Buffer.isBuffer(bytes)) return reply.code(400).send({ error: 'Send the photo as the raw request body', code: 'invalid' });
    if (bytes.length > BLOB_MAX_BYTES) return reply.code(413).send(TOO_LARGE);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== params.sha256) {
      return reply.code(400).send({ error: 'The photo does not match its SHA-256 name: upload it again', code: 'hash-mismatch' });
    }
    const stored = await storeBlob(storage, params.sha256, bytes, user.id);
    const result: BlobUploadReply = { sha256: params.sha256, size: bytes.length, stored };
    return reply.code(stored ? 201 : 200).send(result);
  });

  app.get('/api/blobs/:sha256', async (request, reply) => {
    const user = await requireUser(storage, request, reply, ['practitioner', 'observer', 'manager']);
    if (!user) return reply;
    const params = parseOrReply(blobParamsSchema, request.params, reply);
    if (!params) return reply;
    const found = await readBlobFor(storage, user, params.sha256);
    // 404 rather than 403 for a blob one may not read, so a hash's existence is not confirmed.
    if (!found) return reply.code(404).send({ error: 'Not found', code: 'not-found' });
    await recordBlobRead(storage, user.id, params.sha256, found.recordIds);
    return reply
      .header('content-type', 'application/octet-stream')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(found.bytes);
  });
}
