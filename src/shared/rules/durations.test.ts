import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantFromIso, isoFromInstant, localDay, startOfLocalDay } from './calendar/local-date.ts';
import { describeDuration, parseDuration, resolve, tryParseDuration } from './durations.ts';

const due = (from: string, within: string) => isoFromInstant(resolve(instantFromIso(from), within));

describe('reading durations as the standards write them', () => {
  it.each([
    ['5 working days', { unit: 'working-days', n: 5 }],
    ['1 working day', { unit: 'working-days', n: 1 }],
    ['48 hours', { unit: 'hours', n: 48 }],
    ['same day', { unit: 'same-day', n: 0 }],
    ['next day', { unit: 'next-day', n: 1 }],
    ['7 days', { unit: 'days', n: 7 }],
    ['1 week', { unit: 'weeks', n: 1 }],
    ['12 months', { unit: 'months', n: 12 }],
    ['6-weeks', { unit: 'weeks', n: 6 }],
  ])('"%s"', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['', 'soon', '0 days', 'five days', '3 fortnights', '-2 weeks'])('rejects "%s"', (text) => {
    expect(tryParseDuration(text)).toBeNull();
    expect(() => parseDuration(text)).toThrow(RangeError);
  });

  it('describes durations in plain words', () => {
    expect(describeDuration(parseDuration('1 week'))).toBe('1 week');
    expect(describeDuration(parseDuration('10 working days'))).toBe('10 working days');
  });
});

describe('resolve: the exclusive deadline of "within X of T"', () => {
  it('hours are exact, even across the spring clock change', () => {
    expect(due('2026-01-05T15:00:00Z', '48 hours')).toBe('2026-01-07T15:00:00Z');
    // Sat 28 Mar 2026 12:00 GMT + 24 hours = Sun 29 Mar 13:00 BST (12:00Z)
    expect(due('2026-03-28T12:00:00Z', '24 hours')).toBe('2026-03-29T12:00:00Z');
  });

  it('same day ends at the next local midnight', () => {
    expect(due('2026-01-06T10:00:00Z', 'same day')).toBe('2026-01-07T00:00:00Z');
    // a summer visit at 23:30 UTC is 00:30 BST the next day: due at the end of that day
    expect(due('2026-07-01T23:30:00Z', 'same day')).toBe('2026-07-02T23:00:00Z');
  });

  it('next day ends when the following day ends', () => {
    expect(due('2026-01-06T10:00:00Z', 'next day')).toBe('2026-01-08T00:00:00Z');
  });

  it('weeks count calendar days from the local date: Mon 12 Jan 10:00 + 4 weeks ends 00:00 Tue 10 Feb', () => {
    expect(due('2026-01-12T10:00:00Z', '4 weeks')).toBe('2026-02-10T00:00:00Z');
  });

  it('5 working days from Tue 6 Jan 2026: 7,8,9,12,13 → end of Tue 13 Jan', () => {
    expect(due('2026-01-06T10:00:00Z', '5 working days')).toBe('2026-01-14T00:00:00Z');
  });

  it('working days from a Saturday start with Monday', () => {
    // Sat 10 Jan → Mon 12 (1) … Fri 16 (5) → due 00:00 Sat 17 Jan
    expect(due('2026-01-10T09:00:00Z', '5 working days')).toBe('2026-01-17T00:00:00Z');
  });

  it('a deadline ending in summer time is midnight BST (23:00Z the day before)', () => {
    // Wed 25 Mar 2026 + 5 working days: 26,27,30,31 Mar, 1 Apr → 00:00 BST Thu 2 Apr
    expect(due('2026-03-25T10:00:00Z', '5 working days')).toBe('2026-04-01T23:00:00Z');
  });

  it('a deadline ending after the autumn change is midnight GMT', () => {
    // Fri 23 Oct 2026 10:00 BST + 1 week → Fri 30 Oct → 00:00 GMT Sat 31 Oct
    expect(due('2026-10-23T09:00:00Z', '1 week')).toBe('2026-10-31T00:00:00Z');
  });

  it('months clamp to the end of the month, and 29 February is kept in a leap year', () => {
    // 31 Jan 2026 + 1 month → 28 Feb → due 00:00 1 Mar
    expect(due('2026-01-31T12:00:00Z', '1 month')).toBe('2026-03-01T00:00:00Z');
    // 31 Dec 2027 + 2 months → 29 Feb 2028 → due 00:00 1 Mar 2028
    expect(due('2027-12-31T12:00:00Z', '2 months')).toBe('2028-03-01T00:00:00Z');
    // 29 Feb 2028 + 12 months → 28 Feb 2029 → due 00:00 1 Mar 2029
    expect(due('2028-02-29T12:00:00Z', '12 months')).toBe('2029-03-01T00:00:00Z');
  });

  it('days are calendar days from the local date of T', () => {
    // 00:30 BST on 2 Jul is still 1 Jul in UTC; local date 2 Jul + 7 = 9 Jul → 00:00 BST 10 Jul
    expect(due('2026-07-01T23:30:00Z', '7 days')).toBe('2026-07-09T23:00:00Z');
  });
});

describe('resolve properties (fast-check)', () => {
  const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2040, 5, 30) });
  const dayUnit = fc.constantFrom('same day', 'next day', '7 days', '6 weeks', '3 months', '5 working days', '20 working days');

  it('a day-based deadline is after T and falls at 00:00 London time', () => {
    fc.assert(
      fc.property(instant, dayUnit, (t, x) => {
        const due = resolve(t, x);
        return due > t && startOfLocalDay(localDay(due)) === due;
      }),
    );
  });

  it('a longer duration never gives an earlier deadline', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (t, n) => resolve(t, `${n + 1} working days`) > resolve(t, `${n} working days`)),
    );
  });
});
