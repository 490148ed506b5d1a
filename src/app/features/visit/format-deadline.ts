const LONDON = 'Europe/London';
const day = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: LONDON });
const dayWithYear = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: LONDON,
});
const clock = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: LONDON });
const year = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: LONDON });

/** "Friday 13 March", with the year when it is not this year's: "Monday 4 January 2027". */
export function formatDay(date: Date, now: Date): string {
  return (year.format(date) === year.format(now) ? day : dayWithYear).format(date);
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
