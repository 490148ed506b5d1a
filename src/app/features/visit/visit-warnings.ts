/**
 * Live warnings for the visit being written, from the one rules module (design invariant 4):
 * a caseload of this one contact and its children, evaluated at "now".
 */
import type { Child } from '../../../shared/model/child.ts';
import type { WarningCode } from '../../../shared/model/compliance-report.ts';
import { toContact, type VisitNoteBody, type VisitStep } from '../../../shared/model/visit-note.ts';
import { evaluate, resolve, resolvePolicy } from '../../../shared/rules';
import { recordingRuleFor } from '../../../shared/rules/recording.ts';
import type { ChildOnDevice } from '../../records/caseload/use-children-on-device';
import { fieldIds } from './field-ids';

export interface VisitWarning {
  code: WarningCode;
  message: string;
  fieldId: string;
  step: VisitStep;
}

export interface RecordingDeadline {
  /** Exclusive, as the rules give it. */
  due: Date;
  status: 'overdue' | 'due-soon' | 'later';
}

export interface VisitWarnings {
  warnings: VisitWarning[];
  deadline: RecordingDeadline | null;
}

const whereToLook = (code: WarningCode, childId: string): Pick<VisitWarning, 'fieldId' | 'step'> | null => {
  switch (code) {
    case 'SEEN_ALONE_NOT_RECORDED':
      return { fieldId: fieldIds.seenAlone(childId), step: 'seen' };
    case 'SEEN_ALONE_REASON_MISSING':
      return { fieldId: fieldIds.seenAloneReason(childId), step: 'seen' };
    case 'SEEN_ALONE_MANAGER_NOT_INFORMED':
      return { fieldId: fieldIds.managerInformed(childId), step: 'seen' };
    case 'BEDROOM_NOT_RECORDED':
      return { fieldId: fieldIds.bedroomSeen(childId), step: 'seen' };
    case 'BEDROOM_REASON_MISSING':
      return { fieldId: fieldIds.bedroomSeenReason(childId), step: 'seen' };
    default:
      return null;
  }
};

export function visitWarnings(
  body: VisitNoteBody,
  children: ReadonlyMap<string, ChildOnDevice>,
  policy: string,
  asOf: Date,
): VisitWarnings {
  const contact = toContact(body);
  if (!contact) return { warnings: [], deadline: null };
  const caseChildren: Child[] = contact.children.map(({ childId }) => {
    const child = children.get(childId);
    // No involvements: only this contact's own rules (seen alone, recording) apply here.
    return { id: childId, name: child?.name ?? null, dateOfBirth: child?.dateOfBirth ?? '2000-01-01', involvements: [] };
  });
  const { warnings } = evaluate({ children: caseChildren, contacts: [contact] }, policy, asOf);

  const shown: VisitWarning[] = [];
  let status: RecordingDeadline['status'] = 'later';
  for (const warning of warnings) {
    if (warning.code === 'RECORDING_OVERDUE') status = 'overdue';
    else if (warning.code === 'RECORDING_DUE_SOON') status = 'due-soon';
    const where = warning.childId ? whereToLook(warning.code, warning.childId) : null;
    if (where) shown.push({ code: warning.code, message: warning.message, ...where });
  }

  const pack = resolvePolicy(policy);
  const rule = recordingRuleFor(pack, contact);
  const deadline = rule ? { due: new Date(resolve(Date.parse(contact.occurredAt), rule.within)), status } : null;
  return { warnings: shown, deadline };
}
