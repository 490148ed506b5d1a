/**
 * Local dates in Europe/London (practice-rules §1: "All local dates are in Europe/London").
 *
 * A local date is a day number: whole days since 1970-01-01 on the civil calendar. Instants are
 * epoch milliseconds. The zone's offsets come from the runtime's tz database through
 * @date-fns/tz; we never encode the clock-change rules ourselves, we only cache the answers.
 */
import { tzOffset } from '@date-fns/tz';

export const LONDON = 'Europe/London';
export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;

/** Day number (days since 1970-01-01) of a civil date. Months are 1–12. */
export function dayFromCivil(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function dayFromIsoDate(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return dayFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoDateFromDay(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

// The zone's offset changes, found once per calendar year by asking the tz database (through
// tzOffset) at each month start and bisecting to the minute inside any month where it differs.
// Assumes at most one change per month, true of Europe/London.
interface OffsetSegment {
  from: number;
  minutes: number;
}
const segmentsByYear = new Map<number, OffsetSegment[]>();

const offsetAt = (instant: number) => tzOffset(LONDON, new Date(instant));

function yearSegments(year: number): OffsetSegment[] {
  let segments = segmentsByYear.get(year);
  if (segments) return segments;
  segments = [{ from: -Infinity, minutes: offsetAt(Date.UTC(year, 0, 1)) }];
  for (let month = 0; month < 12; month++) {
    let lo = Date.UTC(year, month, 1);
    let hi = Date.UTC(year, month + 1, 1);
    const before = offsetAt(lo);
    const after = offsetAt(hi);
    if (before === after) continue;
    // invariant: offset at lo is `before`, offset at hi is `after`
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    segments.push({ from: hi, minutes: after });
  }
  segmentsByYear.set(year, segments);
  return segments;
}

/** Minutes east of UTC in London at an instant (0 in winter, 60 in summer time). */
export function londonOffsetMinutes(instant: number): number {
  // The UTC year without allocating a Date: estimate, then correct by at most one.
  let year = Math.floor(instant / 31_556_952_000) + 1970;
  if (instant < Date.UTC(year, 0, 1)) year--;
  else if (instant >= Date.UTC(year + 1, 0, 1)) year++;
  const segments = yearSegments(year);
  let minutes = 0;
  for (const segment of segments) {
    if (instant < segment.from) break;
    minutes = segment.minutes;
  }
  return minutes;
}

/**
 * A UK wall-clock time (milliseconds, written as if it were UTC) to the instant it names. When
 * the clocks go back, 01:00–01:59 happens twice: the earlier instant is taken, so a time typed
 * in that hour is never read as an hour in the future. When they go forward, 01:00–01:59 never
 * happens: it is read with the winter offset, so an hour on.
 */
export function instantFromLondonWallClock(wallClock: number): number {
  // The offsets in force before and after any change that day (changes are at 01:00 UTC).
  const before = londonOffsetMinutes(wallClock - 12 * MS_PER_HOUR);
  const after = londonOffsetMinutes(wallClock + 12 * MS_PER_HOUR);
  const earlier = wallClock - before * 60_000;
  const later = wallClock - after * 60_000;
  const earlierHolds = londonOffsetMinutes(earlier) === before;
  const laterHolds = londonOffsetMinutes(later) === after;
  if (earlierHolds && laterHolds) return Math.min(earlier, later); // the repeated hour
  if (laterHolds) return later;
  return earlier; // its own offset, or a time the clocks skipped
}

/** The local date (Europe/London) of an instant. */
export function localDay(instant: number): number {
  return Math.floor((instant + londonOffsetMinutes(instant) * 60_000) / MS_PER_DAY);
}

const dayStarts = new Map<number, number>();

/** The instant at which a local date begins (00:00 Europe/London). */
export function startOfLocalDay(dayNumber: number): number {
  let start = dayStarts.get(dayNumber);
  if (start === undefined) {
    const utcMidnight = dayNumber * MS_PER_DAY;
    // Guess with the offset at UTC midnight, then correct once if the guess landed on the
    // other side of a clock change (midnight itself always exists in London: changes are at 01:00 UTC).
    start = utcMidnight - londonOffsetMinutes(utcMidnight) * 60_000;
    const corrected = utcMidnight - londonOffsetMinutes(start) * 60_000;
    if (corrected !== start) start = corrected;
    dayStarts.set(dayNumber, start);
  }
  return start;
}

/** "2026-01-05T15:00:00Z" or with an offset → epoch ms. The schema has already checked the form. */
export function instantFromIso(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 instant: ${iso}`);
  return ms;
}

/** UTC ISO with `Z`; milliseconds only when there are some (compliance-format.md example). */
export function isoFromInstant(instant: number): string {
  const iso = new Date(instant).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Add calendar months to a local date, clamping to the month's last day (§1 "N months"). */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDay(dayNumber);
  const monthIndex = year * 12 + (month - 1) + months;
  const y = Math.floor(monthIndex / 12);
  const m = monthIndex - y * 12 + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return dayFromCivil(y, m, Math.min(day, lastDay));
}
