import type { FieldError } from '../../ui/error-summary';
import { isoDateFromParts, type DateParts } from '../../../shared/model/direct-work';
import { addMonths, dayFromIsoDate, civilFromDay, dayFromCivil, isoDateFromDay, localDay, startOfLocalDay } from '../../../shared/rules';

/** The periods a manager looks back over; dates are local dates in Europe/London. */
export const PERIOD_OPTIONS = [
  { id: 'last-4-weeks', text: 'Last 4 weeks' },
  { id: 'last-3-months', text: 'Last 3 months' },
  { id: 'financial-year', text: 'This financial year' },
  { id: 'to-date', text: 'Everything up to now' },
] as const;
export type PeriodId = (typeof PERIOD_OPTIONS)[number]['id'];
export const DEFAULT_PERIOD: PeriodId = 'last-4-weeks';

/** The Period select's last option: reveals From and To date inputs. */
export const CHOOSE_DATES = { id: 'choose-dates', text: 'Choose dates' } as const;
export type PeriodChoice = PeriodId | typeof CHOOSE_DATES.id;

/** What the figures are worked out over: a period ending now, or two chosen local dates (day numbers). */
export type PeriodRequest = { id: PeriodId } | { id: typeof CHOOSE_DATES.id; fromDay: number; toDay: number };

export interface Period {
  id: PeriodChoice;
  /** First local date in the period (ISO date); null: from the first record on. */
  fromDate: string | null;
  /** 00:00 local on fromDate, epoch ms; null as fromDate. */
  from: number | null;
  /** The period runs up to this instant (now): deadlines later than now are not known yet. */
  to: number;
  /** Chosen dates only: the last local date in the period (ISO date). */
  toDate?: string;
}

export function isPeriodId(value: string): value is PeriodId {
  return PERIOD_OPTIONS.some((option) => option.id === value);
}

/** The period ending now; "last 4 weeks" is today and the 27 days before it. */
export function periodEndingAt(id: PeriodId, now: number): Period {
  const today = localDay(now);
  const first = firstDay(id, today);
  return {
    id,
    fromDate: first === null ? null : isoDateFromDay(first),
    from: first === null ? null : startOfLocalDay(first),
    to: now,
  };
}

/**
 * From 00:00 local on the From date to the end of the To date (the instant before 00:00 on the
 * next day). A To date of today ends now instead: deadlines later than now are not known yet.
 */
export function periodBetween(fromDay: number, toDay: number, now: number): Period {
  return {
    id: CHOOSE_DATES.id,
    fromDate: isoDateFromDay(fromDay),
    from: startOfLocalDay(fromDay),
    to: Math.min(startOfLocalDay(toDay + 1) - 1, now),
    toDate: isoDateFromDay(toDay),
  };
}

export function periodFor(request: PeriodRequest, now: number): Period {
  return request.id === CHOOSE_DATES.id ? periodBetween(request.fromDay, request.toDay, now) : periodEndingAt(request.id, now);
}

/** The chosen dates as day numbers, or the GOV.UK error summary's messages (the summary links to each Day box). */
export function checkChosenDates(
  from: DateParts,
  to: DateParts,
  now: number,
  ids: { from: string; to: string },
): { ok: true; fromDay: number; toDay: number } | { ok: false; errors: FieldError[] } {
  const fromIso = isoDateFromParts(from);
  const toIso = isoDateFromParts(to);
  const errors: FieldError[] = [];
  if (fromIso === null) errors.push({ fieldId: `${ids.from}-day`, message: 'Enter a real date for From' });
  if (toIso === null) errors.push({ fieldId: `${ids.to}-day`, message: 'Enter a real date for To' });
  const fromDay = fromIso === null ? null : dayFromIsoDate(fromIso);
  const toDay = toIso === null ? null : dayFromIsoDate(toIso);
  if (fromDay !== null && toDay !== null && fromDay > toDay) errors.push({ fieldId: `${ids.from}-day`, message: 'From must be on or before To' });
  if (toDay !== null && toDay > localDay(now)) errors.push({ fieldId: `${ids.to}-day`, message: 'To must be today or in the past' });
  if (errors.length > 0 || fromDay === null || toDay === null) return { ok: false, errors };
  return { ok: true, fromDay, toDay };
}

function firstDay(id: PeriodId, today: number): number | null {
  switch (id) {
    case 'last-4-weeks':
      return today - 27;
    case 'last-3-months':
      return addMonths(today, -3) + 1;
    case 'financial-year': {
      // The UK public sector's financial year runs from 1 April to 31 March.
      const { year, month } = civilFromDay(today);
      return dayFromCivil(month >= 4 ? year : year - 1, 4, 1);
    }
    case 'to-date':
      return null;
  }
}
