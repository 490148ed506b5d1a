/**
 * The one definition of each record body: what a record's sealed body holds, per record type.
 * The forms build these, the device stores them, the server checks every pushed body against
 * `recordBodySchemas` (strict: a key not named here is refused), and the commands read them.
 *
 * - child: the caseload format's child (child.ts), record id = child.id.
 * - visit: a visit note as the form writes it, or an imported contact (visit-body.ts).
 * - direct-work: the direct work form plus childIds, occurredAt, title, photoIds (direct-work-body.ts).
 * - observation: the observation form plus `observation`, the rules' record (observation-body.ts).
 * - addendum: parentId, text, writtenAt (addendum.ts).
 */
import { z } from 'zod';
import { addendumBodySchema, type AddendumBody } from './addendum.ts';
import { childSchema } from './child.ts';
import { directWorkBodySchema, type DirectWorkBody } from './direct-work-body.ts';
import { intervalText, involvementSchema } from './involvement.ts';
import { observationBodySchema, type ObservationBody } from './observation-body.ts';
import type { Practitioner } from './practitioner.ts';
import type { RecordType } from './record.ts';
import { visitBodySchema, type VisitBody } from './visit-body.ts';

export * from './addendum.ts';
export * from './direct-work-body.ts';
export * from './observation-body.ts';
export * from './visit-body.ts';

/** type 'child'; record id = child.id. Name and involvements as in the caseload format. */
export const childBodySchema = childSchema
  .extend({
    involvements: z.array(
      involvementSchema.extend({ agreedInterval: z.strictObject({ every: intervalText }).nullable().optional() }).strict(),
    ),
  })
  .strict();
export type ChildBody = z.output<typeof childBodySchema>;

/** The device user's practitioner profile, sealed in meta (getSealedMeta('practitioner')), not a record. */
export type PractitionerBody = Practitioner;

export type RecordBodies = {
  child: ChildBody;
  visit: VisitBody;
  'direct-work': DirectWorkBody;
  observation: ObservationBody;
  addendum: AddendumBody;
};

/**
 * What a pushed body of each type must be. Drafts are pushed as they are typed, so the direct
 * work and observation forms are checked field by field for the fields present (partial), not
 * for completeness: "Finish" checks belong to the form. Every field present must be right and
 * no unknown field is accepted.
 */
export const recordBodySchemas: { [T in RecordType]: z.ZodType<unknown> } = {
  child: childBodySchema,
  visit: visitBodySchema,
  'direct-work': directWorkBodySchema.partial(),
  observation: observationBodySchema.partial(),
  addendum: addendumBodySchema,
};
