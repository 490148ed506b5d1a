import type { Observation } from '../../../shared/model';
import { isoDateFromParts } from '../../../shared/model/direct-work';
import { toObservation, type ObservationForm } from '../../../shared/model/observation-form';
import type { ObservationBody } from '../../db';

/**
 * The stored body: the form, plus `observation`, the rules' record (db/record-bodies.ts), as
 * complete as the form is so far: the full record once toObservation accepts it.
 */
export function toObservationBody(form: ObservationForm, recordId: string): ObservationBody & ObservationForm {
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

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The id of the field an issue path is about, for the error summary's links. */
export function observationFieldId(path: string): string {
  const action = /^actions\.(\d+)\.(who|what|byWhen)$/.exec(path);
  if (action) return action[2] === 'byWhen' ? `action-${Number(action[1]) + 1}-by-when-day` : `action-${Number(action[1]) + 1}-${action[2]}`;
  if (path === 'observedOn') return 'observed-on-day';
  return kebab(path);
}
