import { localDay } from '../../shared/rules/calendar/local-date.ts';

// Every date and time Doorstep shows, in one place: GOV.UK style, in UK time.
const LONDON = 'Europe/London';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: LONDON,
});
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
// A calendar date typed as day, month and year has no time zone: read it at UTC.
const calendarDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: LONDON });
const weekdayWithYear = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
const clock = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: LONDON });
const clock24 = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: LONDON });
const clockWithSeconds = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true, timeZone: LONDON });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: LONDON });
const year = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: LONDON });

/** "4 June 2025 at 2:05pm". */
export function formatDateTime(iso: string): string {
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${(parts.dayPeriod ?? '').toLowerCase()}`;
}

/** The UK day of an instant: "4 June 2025". */
export const formatDateOf = (at: string | number | Date): string => dayMonthYear.format(new Date(at));

/** A calendar date ("2026-03-05") as GOV.UK writes it: "5 March 2026". */
export const formatCalendarDate = (isoDate: string): string => calendarDate.format(new Date(`${isoDate}T12:00:00Z`));

/** "2:05:30pm". */
export const formatTimeWithSeconds = (epochMs: number): string =>
  clockWithSeconds.format(new Date(epochMs)).replace(/\s/g, '').toLowerCase();

/** "Friday 13 March", with the year when it is not this year's: "Monday 4 January 2027". */
export function formatDay(date: Date, now: Date): string {
  return (year.format(date) === year.format(now) ? weekday : weekdayWithYear).format(date);
}

/**
 * An exclusive deadline as a practitioner reads it. One at midnight UK time means "by the end
 * of the day before" ("Friday 13 March"); one at another time (24 hours) gives the time too,
 * in GOV.UK style: "3:05pm on Friday 13 March".
 */
export function formatDeadline(due: Date, now: Date): string {
  const [hours, minutes] = clock.format(due).split(':').map(Number) as [number, number];
  if (hours === 0 && minutes === 0) return formatDay(new Date(due.getTime() - 1), now);
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const time = minutes === 0 ? `${h12}${hours < 12 ? 'am' : 'pm'}` : `${h12}:${String(minutes).padStart(2, '0')}${hours < 12 ? 'am' : 'pm'}`;
  return `${time} on ${formatDay(due, now)}`;
}

/** "10:42" today, "3 June at 10:42" on another day (UK days). */
export function formatSyncTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const sameDay = localDay(at.getTime()) === localDay(now.getTime());
  return sameDay ? clock24.format(at) : `${dayMonth.format(at)} at ${clock24.format(at)}`;
}
