import { VISIT_STEPS, type VisitStep } from '../../../shared/model/visit-note.ts';

export const STEP_TITLES: Record<VisitStep, string> = {
  details: 'Visit details',
  children: 'Children on the visit',
  seen: 'Seeing each child',
  worries: 'Worries',
  note: 'Visit note',
  check: 'Check and finish',
};

export const stepNumber = (step: VisitStep) => VISIT_STEPS.indexOf(step) + 1;
export const nextStep = (step: VisitStep): VisitStep => VISIT_STEPS[Math.min(stepNumber(step), VISIT_STEPS.length - 1)] ?? step;
export const previousStep = (step: VisitStep): VisitStep => VISIT_STEPS[Math.max(stepNumber(step) - 2, 0)] ?? step;

/** Which step shows a field, so a link in a summary can open that step first. */
export function stepOfField(fieldId: string): VisitStep {
  if (fieldId.startsWith('visit-date') || ['visit-time', 'visit-mode', 'visit-setting'].some((id) => fieldId.startsWith(id))) {
    return 'details';
  }
  if (fieldId.startsWith('visit-children') || fieldId.startsWith('new-child')) return 'children';
  if (/^(seen|manager-informed|bedroom-seen)-/.test(fieldId)) return 'seen';
  if (fieldId === 'significant-event' || fieldId === 'critical-worries') return 'worries';
  return 'note';
}
