import { z } from 'zod';
import { sha256Schema } from './common.ts';

/** A photo larger than this is refused with 413 `{ error: 'Photo is larger than 10 MB' }`. */
export const BLOB_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reply to PUT /api/blobs/:sha256 (raw bytes, Content-Type application/octet-stream or image/*).
 * 201 with stored: true the first time; 200 with stored: false when it was already there.
 */
export const blobUploadReplySchema = z.object({
  sha256: sha256Schema,
  size: z.number().int().min(0),
  stored: z.boolean(),
});
export type BlobUploadReply = z.output<typeof blobUploadReplySchema>;

export const blobParamsSchema = z.object({ sha256: sha256Schema });
