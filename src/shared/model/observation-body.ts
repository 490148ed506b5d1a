/**
 * The body of an `observation` record: the practice observation form (observation-form.ts) as
 * typed, plus `observation`, the rules' record, as complete as the form is so far (the full
 * record once toObservation accepts it). Strict: a key not named here is refused.
 */
import { z } from 'zod';
import { datePartsSchema, isoDateFromParts } from './direct-work.ts';
import { observationActionSchema, observationDraftSchema, toObservation, type ObservationForm } from './observation-form.ts';
import { observationSchema, type Observation } from './observation.ts';

export const observationBodySchema = observationDraftSchema
  .extend({
    observedOn: datePartsSchema.strict(),
    actions: z.array(observationActionSchema.extend({ byWhen: datePartsSchema.strict() }).strict()),
    observation: observationSchema.partial().strict(),
  })
  .strict();
export type ObservationBody = z.output<typeof observationBodySchema>;

/** The stored body for an observation form: the form, plus the rules' observation so far. */
export function toObservationBody(form: ObservationForm, recordId: string): ObservationBody {
  return { ...form, observation: observationSoFar(form, recordId) };
}

function observationSoFar(form: ObservationForm, recordId: string): Partial<Observation> {
  try {
    return toObservation(recordId, form);
  } catch {
    const date = isoDateFromParts(form.observedOn);
    return {
      id: recordId,
      ...(form.practitionerId.trim() ? { observedPractitionerId: form.practitionerId.trim() } : {}),
      ...(form.observerId.trim() ? { observerId: form.observerId.trim() } : {}),
      ...(date ? { observedAt: `${date}T12:00:00Z` } : {}),
      completedAt: form.completedAt,
      copyToPractitioner: form.copyToPractitioner,
      copyToLineManager: form.copyToLineManager,
      qaLeadNotified: form.qaLeadNotified,
    };
  }
}
