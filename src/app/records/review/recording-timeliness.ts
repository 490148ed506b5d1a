import { resolve, resolvePolicy } from '../../../shared/rules';
import { recordingRuleFor } from '../../../shared/rules/recording.ts';
import { contactOf } from '../caseload/build-caseload';
import { formatDeadline } from '../../ui/format-date';

/**
 * Whether a note was finished within its recording timescale (practice-rules §4), from the one
 * rules module (invariant 4): the same rule and due date the visit form and the caseload show.
 * Only visits have a recording timescale; anything else gives null.
 */
export type RecordingTimeliness =
  | { kind: 'on-time'; due: Date; completedAt: Date }
  | { kind: 'late'; due: Date; completedAt: Date }
  | { kind: 'not-finished'; due: Date }
  | { kind: 'unknown' };

export function recordingTimeliness(type: string, body: unknown, policy: string): RecordingTimeliness | null {
  if (type !== 'visit') return null;
  const contact = contactOf(body);
  if (!contact) return { kind: 'unknown' };
  const rule = recordingRuleFor(resolvePolicy(policy), contact);
  if (!rule) return { kind: 'unknown' };
  const due = new Date(resolve(Date.parse(contact.occurredAt), rule.within));
  if (contact.completedAt === null) return { kind: 'not-finished', due };
  const completedAt = new Date(contact.completedAt);
  // The rules' due instant is exclusive: finished before it is on time.
  return { kind: completedAt.getTime() < due.getTime() ? 'on-time' : 'late', due, completedAt };
}

/** One sentence for the sign-off list: "Recorded on time: due by 5pm on Friday 13 March". */
export function timelinessText(timeliness: RecordingTimeliness | null, now: Date): string {
  if (timeliness === null) return 'No recording timescale';
  switch (timeliness.kind) {
    case 'on-time':
      return `Recorded on time: due by ${formatDeadline(timeliness.due, now)}`;
    case 'late':
      return `Recorded late: due by ${formatDeadline(timeliness.due, now)}, finished ${formatDeadline(timeliness.completedAt, now)}`;
    case 'not-finished':
      return `Not finished: due by ${formatDeadline(timeliness.due, now)}`;
    case 'unknown':
      return 'Recording timescale not known: the visit has no date or type';
  }
}
