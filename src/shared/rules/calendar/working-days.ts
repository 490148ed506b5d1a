/**
 * Working days (practice-rules §1): Monday–Friday that is not a bank holiday in England and
 * Wales. The bank holidays come from a generated data file (see its header for the source).
 *
 * Precomputed once: the list of every working day in the covered years and, for each day, how
 * many working days fall on or before it, so "the Nth working day after D" is two array reads.
 */
import {
  BANK_HOLIDAYS_ENGLAND_AND_WALES,
  BANK_HOLIDAYS_FIRST_YEAR,
  BANK_HOLIDAYS_LAST_YEAR,
} from './bank-holidays-england-wales.ts';
import { dayFromCivil, dayFromIsoDate, isoDateFromDay, weekday } from './local-date.ts';

const FIRST_DAY = dayFromCivil(BANK_HOLIDAYS_FIRST_YEAR, 1, 1);
const LAST_DAY = dayFromCivil(BANK_HOLIDAYS_LAST_YEAR, 12, 31);

const bankHolidays = new Set(BANK_HOLIDAYS_ENGLAND_AND_WALES.map(dayFromIsoDate));

/** workingDaysUpTo[i] = number of working days in [FIRST_DAY, FIRST_DAY + i]. */
const workingDaysUpTo = new Int32Array(LAST_DAY - FIRST_DAY + 1);
/** workingDayList[k] = day number of the (k+1)th working day from FIRST_DAY. */
const workingDayList: number[] = [];
for (let d = FIRST_DAY, count = 0; d <= LAST_DAY; d++) {
  const wd = weekday(d);
  if (wd !== 0 && wd !== 6 && !bankHolidays.has(d)) {
    workingDayList.push(d);
    count++;
  }
  workingDaysUpTo[d - FIRST_DAY] = count;
}

function checkCovered(dayNumber: number): void {
  if (dayNumber < FIRST_DAY || dayNumber > LAST_DAY) {
    throw new RangeError(
      `no bank holiday data for ${isoDateFromDay(dayNumber)} (covered: ${BANK_HOLIDAYS_FIRST_YEAR}–${BANK_HOLIDAYS_LAST_YEAR})`,
    );
  }
}

export function isBankHoliday(dayNumber: number): boolean {
  checkCovered(dayNumber);
  return bankHolidays.has(dayNumber);
}

export function isWorkingDay(dayNumber: number): boolean {
  checkCovered(dayNumber);
  const wd = weekday(dayNumber);
  return wd !== 0 && wd !== 6 && !bankHolidays.has(dayNumber);
}

/**
 * The Nth working day after D (N ≥ 1). D itself never counts; if D is not a working day the
 * count starts with the next one (§1: Saturday + 1 working day = Monday).
 */
export function nthWorkingDayAfter(dayNumber: number, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1, got ${n}`);
  checkCovered(dayNumber);
  const before = workingDaysUpTo[dayNumber - FIRST_DAY] ?? 0;
  const result = workingDayList[before + n - 1];
  if (result === undefined) throw new RangeError(`${n} working days after ${isoDateFromDay(dayNumber)} is beyond the covered years`);
  return result;
}
