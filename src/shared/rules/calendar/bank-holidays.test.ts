import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  DATA_FILE,
  dateHolidaysVersion,
  englandAndWalesBankHolidays,
  renderDataFile,
} from '../../../../scripts/generate-bank-holidays.ts';
import { BANK_HOLIDAYS_ENGLAND_AND_WALES } from './bank-holidays-england-wales.ts';
import { dayFromIsoDate } from './local-date.ts';
import { isBankHoliday, isWorkingDay } from './working-days.ts';

describe('England and Wales bank holidays', () => {
  it('the data file is exactly what the generator makes from date-holidays (nobody hand-edited it)', () => {
    const expected = renderDataFile(englandAndWalesBankHolidays(), dateHolidaysVersion());
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(expected);
  });

  // practice-rules §1 examples
  it.each([
    '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  ])('%s is a bank holiday and not a working day (contract §1 example)', (iso) => {
    expect(isBankHoliday(dayFromIsoDate(iso))).toBe(true);
    expect(isWorkingDay(dayFromIsoDate(iso))).toBe(false);
  });

  it.each([
    ['2022-06-02', 'spring bank holiday moved for the Platinum Jubilee'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Coronation of King Charles III'],
    ['2020-05-08', 'VE Day 75 (early May bank holiday moved)'],
    ['2022-12-27', 'Christmas Day substitute'],
    ['2023-01-02', "New Year's Day substitute"],
  ])('one-off and substitute day %s (%s) is not a working day', (iso) => {
    expect(isWorkingDay(dayFromIsoDate(iso))).toBe(false);
  });

  it.each([
    ['2022-05-30', 'the usual late-May Monday, moved in 2022'],
    ['2020-05-04', 'the usual early-May Monday, moved in 2020'],
    ['2026-03-15', "Mother's Day is an observance, and a Sunday"],
    ['2026-12-24', 'Christmas Eve is a working day'],
  ])('%s is not a bank holiday (%s)', (iso) => {
    expect(isBankHoliday(dayFromIsoDate(iso))).toBe(false);
  });

  it('covers every year 2015–2040 with the eight regular holidays at least', () => {
    for (let year = 2015; year <= 2040; year++) {
      const inYear = BANK_HOLIDAYS_ENGLAND_AND_WALES.filter((d) => d.startsWith(`${year}-`));
      expect(inYear.length, `year ${year}`).toBeGreaterThanOrEqual(8);
    }
  });
});
