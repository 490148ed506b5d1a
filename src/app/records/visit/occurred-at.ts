import { instantFromLondonWallClock } from '../../../shared/rules/calendar/local-date.ts';
import type { VisitWhen } from '../../../shared/model/visit-note.ts';

export type WhenProblem = 'date-missing' | 'date-invalid' | 'time-missing' | 'time-invalid';
export type ParsedWhen = { ok: true; instant: string } | { ok: false; problem: WhenProblem };

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

/** "14:30", "14.30", "9:05", "2:30pm", "2pm" → minutes after midnight, or null. */
export function parseTime(text: string): number | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const period = match[3]?.toLowerCase();
  if (match[2] === undefined && !period) return null;
  if (period) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (period === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** The date and time as typed, read as UK local time (Europe/London), to a UTC instant. */
export function parseWhen(when: VisitWhen): ParsedWhen {
  if ([when.day, when.month, when.year].every((part) => part.trim() === '')) return { ok: false, problem: 'date-missing' };
  const day = whole(when.day);
  const month = whole(when.month);
  const year = whole(when.year);
  const wallClock = Date.UTC(year, month - 1, day);
  const check = new Date(wallClock);
  if (
    Number.isNaN(wallClock) ||
    year < 2000 ||
    year > 2100 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return { ok: false, problem: 'date-invalid' };
  }
  if (when.time.trim() === '') return { ok: false, problem: 'time-missing' };
  const minutes = parseTime(when.time);
  if (minutes === null) return { ok: false, problem: 'time-invalid' };
  return { ok: true, instant: new Date(instantFromLondonWallClock(wallClock + minutes * 60_000)).toISOString() };
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** The date and time fields for an instant, in UK time: what a new visit starts with. */
export function whenFromInstant(instant: Date): VisitWhen {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { day: parts.day ?? '', month: parts.month ?? '', year: parts.year ?? '', time: `${parts.hour}:${parts.minute}` };
}
