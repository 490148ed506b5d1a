/**
 * `doorstep.caseload/1`: the caseload exchange format (compliance-format.md). Read with
 * `parseCaseload`, write with `writeCaseload`. Unknown fields are dropped on read.
 */
import { z } from 'zod';
import { childSchema } from './child.ts';
import { id, instant } from './common.ts';
import { contactSchema } from './contact.ts';
import { observationSchema } from './observation.ts';
import { practitionerSchema } from './practitioner.ts';

export const CASELOAD_FORMAT = 'doorstep.caseload/1';

export const caseloadSchema = z.object({
  format: z.literal(CASELOAD_FORMAT),
  /** A policy pack id: `redcar-cleveland`, `middlesbrough`, … (checked against the registry by callers). */
  policy: id,
  asOf: instant,
  children: z.array(childSchema),
  contacts: z.array(contactSchema),
  practitioners: z.array(practitionerSchema).optional(),
  observations: z.array(observationSchema).optional(),
});

export type Caseload = z.output<typeof caseloadSchema>;
/** What the rules read: the records, without the envelope. */
export type CaseloadRecords = Pick<Caseload, 'children' | 'contacts' | 'practitioners' | 'observations'>;

export interface CaseloadError {
  /** Where the bad field is, e.g. `children[0].involvements[1].start` (empty for the top level). */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: CaseloadError };

/** `['children', 0, 'start']` → `children[0].start`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function firstIssue(error: z.ZodError): CaseloadError {
  const issue = error.issues[0];
  if (!issue) return { path: '', message: 'invalid' };
  return { path: formatPath(issue.path), message: issue.message };
}

export function parseCaseload(json: unknown): ParseResult<Caseload> {
  const result = caseloadSchema.safeParse(json);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: firstIssue(result.error) };
}

/** The JSON object for a caseload (validated, so an export is always importable). */
export function writeCaseload(caseload: Caseload): Caseload {
  return caseloadSchema.parse(caseload);
}
