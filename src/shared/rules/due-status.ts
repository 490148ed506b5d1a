/** Overdue and "due soon" (practice-rules §1). */
import { localDay, startOfLocalDay } from './calendar/local-date.ts';
import { nthWorkingDayAfter } from './calendar/working-days.ts';

/**
 * The end of the due-soon window: the end of the 2nd working day after the local date of
 * asOf (Monday → when Wednesday ends; Friday → when Tuesday ends).
 */
export function dueSoonWindowEnd(asOf: number): number {
  return startOfLocalDay(nthWorkingDayAfter(localDay(asOf), 2) + 1);
}

export type DueStatus = 'overdue' | 'due-soon' | null;

/** Overdue at asOf means asOf ≥ due (due is exclusive); due soon means not overdue and due ≤ window end. */
export function dueStatus(due: number, asOf: number, windowEnd: number): DueStatus {
  if (asOf >= due) return 'overdue';
  if (due <= windowEnd) return 'due-soon';
  return null;
}
