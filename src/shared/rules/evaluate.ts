/**
 * The one entry point (design.md invariant 4): the app, the server's reports and the
 * `compliance` command all call `evaluate`.
 */
import type { CaseloadRecords } from '../model/caseload.ts';
import type { Measures, Warning } from '../model/compliance-report.ts';
import { isInPerson } from '../model/contact.ts';
import { instantFromIso } from './calendar/local-date.ts';
import type { ChildContact } from './chains.ts';
import { dueSoonWindowEnd } from './due-status.ts';
import { Tally, type ContactTimes } from './measures.ts';
import { checkObservations } from './observations.ts';
import { findPolicyPack, policyPackIds } from './packs/index.ts';
import type { PolicyPack } from './packs/types.ts';
import { checkRecording } from './recording.ts';
import { checkSeenAlone } from './seen-alone.ts';
import { checkVisits } from './visits.ts';
import { compareWarnings } from './warnings.ts';

export interface Evaluation {
  warnings: Warning[];
  measures: Measures;
}

export function resolvePolicy(policy: PolicyPack | string): PolicyPack {
  if (typeof policy !== 'string') return policy;
  const pack = findPolicyPack(policy);
  if (!pack) throw new RangeError(`unknown policy "${policy}" (known: ${policyPackIds().join(', ')})`);
  return pack;
}

function toInstant(asOf: Date | string | number): number {
  if (typeof asOf === 'number') return asOf;
  return typeof asOf === 'string' ? instantFromIso(asOf) : asOf.getTime();
}

/** Each child's part in the contacts, indexed once and sorted by time (then contact id). */
function contactsByChild(caseload: CaseloadRecords, times: readonly ContactTimes[]): Map<string, ChildContact[]> {
  const byChild = new Map<string, ChildContact[]>();
  for (const [i, contact] of caseload.contacts.entries()) {
    const at = times[i]?.occurredAt ?? instantFromIso(contact.occurredAt);
    const inPerson = isInPerson(contact.mode);
    for (const entry of contact.children) {
      let list = byChild.get(entry.childId);
      if (!list) byChild.set(entry.childId, (list = []));
      list.push({ at, contactId: contact.id, inPerson, seen: entry.seen, seenAlone: entry.seenAlone === true });
    }
  }
  for (const list of byChild.values()) {
    list.sort((a, b) => a.at - b.at || (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0));
  }
  return byChild;
}

export function evaluate(
  caseload: CaseloadRecords,
  policy: PolicyPack | string,
  asOf: Date | string | number,
): Evaluation {
  const pack = resolvePolicy(policy);
  const now = toInstant(asOf);
  const windowEnd = dueSoonWindowEnd(now);
  const warnings: Warning[] = [];
  const seenAlone = new Tally();
  const recorded = new Tally();
  const visits = new Tally();

  const names = new Map<string, string>();
  for (const child of caseload.children) names.set(child.id, child.name ?? `child ${child.id}`);
  const childName = (id: string) => names.get(id) ?? `child ${id}`;

  const times: ContactTimes[] = caseload.contacts.map((c) => ({
    occurredAt: instantFromIso(c.occurredAt),
    completedAt: c.completedAt === null ? null : instantFromIso(c.completedAt),
  }));
  const byChild = contactsByChild(caseload, times);
  for (const child of caseload.children) {
    checkVisits(pack, child, childName(child.id), byChild.get(child.id) ?? [], now, windowEnd, visits, warnings);
  }
  caseload.contacts.forEach((contact, i) => {
    const contactTimes = times[i] as ContactTimes;
    checkRecording(pack, contact, contactTimes, now, windowEnd, recorded, warnings);
    checkSeenAlone(pack, contact, contactTimes, childName, now, seenAlone, warnings);
  });

  const practitioners = caseload.practitioners ?? [];
  const practitionerNames = new Map(practitioners.map((p) => [p.id, p.name ?? `practitioner ${p.id}`]));
  checkObservations(
    pack,
    practitioners,
    caseload.observations ?? [],
    (id) => practitionerNames.get(id) ?? `practitioner ${id}`,
    now,
    warnings,
  );

  warnings.sort(compareWarnings);
  return {
    warnings,
    measures: {
      seenAlone: seenAlone.toMeasure(),
      recordedInTimescale: recorded.toMeasure(),
      visitsInTimescale: visits.toMeasure(),
    },
  };
}
