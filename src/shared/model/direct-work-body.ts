/**
 * The body of a `direct-work` record: the direct work form (direct-work.ts) as typed, plus what
 * the rest of the app reads without the form: the child record ids, when it happened, a title
 * for lists and the photos' blob ids. Strict: a key not named here is refused.
 */
import { z } from 'zod';
import { instant } from './common.ts';
import {
  DIRECT_WORK_TOOLS,
  datePartsSchema,
  directWorkDraftSchema,
  directWorkPhotoSchema,
  isoDateFromParts,
  type DirectWorkForm,
} from './direct-work.ts';

export const directWorkBodySchema = directWorkDraftSchema
  .extend({
    date: datePartsSchema.strict(),
    photos: z.array(directWorkPhotoSchema.strict()),
    /** Child record ids (the child's page lists it): the form's childId, when one was chosen. */
    childIds: z.array(z.string().min(1)),
    /** When the session happened (12:00 UTC on the form's date), once the date is real. */
    occurredAt: instant.optional(),
    /** A short title for lists, e.g. "Three houses", once a tool is chosen. */
    title: z.string().optional(),
    /** The photos' blob ids (saveBlob(recordId, blobId, blob)). */
    photoIds: z.array(z.string().min(1)),
  })
  .strict();
export type DirectWorkBody = z.output<typeof directWorkBodySchema>;

/** The stored body for a direct work form: the form, plus the fields derived from it. */
export function toDirectWorkBody(form: DirectWorkForm): DirectWorkBody {
  const date = isoDateFromParts(form.date);
  const title = DIRECT_WORK_TOOLS.filter((t) => form.tools.includes(t.value) && t.value !== 'other')
    .map((t): string => t.text)
    .concat(form.tools.includes('other') && form.toolsOther.trim() ? [form.toolsOther.trim()] : [])
    .join(', ');
  return {
    ...form,
    childIds: form.childId ? [form.childId] : [],
    ...(date ? { occurredAt: `${date}T12:00:00Z` } : {}),
    ...(title ? { title } : {}),
    photoIds: form.photos.map((p) => p.blobId),
  };
}
