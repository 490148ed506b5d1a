/** Recording timescales (practice-rules §4). */
import type { Contact } from '../model/contact.ts';
import type { Warning } from '../model/compliance-report.ts';
import { isoFromInstant } from './calendar/local-date.ts';
import { dueStatus } from './due-status.ts';
import { resolve } from './durations.ts';
import type { ContactTimes, Tally } from './measures.ts';
import { recordingMessage } from './messages.ts';
import type { PolicyPack, RecordingRule } from './packs/types.ts';
import { warning } from './warnings.ts';

export function recordingRuleFor(pack: PolicyPack, contact: Contact): RecordingRule | undefined {
  return pack.recording.find((r) => {
    switch (r.when) {
      case 'criticalWorries':
        return contact.criticalWorries === true;
      case 'significantEvent':
        return contact.significantEvent;
      case 'residential':
        return contact.setting === 'residential';
      case 'always':
        return true;
    }
  });
}

/**
 * Warnings for one contact's note, and its count in recordedInTimescale. A note finished
 * after asOf was not completed at asOf. A contact that happens after asOf is not judged yet.
 */
export function checkRecording(
  pack: PolicyPack,
  contact: Contact,
  times: ContactTimes,
  asOf: number,
  windowEnd: number,
  tally: Tally,
  out: Warning[],
): void {
  const { occurredAt, completedAt } = times;
  if (occurredAt > asOf) return;
  const rule = recordingRuleFor(pack, contact);
  if (!rule) return;
  const due = resolve(occurredAt, rule.within);
  if (completedAt !== null && completedAt <= asOf) {
    tally.count(completedAt < due);
    return;
  }
  if (due <= asOf) tally.count(false);
  const status = dueStatus(due, asOf, windowEnd);
  if (!status) return;
  out.push(
    warning({
      code: status === 'overdue' ? 'RECORDING_OVERDUE' : 'RECORDING_DUE_SOON',
      contactId: contact.id,
      due: isoFromInstant(due),
      message: recordingMessage(status, contact.mode, occurredAt, due, asOf),
      source: rule.source,
      severity: status === 'overdue' ? 'high' : 'medium',
    }),
  );
}
