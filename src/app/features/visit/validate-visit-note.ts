/** What must be answered before "Finish and record" (GOV.UK errors); the rules' warnings are separate. */
import type { VisitNoteBody } from '../../../shared/model/visit-note.ts';
import type { FieldProblem } from '../../ui/form/field-summary';
import { parseWhen } from '../../records/visit/occurred-at';
import { fieldIds } from './field-ids';

export function validateVisitNote(body: VisitNoteBody, childName: (id: string) => string, now: Date): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const when = parseWhen(body.when);
  if (!when.ok) {
    const message = {
      'date-missing': 'Enter the date of the visit',
      'date-invalid': 'Date of the visit must be a real date, for example 27 3 2026',
      'time-missing': 'Enter the time of the visit, for example 14:30',
      'time-invalid': 'Enter the time of the visit in the 24-hour clock, for example 14:30',
    }[when.problem];
    errors.push({ fieldId: when.problem.startsWith('date') ? fieldIds.dateDay : fieldIds.time, message });
  } else if (Date.parse(when.instant) > now.getTime()) {
    errors.push({ fieldId: fieldIds.dateDay, message: 'The visit must be today or in the past' });
  }
  if (body.contact.mode === null) errors.push({ fieldId: fieldIds.mode, message: 'Select how the visit happened' });
  if (body.contact.children.length === 0) {
    errors.push({ fieldId: fieldIds.children, message: 'Select the children who were part of this visit' });
  }
  for (const child of body.contact.children) {
    if (child.seen === null) {
      errors.push({ fieldId: fieldIds.seen(child.childId), message: `Select whether ${childName(child.childId)} was seen` });
    }
  }
  if (body.note.whatHappened.trim() === '') errors.push({ fieldId: fieldIds.whatHappened, message: 'Enter what happened' });
  return errors;
}
