import { z } from 'zod';

// ISO 8601 extended format with a zone designator: seconds and fractions optional, the offset
// as Z, ±HH, ±HHMM or ±HH:MM (compliance-format.md: "ISO 8601 with offset").
const ISO_INSTANT = /^((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}))(:(\d{2})(?:\.\d+)?)?(Z|([+-]\d{2})(?::?(\d{2}))?)$/;
const INVALID_INSTANT = 'Invalid ISO datetime';

/**
 * An instant: ISO 8601 with `Z` or an offset, naming a real day and time (Date.parse would roll
 * 30 February over into March). Written back in the RFC 3339 form (`2026-04-09T09:00:00+01:00`),
 * the same instant with the same offset, so every reader (Date.parse included) agrees on it.
 * One pass per value: a caseload holds hundreds of thousands of them.
 */
export const instant = z.string().transform((value, ctx) => {
  const rfc3339 = toRealRfc3339(value);
  if (rfc3339 === null) {
    ctx.addIssue({ code: 'custom', message: INVALID_INSTANT });
    return z.NEVER;
  }
  return rfc3339;
});

function toRealRfc3339(value: string): string | null {
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [, dateTime, year, month, day, hour, minute, seconds, second, zone, offsetHours, offsetMinutes] = match;
  const m = Number(month);
  if (m < 1 || m > 12 || Number(day) < 1 || Number(day) > daysInMonth(Number(year), m)) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || (second !== undefined && Number(second) > 59)) return null;
  if (offsetHours !== undefined && (Number(offsetHours.slice(1)) > 23 || Number(offsetMinutes ?? 0) > 59)) return null;
  const offset = zone === 'Z' ? 'Z' : `${offsetHours}:${offsetMinutes ?? '00'}`;
  return `${dateTime}${seconds ?? ':00'}${offset}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();
export const id = z.string().min(1);
/** true, false, or null / absent for "not answered". */
export const answer = z.boolean().nullable().optional();
export const optionalText = z.string().nullable().optional();
