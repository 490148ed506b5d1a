/**
 * The body of a `visit` record (record id = contact.id), one of two shapes told apart by `step`:
 * - a visit note as the visit form writes it (visit-note.ts: the draft contact, the date and
 *   time as typed, the note, the form's step), from the first keystroke to "Finish";
 * - an imported contact (a caseload file, or the demo caseload): the rules' §2 contact as it
 *   is, a note that may hold a summary, and `step: 'imported'`.
 * Both are strict: a key not named here is refused.
 */
import { z } from 'zod';
import { contactChildSchema, contactSchema, type Contact } from './contact.ts';
import { toContact, visitNoteBodySchema } from './visit-note.ts';

/** An imported (or demo) contact, kept as the rules read it. */
export const importedVisitBodySchema = z.strictObject({
  contact: contactSchema.extend({ children: z.array(contactChildSchema.strict()) }).strict(),
  note: z.strictObject({ summary: z.string().optional() }),
  step: z.literal('imported'),
});
export type ImportedVisitBody = z.output<typeof importedVisitBodySchema>;

export const visitBodySchema = z.discriminatedUnion('step', [visitNoteBodySchema, importedVisitBodySchema]);
export type VisitBody = z.output<typeof visitBodySchema>;

/** A stored visit body read with the one schema, or null when it is neither shape. */
export function parseVisitBody(body: unknown): VisitBody | null {
  const parsed = visitBodySchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** An imported contact body for a §2 contact (a caseload file's, or the demo's). */
export function importedVisitBody(contact: Contact, summary?: string): ImportedVisitBody {
  return { contact, note: summary === undefined ? {} : { summary }, step: 'imported' };
}

/**
 * The §2 contact a visit body holds, or null while it cannot be placed: a visit note through
 * toContact (the same conversion the form's live warnings use), an imported contact as it is.
 */
export function contactOfVisit(body: VisitBody): Contact | null {
  if (body.step === 'imported') return body.contact;
  try {
    return toContact(body);
  } catch {
    return null; // one unreadable draft must not take the whole caseload away
  }
}
