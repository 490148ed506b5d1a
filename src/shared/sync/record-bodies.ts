import { z } from 'zod';
import { childSchema } from '../model/child.ts';
import { instant } from '../model/common.ts';
import { directWorkDraftSchema } from '../model/direct-work.ts';
import { observationDraftSchema } from '../model/observation-form.ts';
import { recordIdSchema, type RecordStatus, type RecordType } from './common.ts';

/** A record body is at most this many bytes of UTF-8 JSON. */
export const RECORD_BODY_MAX_BYTES = 1024 * 1024;

export const ADDENDUM_TEXT_MAX = 20_000;

/**
 * An addendum: a correction or addition to a signed-off record, which stays frozen
 * (invariant 3). `parentId` is the id of that record: it must be signed off and visible to the
 * writer, and never changes. `text` may be empty while a draft, but not once submitted.
 * The addendum itself is submitted and signed off like any record.
 */
export const addendumBodySchema = z
  .object({
    parentId: recordIdSchema,
    text: z.string().max(ADDENDUM_TEXT_MAX),
    /** When the writer wrote it (RFC 3339 instant). */
    writtenAt: instant,
  })
  .loose();
export type AddendumBody = z.output<typeof addendumBodySchema>;

/**
 * What the server checks a pushed body against, per record type. Drafts are pushed as they are
 * typed, so the form types are checked field by field for the fields present (partial), not
 * for completeness: "Finish" checks belong to the form, the server only refuses a body of the
 * wrong shape. Unknown fields are kept (loose): a newer app may add some.
 */
export const recordBodySchemas: Record<RecordType, z.ZodType> = {
  child: childSchema.loose(),
  // A form draft (visit-note.ts) or an imported contact ({ contact, note, step: 'imported' }).
  visit: z.object({ contact: z.object({ id: z.string().min(1) }).loose() }).loose(),
  'direct-work': directWorkDraftSchema.partial().loose(),
  observation: observationDraftSchema.partial().loose(),
  addendum: addendumBodySchema,
};

/** Bytes of a value written as JSON in UTF-8, without TextEncoder (not in every runtime's types). */
export function jsonByteLength(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export type BodyCheck = { ok: true } | { ok: false; reason: string };

/**
 * The check the server makes on every pushed body; a device may make it before pushing. With
 * a status other than 'draft' an addendum must have some text.
 */
export function checkRecordBody(type: RecordType, body: unknown, status?: RecordStatus): BodyCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'The record body must be a JSON object' };
  }
  if (jsonByteLength(body) > RECORD_BODY_MAX_BYTES) return { ok: false, reason: 'The record is larger than 1 MB' };
  const parsed = recordBodySchemas[type].safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return { ok: false, reason: `The ${type} record does not match its schema${where}: ${first?.message ?? 'invalid'}` };
  }
  if (type === 'addendum' && status !== undefined && status !== 'draft' && (body as AddendumBody).text.trim() === '') {
    return { ok: false, reason: 'Write the addendum before sending it for sign-off' };
  }
  return { ok: true };
}
