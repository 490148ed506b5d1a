/** Seen alone and bedroom seen (practice-rules §3), and the seenAlone measure (§7). */
import { isInPerson, type Contact } from '../model/contact.ts';
import type { Warning } from '../model/compliance-report.ts';
import type { ContactTimes, Tally } from './measures.ts';
import { seenAloneMessage, type SeenAloneProblem } from './messages.ts';
import type { PolicyPack } from './packs/types.ts';
import { warning } from './warnings.ts';

const blank = (text: string | null | undefined) => text == null || text.trim() === '';

/**
 * For every in-person contact and each child seen. Drafts are checked too, so the form warns
 * while it is being written; only completed notes count in the measure.
 */
export function checkSeenAlone(
  pack: PolicyPack,
  contact: Contact,
  times: ContactTimes,
  childName: (id: string) => string,
  asOf: number,
  tally: Tally,
  out: Warning[],
): void {
  if (!isInPerson(contact.mode)) return;
  const { occurredAt, completedAt } = times;
  const completed = completedAt !== null && completedAt <= asOf;
  for (const entry of contact.children) {
    if (!entry.seen) continue;
    if (completed) tally.count(entry.seenAlone === true);
    const add = (code: SeenAloneProblem, source: string) =>
      out.push(
        warning({
          code,
          childId: entry.childId,
          contactId: contact.id,
          message: seenAloneMessage(code, childName(entry.childId), contact.mode, occurredAt, asOf),
          source,
          severity: 'medium',
        }),
      );
    if (entry.seenAlone == null) add('SEEN_ALONE_NOT_RECORDED', pack.seenAlone.source);
    if (entry.seenAlone === false && blank(entry.seenAloneReason)) add('SEEN_ALONE_REASON_MISSING', pack.seenAlone.source);
    const manager = pack.seenAlone.managerMustBeInformed;
    if (manager && entry.seenAlone === false && entry.managerInformed !== true) {
      add('SEEN_ALONE_MANAGER_NOT_INFORMED', manager.source);
    }
    const bedroom = pack.seenAlone.bedroomOnHomeVisits;
    if (bedroom && contact.mode === 'home-visit') {
      if (entry.bedroomSeen == null) add('BEDROOM_NOT_RECORDED', bedroom.source);
      if (entry.bedroomSeen === false && blank(entry.bedroomSeenReason)) add('BEDROOM_REASON_MISSING', bedroom.source);
    }
  }
}
