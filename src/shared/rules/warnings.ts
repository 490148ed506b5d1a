/** Building and ordering warnings. */
import { WARNING_CODES, type Warning } from '../model/compliance-report.ts';

/** Fields in the order the report prints them; absent ids are left out. */
export function warning(w: Warning): Warning {
  const out: Warning = { code: w.code } as Warning;
  if (w.childId !== undefined) out.childId = w.childId;
  if (w.involvementId !== undefined) out.involvementId = w.involvementId;
  if (w.contactId !== undefined) out.contactId = w.contactId;
  if (w.practitionerId !== undefined) out.practitionerId = w.practitionerId;
  if (w.observationId !== undefined) out.observationId = w.observationId;
  if (w.requirement !== undefined) out.requirement = w.requirement;
  if (w.due !== undefined) out.due = w.due;
  out.message = w.message;
  out.source = w.source;
  out.severity = w.severity;
  return out;
}

const CODE_ORDER = new Map<string, number>(WARNING_CODES.map((c, i) => [c, i]));
const cmp = (a: string | undefined, b: string | undefined) => {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** A stable order: by code (in the order compliance-format.md lists them), then by the ids. */
export function compareWarnings(a: Warning, b: Warning): number {
  return (
    (CODE_ORDER.get(a.code) ?? 99) - (CODE_ORDER.get(b.code) ?? 99) ||
    cmp(a.childId, b.childId) ||
    cmp(a.involvementId, b.involvementId) ||
    cmp(a.contactId, b.contactId) ||
    cmp(a.practitionerId, b.practitionerId) ||
    cmp(a.observationId, b.observationId) ||
    cmp(a.due, b.due) ||
    cmp(a.requirement, b.requirement)
  );
}
