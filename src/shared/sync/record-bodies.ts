import { type AddendumBody, recordBodySchemas } from '../model/record-bodies.ts';
import { findContentProblem, pathText } from '../model/json-content.ts';
import type { RecordStatus, RecordType } from '../model/record.ts';

// The bodies are defined once, in src/shared/model/record-bodies.ts.
export { findContentProblem, JSON_DEPTH_MAX, pathText, type ContentProblem } from '../model/json-content.ts';
export { ADDENDUM_TEXT_MAX, addendumBodySchema, recordBodySchemas, type AddendumBody } from '../model/record-bodies.ts';

/** A record body is at most this many bytes of UTF-8 JSON. */
export const RECORD_BODY_MAX_BYTES = 1024 * 1024;

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
 * The check the server makes on every pushed body (strict: see recordBodySchemas); a device
 * may make it before pushing. With a status other than 'draft' an addendum must have some text.
 */
export function checkRecordBody(type: RecordType, body: unknown, status?: RecordStatus): BodyCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'The record body must be a JSON object' };
  }
  // First, and without recursion: what the database cannot store, and nesting that would
  // overflow the stack of the size and schema checks below.
  const unsafe = findContentProblem(body);
  if (unsafe) return { ok: false, reason: `The ${type} record cannot be stored at ${pathText(unsafe.path)}: ${unsafe.message}` };
  if (jsonByteLength(body) > RECORD_BODY_MAX_BYTES) return { ok: false, reason: 'The record is larger than 1 MB' };
  const parsed = recordBodySchemas[type].safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    // An unknown key is named by its own path, not its parent's.
    const path = first ? [...first.path, ...(first.code === 'unrecognized_keys' ? first.keys.slice(0, 1) : [])] : [];
    const where = path.length > 0 ? ` at ${path.map(String).join('.')}` : '';
    return { ok: false, reason: `The ${type} record does not match its schema${where}: ${first?.message ?? 'invalid'}` };
  }
  if (type === 'addendum' && status !== undefined && status !== 'draft' && (body as AddendumBody).text.trim() === '') {
    return { ok: false, reason: 'Write the addendum before sending it for sign-off' };
  }
  return { ok: true };
}
