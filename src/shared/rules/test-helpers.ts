/**
 * Small builders for the rules tests: invented children and visits, written the way a
 * practitioner would describe them. Pure TypeScript so any test (app, server) can use them.
 */
import type { Child } from '../model/child.ts';
import type { CaseloadRecords } from '../model/caseload.ts';
import type { Contact, ContactChild } from '../model/contact.ts';
import type { Involvement, InvolvementType } from '../model/involvement.ts';
import { instantFromIso, isoFromInstant } from './calendar/local-date.ts';
import { walkChain, type ChildContact } from './chains.ts';
import type { PolicyPack } from './packs/types.ts';
import { involvementTimes } from './visits.ts';

export function involvement(type: InvolvementType, start: string, extra: Partial<Involvement> = {}): Involvement {
  return { id: 'i1', type, start, end: null, ...extra };
}

export function child(involvements: Involvement[], extra: Partial<Child> = {}): Child {
  return { id: 'c1', name: 'Sam', dateOfBirth: '2014-02-11', involvements, ...extra };
}

let nextId = 1;
/** A completed, in-person home visit where the child was seen alone and their room seen. */
export function visit(
  occurredAt: string,
  extra: Partial<Contact> = {},
  entry: Partial<ContactChild> = {},
): Contact {
  return {
    id: `v${nextId++}`,
    occurredAt,
    mode: 'home-visit',
    setting: 'community',
    significantEvent: false,
    criticalWorries: false,
    completedAt: occurredAt,
    children: [
      {
        childId: 'c1',
        seen: true,
        seenAlone: true,
        seenAloneReason: null,
        bedroomSeen: true,
        bedroomSeenReason: null,
        managerInformed: false,
        ...entry,
      },
    ],
    ...extra,
  };
}

export function phoneCall(occurredAt: string): Contact {
  return visit(occurredAt, { mode: 'phone' }, { seen: false, seenAlone: null, bedroomSeen: null });
}

export function records(children: Child[], contacts: Contact[] = [], rest: Partial<CaseloadRecords> = {}): CaseloadRecords {
  return { children, contacts, ...rest };
}

export interface WalkSummary {
  /** Each deadline met: its due, and whether the contact came before it. */
  met: Array<{ due: string; inTime: boolean; requirement: string }>;
  /** The deadline open at asOf, or null. */
  next: { due: string; requirement: string } | null;
}

/** Walk one chain of a pack's rule for a child's involvement, with UTC ISO dues for easy reading. */
export function walk(
  pack: PolicyPack,
  kid: Child,
  contacts: Contact[],
  asOf: string,
  chain: 'visits' | 'contact' = 'visits',
): WalkSummary {
  const inv = kid.involvements[0];
  if (!inv) throw new Error('the child needs an involvement');
  const rule = pack.visiting[inv.type]?.find((r) => r.chain === chain);
  if (!rule) throw new Error(`${pack.id} has no ${chain} chain for ${inv.type}`);
  const childContacts: ChildContact[] = contacts
    .flatMap((c) =>
      c.children
        .filter((e) => e.childId === kid.id)
        .map((e) => ({
          at: instantFromIso(c.occurredAt),
          contactId: c.id,
          inPerson: c.mode === 'home-visit' || c.mode === 'visit-elsewhere',
          seen: e.seen,
          seenAlone: e.seenAlone === true,
        })),
    )
    .sort((a, b) => a.at - b.at);
  const result = walkChain(rule, involvementTimes(kid, inv), childContacts, instantFromIso(asOf));
  return {
    met: result.met.map((d) => ({
      due: isoFromInstant(d.due),
      inTime: d.metAt !== undefined && d.metAt < d.due,
      requirement: d.requirement,
    })),
    next: result.current ? { due: isoFromInstant(result.current.due), requirement: result.current.requirement } : null,
  };
}
