/**
 * Builders for the demo caseload's record bodies, made with the same functions and schemas the
 * forms use (emptyVisitNote, toDirectWorkBody, toObservationBody), so every demo record opens
 * in its own form or read view like one a practitioner wrote.
 */
import type { DateParts } from '../model/direct-work.ts';
import { emptyDirectWork } from '../model/direct-work.ts';
import { toDirectWorkBody, type DirectWorkBody } from '../model/direct-work-body.ts';
import { toObservationBody, type ObservationBody } from '../model/observation-body.ts';
import { emptyObservationForm, LAST_STEP, type ObservationForm } from '../model/observation-form.ts';
import {
  emptyContactChild,
  emptyVisitNote,
  SEEN_ALONE_REASON_TEXT,
  type DraftContact,
  type DraftContactChild,
  type VisitNoteBody,
  type VisitNoteText,
  type VisitStep,
} from '../model/visit-note.ts';
import { civilFromDay, instantFromLondonWallClock, localDay, MS_PER_DAY } from '../rules/calendar/local-date.ts';

/** A day some days before `now` (UK date) and a UK wall-clock time on it, as the forms hold them. */
export interface DemoDay {
  /** The instant, for the rules (UTC ISO). */
  instant: string;
  date: DateParts;
  /** "14:30", as typed into the visit form. */
  time: string;
}

export function demoDay(now: Date, daysAgo: number, time = '10:30'): DemoDay {
  const day = localDay(now.getTime()) - daysAgo;
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const instant = instantFromLondonWallClock(day * MS_PER_DAY + (hours * 60 + minutes) * 60_000);
  const civil = civilFromDay(day);
  return {
    instant: new Date(instant).toISOString(),
    date: { day: String(civil.day), month: String(civil.month), year: String(civil.year) },
    time,
  };
}

/** A child seen, and seen alone, on a visit (the bedroom is asked about on a home visit only). */
export function seenChild(childId: string, more: Partial<DraftContactChild> = {}): DraftContactChild {
  return { ...emptyContactChild(childId), seen: true, seenAlone: true, bedroomSeen: true, ...more };
}

/** A child seen but not seen alone, with the reason from the form's list; the manager was told. */
export function notSeenAlone(childId: string, reason: keyof typeof SEEN_ALONE_REASON_TEXT): DraftContactChild {
  return seenChild(childId, {
    seenAlone: false,
    seenAloneReasonChoice: reason,
    seenAloneReason: SEEN_ALONE_REASON_TEXT[reason],
    managerInformed: true,
  });
}

/** A child who was not seen (a phone call): the seen-alone questions do not apply. */
export function notSeen(childId: string): DraftContactChild {
  return { ...emptyContactChild(childId), seen: false };
}

export interface DemoVisitNote {
  when: DemoDay;
  mode: NonNullable<DraftContact['mode']>;
  children: DraftContactChild[];
  note: VisitNoteText;
  /** When "Finish and record" was pressed; null leaves it a draft on `step`. */
  completedAt: string | null;
  step?: VisitStep;
}

/** A visit note as the visit form stores it: finished (step 'check', completedAt set) or a draft. */
export function visitNote(id: string, visit: DemoVisitNote): VisitNoteBody {
  const body = emptyVisitNote(id, {
    day: visit.when.date.day,
    month: visit.when.date.month,
    year: visit.when.date.year,
    time: visit.when.time,
  });
  const homeVisit = visit.mode === 'home-visit';
  return {
    ...body,
    contact: {
      ...body.contact,
      occurredAt: visit.when.instant,
      mode: visit.mode,
      significantEvent: false,
      criticalWorries: false,
      completedAt: visit.completedAt,
      // The form only asks about the bedroom on a home visit.
      children: visit.children.map((child) => (homeVisit ? child : { ...child, bedroomSeen: null })),
    },
    note: visit.note,
    step: visit.completedAt ? 'check' : (visit.step ?? 'note'),
  };
}

/** A finished direct work session, stored as the direct work form stores it. */
export function directWork(
  child: { id: string; name: string },
  when: DemoDay,
  form: Pick<DirectWorkBody, 'tools' | 'childsWords' | 'analysis' | 'completedAt' | 'photos'>,
): DirectWorkBody {
  return toDirectWorkBody({ ...emptyDirectWork(), childId: child.id, childName: child.name, date: when.date, ...form });
}

/** A completed practice observation, stored as the observation form stores it. */
export function observation(recordId: string, form: Partial<ObservationForm>): ObservationBody {
  return toObservationBody({ ...emptyObservationForm(), step: LAST_STEP, ...form }, recordId);
}
