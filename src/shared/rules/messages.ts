/**
 * Plain-English warning text, in practitioners' words: "Child protection visit overdue: Sam was
 * due to be seen by Tue 20 Jan".
 */
import type { Requirement } from '../model/compliance-report.ts';
import type { ContactMode } from '../model/contact.ts';
import { civilFromDay, localDay, londonOffsetMinutes, startOfLocalDay } from './calendar/local-date.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 20 Jan", with the year when it is not asOf's year: "Mon 29 Dec 2025". */
export function formatDay(dayNumber: number, asOf: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  const sameYear = civilFromDay(localDay(asOf)).year === year;
  const wd = WEEKDAYS[(((dayNumber + 4) % 7) + 7) % 7];
  return `${wd} ${day} ${MONTHS[month - 1]}${sameYear ? '' : ` ${year}`}`;
}

/** When an instant happened, as a day: "Tue 6 Jan". */
export function formatOn(instant: number, asOf: number): string {
  return formatDay(localDay(instant), asOf);
}

/**
 * An exclusive deadline in words. One at local midnight is "by" the day before it ends
 * ("by Tue 20 Jan"); one at another time (hours) gives the time: "by 15:00 on Wed 7 Jan".
 */
export function formatBy(due: number, asOf: number): string {
  const day = localDay(due);
  if (startOfLocalDay(day) === due) return formatDay(day - 1, asOf);
  const minutes = Math.floor((due + londonOffsetMinutes(due) * 60_000) / 60_000) % 1440;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm} on ${formatDay(day, asOf)}`;
}

const REQUIREMENT_WORDS: Record<Requirement, string> = {
  seen: 'seen',
  'seen-alone': 'seen alone',
  contact: 'contacted',
};

const MODE_WORDS: Record<ContactMode, string> = {
  'home-visit': 'home visit',
  'visit-elsewhere': 'visit',
  video: 'video call',
  phone: 'phone call',
  message: 'message',
};

export function visitMessage(
  status: 'overdue' | 'due-soon',
  label: string,
  child: string,
  requirement: Requirement,
  due: number,
  asOf: number,
): string {
  const words = REQUIREMENT_WORDS[requirement];
  return status === 'overdue'
    ? `${label} overdue: ${child} was due to be ${words} by ${formatBy(due, asOf)}`
    : `${label} due soon: ${child} is due to be ${words} by ${formatBy(due, asOf)}`;
}

export function recordingMessage(
  status: 'overdue' | 'due-soon',
  mode: ContactMode,
  occurredAt: number,
  due: number,
  asOf: number,
): string {
  const what = `the ${MODE_WORDS[mode]} on ${formatOn(occurredAt, asOf)}`;
  return status === 'overdue'
    ? `Recording overdue: ${what} should have been recorded by ${formatBy(due, asOf)}`
    : `Recording due soon: ${what} needs to be recorded by ${formatBy(due, asOf)}`;
}

export type SeenAloneProblem =
  | 'SEEN_ALONE_NOT_RECORDED'
  | 'SEEN_ALONE_REASON_MISSING'
  | 'SEEN_ALONE_MANAGER_NOT_INFORMED'
  | 'BEDROOM_NOT_RECORDED'
  | 'BEDROOM_REASON_MISSING';

export function seenAloneMessage(
  problem: SeenAloneProblem,
  child: string,
  mode: ContactMode,
  occurredAt: number,
  asOf: number,
): string {
  const visit = `the ${MODE_WORDS[mode]} on ${formatOn(occurredAt, asOf)}`;
  switch (problem) {
    case 'SEEN_ALONE_NOT_RECORDED':
      return `Seen alone not recorded: say whether ${child} was seen alone on ${visit}`;
    case 'SEEN_ALONE_REASON_MISSING':
      return `Reason not recorded: ${child} was not seen alone on ${visit}; record why not`;
    case 'SEEN_ALONE_MANAGER_NOT_INFORMED':
      return `Manager not informed: ${child} was not seen alone on ${visit}; tell your team manager`;
    case 'BEDROOM_NOT_RECORDED':
      return `Bedroom not recorded: say whether ${child}'s bedroom was seen on ${visit}`;
    case 'BEDROOM_REASON_MISSING':
      return `Reason not recorded: ${child}'s bedroom was not seen on ${visit}; record why not`;
  }
}

export function observationDueMessage(practitioner: string, due: number, asOf: number): string {
  return `Practice observation due: ${practitioner} needed a practice observation by ${formatBy(due, asOf)}`;
}

export function observationFollowUpMessage(
  practitioner: string,
  observedAt: number,
  missing: string[],
  asOf: number,
): string {
  return `Practice observation follow-up: for ${practitioner}'s observation on ${formatOn(observedAt, asOf)}, ${missing.join(', ')}`;
}
