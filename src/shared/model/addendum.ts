import { z } from 'zod';
import { instant } from './common.ts';
import { recordIdSchema } from './record.ts';

export const ADDENDUM_TEXT_MAX = 20_000;

/**
 * The body of an `addendum` record: a correction or addition to a signed-off record, which
 * stays frozen (invariant 3). `parentId` is the id of that record: it must be signed off and
 * visible to the writer, and never changes. `text` may be empty while a draft, but not once
 * submitted. The addendum itself is submitted and signed off like any record.
 */
export const addendumBodySchema = z.strictObject({
  parentId: recordIdSchema,
  text: z.string().max(ADDENDUM_TEXT_MAX),
  /** When the writer wrote it (RFC 3339 instant). */
  writtenAt: instant,
});
export type AddendumBody = z.output<typeof addendumBodySchema>;
