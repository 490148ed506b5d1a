import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tzOffset } from '@date-fns/tz';
import {
  addMonths,
  dayFromCivil,
  dayFromIsoDate,
  instantFromIso,
  instantFromLondonWallClock,
  isoDateFromDay,
  isoFromInstant,
  localDay,
  londonOffsetMinutes,
  startOfLocalDay,
  weekday,
} from './local-date.ts';

const at = (iso: string) => instantFromIso(iso);

describe('local dates in Europe/London', () => {
  it('in winter local time is UTC', () => {
    expect(isoDateFromDay(localDay(at('2026-01-20T23:59:59Z')))).toBe('2026-01-20');
    expect(isoFromInstant(startOfLocalDay(dayFromIsoDate('2026-01-21')))).toBe('2026-01-21T00:00:00Z');
  });

  it('in summer an evening in UTC is already the next day in London', () => {
    expect(isoDateFromDay(localDay(at('2026-07-01T23:30:00Z')))).toBe('2026-07-02');
    expect(isoFromInstant(startOfLocalDay(dayFromIsoDate('2026-07-02')))).toBe('2026-07-01T23:00:00Z');
  });

  it('spring forward: Sunday 29 March 2026 starts at 00:00 GMT, Monday at 00:00 BST', () => {
    expect(isoFromInstant(startOfLocalDay(dayFromIsoDate('2026-03-29')))).toBe('2026-03-29T00:00:00Z');
    expect(isoFromInstant(startOfLocalDay(dayFromIsoDate('2026-03-30')))).toBe('2026-03-29T23:00:00Z');
    // 00:59:59Z is still GMT, 01:00Z is 02:00 BST: both are 29 March locally
    expect(isoDateFromDay(localDay(at('2026-03-29T00:59:59Z')))).toBe('2026-03-29');
    expect(isoDateFromDay(localDay(at('2026-03-29T23:00:00Z')))).toBe('2026-03-30');
    expect(isoDateFromDay(localDay(at('2026-03-29T22:59:59Z')))).toBe('2026-03-29');
  });

  it('fall back: Sunday 25 October 2026 is 25 hours long', () => {
    const sunday = startOfLocalDay(dayFromIsoDate('2026-10-25'));
    const monday = startOfLocalDay(dayFromIsoDate('2026-10-26'));
    expect(isoFromInstant(sunday)).toBe('2026-10-24T23:00:00Z');
    expect(isoFromInstant(monday)).toBe('2026-10-26T00:00:00Z');
    expect(monday - sunday).toBe(25 * 3_600_000);
    expect(isoDateFromDay(localDay(at('2026-10-25T00:30:00Z')))).toBe('2026-10-25'); // 01:30 BST
    expect(isoDateFromDay(localDay(at('2026-10-25T01:30:00Z')))).toBe('2026-10-25'); // 01:30 GMT
  });

  it('reads instants with offsets', () => {
    expect(isoDateFromDay(localDay(at('2026-07-02T00:30:00+01:00')))).toBe('2026-07-02');
    expect(isoDateFromDay(localDay(at('2026-01-01T01:00:00+02:00')))).toBe('2025-12-31');
  });

  it('knows the weekday', () => {
    expect(weekday(dayFromIsoDate('2026-01-12'))).toBe(1); // Monday
    expect(weekday(dayFromIsoDate('2026-01-10'))).toBe(6); // Saturday
    expect(weekday(dayFromCivil(1970, 1, 1))).toBe(4); // Thursday
  });

  it('adds months clamped to the end of the month, leap years included', () => {
    expect(isoDateFromDay(addMonths(dayFromIsoDate('2026-01-31'), 1))).toBe('2026-02-28');
    expect(isoDateFromDay(addMonths(dayFromIsoDate('2028-01-31'), 1))).toBe('2028-02-29');
    expect(isoDateFromDay(addMonths(dayFromIsoDate('2028-02-29'), 12))).toBe('2029-02-28');
    expect(isoDateFromDay(addMonths(dayFromIsoDate('2026-08-31'), 3))).toBe('2026-11-30');
    expect(isoDateFromDay(addMonths(dayFromIsoDate('2026-11-15'), 2))).toBe('2027-01-15');
  });

  it('writes due instants without milliseconds', () => {
    expect(isoFromInstant(at('2026-01-21T00:00:00.000Z'))).toBe('2026-01-21T00:00:00Z');
  });
});

describe('local date properties (fast-check)', () => {
  const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2040, 11, 31) });

  it('every instant lies within its local day: start ≤ t < start of the next day', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const d = localDay(t);
        return startOfLocalDay(d) <= t && t < startOfLocalDay(d + 1);
      }),
    );
  });

  it('a London day is 23, 24 or 25 hours long', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const d = localDay(t);
        const hours = (startOfLocalDay(d + 1) - startOfLocalDay(d)) / 3_600_000;
        return hours === 23 || hours === 24 || hours === 25;
      }),
    );
  });
});

describe('the cached London offsets', () => {
  it('agree with the tz database at any instant 2010–2045', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2045, 11, 31) }), (t) => {
        return londonOffsetMinutes(t) === tzOffset('Europe/London', new Date(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('switch at exactly 01:00 UTC on the last Sunday of March and October', () => {
    expect(londonOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(0);
    expect(londonOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0, 0))).toBe(60);
    expect(londonOffsetMinutes(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe(60);
    expect(londonOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0, 0))).toBe(0);
  });
});

describe('a UK wall-clock time to the instant it names', () => {
  const wallClockOf = (instant: number) => instant + londonOffsetMinutes(instant) * 60_000;

  it('gives back every instant from its wall-clock time, except the second pass of the repeated hour, which reads as the first', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2040, 11, 31) }), (minute) => {
        const instant = Math.floor(minute / 60_000) * 60_000;
        const back = instantFromLondonWallClock(wallClockOf(instant));
        const secondPass = back !== instant;
        expect(back).toBe(secondPass ? instant - 3_600_000 : instant);
        if (secondPass) expect(wallClockOf(back)).toBe(wallClockOf(instant)); // the same 01:xx, an hour earlier
      }),
    );
  });

  it('takes the first 01:30 on 25 October 2026 and moves the skipped 01:30 on 29 March 2026 an hour on', () => {
    expect(isoFromInstant(instantFromLondonWallClock(Date.UTC(2026, 9, 25, 1, 30)))).toBe('2026-10-25T00:30:00Z');
    expect(isoFromInstant(instantFromLondonWallClock(Date.UTC(2026, 2, 29, 1, 30)))).toBe('2026-03-29T01:30:00Z');
    expect(isoFromInstant(instantFromLondonWallClock(Date.UTC(2026, 2, 29, 0, 30)))).toBe('2026-03-29T00:30:00Z');
  });
});
