/**
 * Durations written the way the practice standards write them ("5 working days", "48 hours",
 * "same day", "next day", "6 weeks", "3 months"), and `resolve(T, X)`: the exclusive `due`
 * instant of "within X of instant T" (practice-rules §1).
 */
import {
  addMonths,
  localDay,
  MS_PER_HOUR,
  startOfLocalDay,
} from './calendar/local-date.ts';
import { nthWorkingDayAfter } from './calendar/working-days.ts';

export type Duration =
  | { unit: 'hours'; n: number }
  | { unit: 'same-day'; n: 0 }
  | { unit: 'next-day'; n: 1 }
  | { unit: 'days'; n: number }
  | { unit: 'weeks'; n: number }
  | { unit: 'months'; n: number }
  | { unit: 'working-days'; n: number };

const PATTERN = /^(\d{1,4})[ -](hours?|days?|weeks?|months?|working[ -]days?)$/;

const parsed = new Map<string, Duration>();

/** Parse a duration, or return null when the text is not one we understand. */
export function tryParseDuration(text: string): Duration | null {
  const cached = parsed.get(text);
  if (cached) return cached;
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let d: Duration | null = null;
  if (t === 'same day') d = { unit: 'same-day', n: 0 };
  else if (t === 'next day') d = { unit: 'next-day', n: 1 };
  else {
    const m = PATTERN.exec(t);
    const n = m ? Number(m[1]) : 0;
    const word = m?.[2] ?? '';
    if (m && n >= 1) {
      if (word.startsWith('working')) d = { unit: 'working-days', n };
      else if (word.startsWith('hour')) d = { unit: 'hours', n };
      else if (word.startsWith('day')) d = { unit: 'days', n };
      else if (word.startsWith('week')) d = { unit: 'weeks', n };
      else d = { unit: 'months', n };
    }
  }
  if (d) parsed.set(text, d);
  return d;
}

export function parseDuration(text: string): Duration {
  const d = tryParseDuration(text);
  if (!d) {
    throw new RangeError(
      `not a duration: "${text}" (use "N hours", "N days", "N weeks", "N months", "N working days", "same day" or "next day")`,
    );
  }
  return d;
}

/** The due date E (a local day number) for the day-based units, from D = local date of T. */
function dueDate(d: number, duration: Duration): number {
  switch (duration.unit) {
    case 'same-day':
      return d;
    case 'next-day':
      return d + 1;
    case 'days':
      return d + duration.n;
    case 'weeks':
      return d + 7 * duration.n;
    case 'months':
      return addMonths(d, duration.n);
    case 'working-days':
      return nthWorkingDayAfter(d, duration.n);
    case 'hours':
      throw new Error('hours have no due date');
  }
}

/**
 * The exclusive deadline of "within X of T": hours are exact; every other unit gives a due
 * date E and the deadline is 00:00 Europe/London on the day after E.
 */
export function resolve(instant: number, duration: Duration | string): number {
  const x = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (x.unit === 'hours') return instant + x.n * MS_PER_HOUR;
  return startOfLocalDay(dueDate(localDay(instant), x) + 1);
}

/** Plain words for messages and sources: "5 working days", "1 week", "same day". */
export function describeDuration(duration: Duration): string {
  switch (duration.unit) {
    case 'same-day':
      return 'same day';
    case 'next-day':
      return 'next day';
    case 'working-days':
      return `${duration.n} working day${duration.n === 1 ? '' : 's'}`;
    default: {
      const word = duration.unit.slice(0, -1);
      return `${duration.n} ${word}${duration.n === 1 ? '' : 's'}`;
    }
  }
}
