import type { RecordType } from '../../db';
import { localDay } from '../../../shared/rules/calendar/local-date.ts';

/** How a record type is named in lists, and where it is opened. */
export const RECORD_KINDS: Record<RecordType, { name: string; path?: string }> = {
  child: { name: 'Child', path: '/children' },
  visit: { name: 'Visit', path: '/visits' },
  'direct-work': { name: 'Direct work', path: '/direct-work' },
  observation: { name: 'Practice observation', path: '/observations' },
  addendum: { name: 'Addendum' },
};

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'Europe/London' });

/** "10:42" today, "3 June at 10:42" on another day (UK time). */
export function formatSyncTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const sameDay = localDay(at.getTime()) === localDay(now.getTime());
  return sameDay ? time.format(at) : `${day.format(at)} at ${time.format(at)}`;
}
