/** Visiting timescale warnings for one child (practice-rules §5), from the chain walks. */
import type { Child } from '../model/child.ts';
import type { Warning } from '../model/compliance-report.ts';
import type { Involvement } from '../model/involvement.ts';
import { instantFromIso, isoFromInstant } from './calendar/local-date.ts';
import { walkChain, type ChildContact, type InvolvementTimes } from './chains.ts';
import { dueStatus } from './due-status.ts';
import { parseDuration } from './durations.ts';
import { countVisitDeadlines, type Tally } from './measures.ts';
import { visitMessage } from './messages.ts';
import type { PolicyPack } from './packs/types.ts';
import { warning } from './warnings.ts';

const instantOrNull = (iso: string | null | undefined) => (iso == null ? null : instantFromIso(iso));

export function involvementTimes(child: Child, inv: Involvement): InvolvementTimes {
  return {
    start: instantFromIso(inv.start),
    end: instantOrNull(inv.end),
    reductionAgreedAt: instantOrNull(inv.reductionAgreedAt),
    firstReviewAt: instantOrNull(inv.firstReviewAt),
    stableComplexNeeds: inv.stableComplexNeeds === true,
    agreedInterval: inv.agreedInterval ? parseDuration(inv.agreedInterval.every) : null,
    dateOfBirth: child.dateOfBirth,
  };
}

/** `contacts` are this child's, sorted by time. */
export function checkVisits(
  pack: PolicyPack,
  child: Child,
  childName: string,
  contacts: readonly ChildContact[],
  asOf: number,
  windowEnd: number,
  tally: Tally,
  out: Warning[],
): void {
  for (const inv of child.involvements) {
    const rules = pack.visiting[inv.type];
    if (!rules) continue; // no visiting rule for this type in this pack
    const times = involvementTimes(child, inv);
    for (const baseRule of rules) {
      const rule = times.stableComplexNeeds && baseRule.whenStableComplexNeeds
        ? { ...baseRule, ...baseRule.whenStableComplexNeeds }
        : baseRule;
      const result = walkChain(baseRule, times, contacts, asOf);
      countVisitDeadlines(result, tally);
      const current = result.current;
      if (result.ended || !current) continue;
      const status = dueStatus(current.due, asOf, windowEnd);
      if (!status) continue;
      out.push(
        warning({
          code: status === 'overdue' ? 'VISIT_OVERDUE' : 'VISIT_DUE_SOON',
          childId: child.id,
          involvementId: inv.id,
          requirement: current.requirement,
          due: isoFromInstant(current.due),
          message: visitMessage(status, rule.label, childName, current.requirement, current.due, asOf),
          source: rule.source,
          severity: status === 'overdue' ? 'high' : 'medium',
        }),
      );
    }
  }
}
