/** Practice observations (practice-rules §6). */
import type { Warning } from '../model/compliance-report.ts';
import type { Observation } from '../model/observation.ts';
import type { Practitioner } from '../model/practitioner.ts';
import { instantFromIso, isoFromInstant } from './calendar/local-date.ts';
import { resolve } from './durations.ts';
import { observationDueMessage, observationFollowUpMessage } from './messages.ts';
import type { PolicyPack } from './packs/types.ts';
import { warning } from './warnings.ts';

const completedBy = (o: Observation, asOf: number) => o.completedAt != null && instantFromIso(o.completedAt) <= asOf;

export function checkObservations(
  pack: PolicyPack,
  practitioners: readonly Practitioner[],
  observations: readonly Observation[],
  practitionerName: (id: string) => string,
  asOf: number,
  out: Warning[],
): void {
  const every = pack.observations.every;
  // An observation covers its practitioner until resolve(observedAt, 12 months), the same
  // exclusive deadline §1 gives "within 12 months"; a new starter is covered for 12 months.
  // Completed by asOf is what counts (§6), not observedAt ≤ asOf: a form holds only the day
  // observed, stored as 12:00 UTC, and an observation completed that morning must count at once.
  const coveredUntil = new Map<string, number>();
  for (const p of practitioners) coveredUntil.set(p.id, resolve(instantFromIso(p.startedAt), every));
  for (const o of observations) {
    if (!completedBy(o, asOf)) continue;
    const until = resolve(instantFromIso(o.observedAt), every);
    if (until > (coveredUntil.get(o.observedPractitionerId) ?? -Infinity)) coveredUntil.set(o.observedPractitionerId, until);
  }
  for (const p of practitioners) {
    const due = coveredUntil.get(p.id);
    if (due === undefined || asOf < due) continue;
    out.push(
      warning({
        code: 'OBSERVATION_DUE',
        practitionerId: p.id,
        due: isoFromInstant(due),
        message: observationDueMessage(practitionerName(p.id), due, asOf),
        source: pack.observations.dueSource,
        severity: 'medium',
      }),
    );
  }

  // 004 Appendix 2 (L548): a copy to the observed practitioner and their line manager; the QA
  // lead / principal social worker notified so it can be recorded centrally.
  for (const o of observations) {
    if (!completedBy(o, asOf)) continue;
    const missing: string[] = [];
    if (o.copyToPractitioner !== true) missing.push('send a copy to the practitioner');
    if (o.copyToLineManager !== true) missing.push('send a copy to their line manager');
    if (o.qaLeadNotified !== true) missing.push('notify the QA lead / principal social worker');
    if (missing.length === 0) continue;
    out.push(
      warning({
        code: 'OBSERVATION_FOLLOW_UP',
        practitionerId: o.observedPractitionerId,
        observationId: o.id,
        message: observationFollowUpMessage(
          practitionerName(o.observedPractitionerId),
          instantFromIso(o.observedAt),
          missing,
          asOf,
        ),
        source: pack.observations.followUpSource,
        severity: 'low',
      }),
    );
  }
}
