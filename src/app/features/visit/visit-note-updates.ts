/** Pure changes to a visit note body; the form calls these and autosaves the result. */
import {
  emptyContactChild,
  seenAloneReasonText,
  type DraftContact,
  type DraftContactChild,
  type SeenAloneReason,
  type VisitNoteBody,
  type VisitNoteText,
  type VisitStep,
  type VisitWhen,
} from '../../../shared/model/visit-note.ts';
import { parseWhen } from '../../records/visit/occurred-at';

export type VisitNoteUpdate = (body: VisitNoteBody) => VisitNoteBody;

const withContact =
  (patch: Partial<DraftContact>): VisitNoteUpdate =>
  (body) => ({ ...body, contact: { ...body.contact, ...patch } });

export const setWhen =
  (patch: Partial<VisitWhen>): VisitNoteUpdate =>
  (body) => {
    const when = { ...body.when, ...patch };
    const parsed = parseWhen(when);
    return { ...body, when, contact: { ...body.contact, occurredAt: parsed.ok ? parsed.instant : null } };
  };

export const setMode = (mode: DraftContact['mode']) => withContact({ mode });
export const setSetting = (setting: DraftContact['setting']) => withContact({ setting });
export const setSignificantEvent = (significantEvent: boolean) => withContact({ significantEvent });
export const setCriticalWorries = (criticalWorries: boolean) => withContact({ criticalWorries });

/** Adds or removes a child; a child taken off keeps nothing, put back starts afresh. */
export const setChildOnVisit =
  (childId: string, onVisit: boolean): VisitNoteUpdate =>
  (body) => {
    const children = body.contact.children.filter((child) => child.childId !== childId);
    if (onVisit) children.push(emptyContactChild(childId));
    return { ...body, contact: { ...body.contact, children } };
  };

export const setChild =
  (childId: string, patch: Partial<Omit<DraftContactChild, 'childId' | 'seenAloneReason'>>): VisitNoteUpdate =>
  (body) => ({
    ...body,
    contact: {
      ...body.contact,
      children: body.contact.children.map((child) => {
        if (child.childId !== childId) return child;
        const next = { ...child, ...patch };
        // §2's reason text always follows the choice and the "Other" text.
        return { ...next, seenAloneReason: seenAloneReasonText(next.seenAloneReasonChoice, next.seenAloneReasonOther) };
      }),
    },
  });

export const setSeenAloneReason = (childId: string, choice: SeenAloneReason) =>
  setChild(childId, { seenAloneReasonChoice: choice });

export const setNote =
  (patch: Partial<Omit<VisitNoteText, 'childsVoice'>>): VisitNoteUpdate =>
  (body) => ({ ...body, note: { ...body.note, ...patch } });

export const setChildsVoice =
  (childId: string, text: string): VisitNoteUpdate =>
  (body) => ({ ...body, note: { ...body.note, childsVoice: { ...body.note.childsVoice, [childId]: text } } });

export const setStep =
  (step: VisitStep): VisitNoteUpdate =>
  (body) => ({ ...body, step });

export const finish =
  (completedAt: string): VisitNoteUpdate =>
  (body) => ({ ...body, step: 'check', contact: { ...body.contact, completedAt } });
