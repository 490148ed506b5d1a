import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BLOB_MAX_BYTES, blobParamsSchema, blobUploadReplySchema, type BlobUploadReply } from '../../shared/sync/index.ts';
import { CASE_ROLES } from '../accounts/role-guard.ts';
import { recordBlobRead } from '../audit/audit-trail.ts';
import { sendErrorReply } from '../http/error-replies.ts';
import { errorReplies, withZodSchemas } from '../http/route-schemas.ts';
import type { Storage } from '../storage/storage.ts';
import { readBlobFor, storeBlob } from './blob-store.ts';

const TOO_LARGE = { error: 'Photo is larger than 10 MB', code: 'too-large' } as const;

/** A photo's bytes as sent back: Fastify writes a Buffer as it is, never through a serializer. */
const photoBytesSchema = z.instanceof(Buffer);

export interface BlobsPluginOptions {
  storage: Storage;
}

/** Content-addressed photos: PUT the raw bytes under their SHA-256, GET them back if allowed. */
export async function blobsPlugin(app: FastifyInstance, { storage }: BlobsPluginOptions): Promise<void> {
  const api = withZodSchemas(app);
  // Any content type is taken as raw bytes here (this plugin only); the hash says what it is.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BLOB_MAX_BYTES }, (_request, body, done) => done(null, body));
  // Over the body limit, the device shows the reply's sentence: say what the limit is.
  app.setErrorHandler((error: FastifyError, request, reply) =>
    error.statusCode === 413 ? reply.code(413).send(TOO_LARGE) : sendErrorReply(error, request, reply),
  );

  // The body is raw bytes, not JSON, so it has no schema: the handler checks it is there and
  // that its hash is its name.
  api.put(
    '/api/blobs/:sha256',
    {
      bodyLimit: BLOB_MAX_BYTES,
      config: { roles: CASE_ROLES },
      schema: { params: blobParamsSchema, response: { 200: blobUploadReplySchema, 201: blobUploadReplySchema, ...errorReplies } },
    },
    async (request, reply) => {
      const { sha256 } = request.params;
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) return reply.code(400).send({ error: 'Send the photo as the raw request body', code: 'invalid' });
      if (bytes.length > BLOB_MAX_BYTES) return reply.code(413).send(TOO_LARGE);
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) {
        return reply.code(400).send({ error: 'The photo does not match its SHA-256 name: upload it again', code: 'hash-mismatch' });
      }
      const stored = await storeBlob(storage, sha256, bytes, request.user.id);
      const result: BlobUploadReply = { sha256, size: bytes.length, stored };
      return reply.code(stored ? 201 : 200).send(result);
    },
  );

  api.get(
    '/api/blobs/:sha256',
    { config: { roles: CASE_ROLES }, schema: { params: blobParamsSchema, response: { 200: photoBytesSchema, ...errorReplies } } },
    async (request, reply) => {
      const { sha256 } = request.params;
      const found = await readBlobFor(storage, request.user, sha256);
      // 404 rather than 403 for a blob one may not read, so a hash's existence is not confirmed.
      if (!found) return reply.code(404).send({ error: 'Not found', code: 'not-found' });
      await recordBlobRead(storage, request.user.id, sha256, found.recordIds);
      // no-store like every reply with personal data: a photo of a child must not sit in a
      // browser or proxy cache. The app keeps its own sealed copy (device/sync/blob-download.ts)
      // and fetches with cache: 'no-store' anyway, so nothing relied on this being cached.
      return reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(found.bytes);
    },
  );
}
