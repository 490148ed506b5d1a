import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromCivil, dayFromIsoDate, isoDateFromDay, weekday } from './local-date.ts';
import { isBankHoliday, isWorkingDay, nthWorkingDayAfter } from './working-days.ts';

const nth = (iso: string, n: number) => isoDateFromDay(nthWorkingDayAfter(dayFromIsoDate(iso), n));

describe('working days', () => {
  it('the day itself never counts: 1 working day after Monday is Tuesday', () => {
    expect(nth('2026-01-12', 1)).toBe('2026-01-13');
  });

  it('Saturday + 1 working day = Monday (contract §1)', () => {
    expect(nth('2026-01-10', 1)).toBe('2026-01-12');
    expect(nth('2026-01-11', 1)).toBe('2026-01-12');
  });

  it('Friday + 1 working day = Monday', () => {
    expect(nth('2026-01-16', 1)).toBe('2026-01-19');
  });

  it('10 working days after Tue 6 Jan 2026 is Tue 20 Jan (compliance-format.md example)', () => {
    expect(nth('2026-01-06', 10)).toBe('2026-01-20');
  });

  it('skips Good Friday and Easter Monday 2026', () => {
    // Thu 2 Apr → (Fri 3 Apr holiday, weekend, Mon 6 Apr holiday) → Tue 7 Apr
    expect(nth('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('skips Christmas and the Boxing Day substitute in 2026', () => {
    // Thu 24 Dec → Fri 25 holiday, weekend, Mon 28 (Boxing Day substitute) → Tue 29 Dec
    expect(nth('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('skips both substitute days in 2027', () => {
    // Fri 24 Dec 2027 → weekend, Mon 27 and Tue 28 substitutes → Wed 29 Dec
    expect(nth('2027-12-24', 1)).toBe('2027-12-29');
    // …and New Year's Day 2027 (Friday): Thu 31 Dec 2026 + 1 = Mon 4 Jan 2027
    expect(nth('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('refuses years with no bank holiday data rather than guessing', () => {
    expect(() => isWorkingDay(dayFromCivil(2001, 1, 2))).toThrow(RangeError);
  });

  describe('properties', () => {
    const day = fc.integer({ min: dayFromCivil(2015, 1, 1), max: dayFromCivil(2040, 10, 31) });
    const n = fc.integer({ min: 1, max: 60 });

    it('the Nth working day after D is a working day, never a weekend or bank holiday', () => {
      fc.assert(
        fc.property(day, n, (d, k) => {
          const r = nthWorkingDayAfter(d, k);
          const wd = weekday(r);
          return isWorkingDay(r) && wd !== 0 && wd !== 6 && !isBankHoliday(r) && r > d;
        }),
      );
    });

    it('is strictly increasing in N', () => {
      fc.assert(fc.property(day, n, (d, k) => nthWorkingDayAfter(d, k + 1) > nthWorkingDayAfter(d, k)));
    });

    it('has exactly N working days in (D, result]', () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 1, max: 25 }), (d, k) => {
          const r = nthWorkingDayAfter(d, k);
          let count = 0;
          for (let x = d + 1; x <= r; x++) if (isWorkingDay(x)) count++;
          return count === k;
        }),
      );
    });
  });
});
