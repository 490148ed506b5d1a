import { describe, expect, it } from 'vitest';
import { parseTime, parseWhen, whenFromInstant } from './occurred-at';

const when = (day: string, month: string, year: string, time: string) => ({ day, month, year, time });

describe('the date and time of a visit, as typed in UK time', () => {
  it('reads GMT in winter and BST in summer', () => {
    expect(parseWhen(when('14', '1', '2026', '09:30'))).toEqual({ ok: true, instant: '2026-01-14T09:30:00.000Z' });
    expect(parseWhen(when('14', '7', '2026', '09:30'))).toEqual({ ok: true, instant: '2026-07-14T08:30:00.000Z' });
  });

  it('reads either side of the clocks going forward (Sunday 29 March 2026, 01:00 GMT → 02:00 BST)', () => {
    expect(parseWhen(when('29', '3', '2026', '00:59'))).toEqual({ ok: true, instant: '2026-03-29T00:59:00.000Z' });
    expect(parseWhen(when('29', '3', '2026', '02:00'))).toEqual({ ok: true, instant: '2026-03-29T01:00:00.000Z' });
    // 01:30 never happened that night: read with the winter offset, so 02:30 BST.
    expect(parseWhen(when('29', '3', '2026', '01:30'))).toEqual({ ok: true, instant: '2026-03-29T01:30:00.000Z' });
  });

  it('takes the first 01:30 when the clocks go back (Sunday 25 October 2026), never the one an hour later', () => {
    expect(parseWhen(when('25', '10', '2026', '00:59'))).toEqual({ ok: true, instant: '2026-10-24T23:59:00.000Z' });
    expect(parseWhen(when('25', '10', '2026', '01:30'))).toEqual({ ok: true, instant: '2026-10-25T00:30:00.000Z' });
    expect(parseWhen(when('25', '10', '2026', '02:00'))).toEqual({ ok: true, instant: '2026-10-25T02:00:00.000Z' });
  });

  it('starts a new visit at a time that reads back as now or earlier, through both hours 01:00–01:59 that night', () => {
    // Every 10 minutes from 23:00 UTC on Saturday to 03:00 UTC on Sunday 25 October 2026.
    for (let at = Date.UTC(2026, 9, 24, 23); at <= Date.UTC(2026, 9, 25, 3); at += 10 * 60_000) {
      const parsed = parseWhen(whenFromInstant(new Date(at)));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(Date.parse(parsed.instant)).toBeLessThanOrEqual(at);
    }
  });

  it('names what is missing or wrong', () => {
    expect(parseWhen(when('', '', '', '10:00'))).toEqual({ ok: false, problem: 'date-missing' });
    expect(parseWhen(when('30', '2', '2026', '10:00'))).toEqual({ ok: false, problem: 'date-invalid' });
    expect(parseWhen(when('1', '3', '2026', ''))).toEqual({ ok: false, problem: 'time-missing' });
    expect(parseWhen(when('1', '3', '2026', '25:00'))).toEqual({ ok: false, problem: 'time-invalid' });
  });
});

describe('a time typed as people write it', () => {
  it('takes 24-hour and 12-hour forms', () => {
    expect(parseTime('14:30')).toBe(14 * 60 + 30);
    expect(parseTime('14.30')).toBe(14 * 60 + 30);
    expect(parseTime('9:05')).toBe(9 * 60 + 5);
    expect(parseTime('2:30pm')).toBe(14 * 60 + 30);
    expect(parseTime('12am')).toBe(0);
    expect(parseTime('2pm')).toBe(14 * 60);
  });

  it('refuses what is not a time', () => {
    for (const text of ['14', '24:00', '13pm', '9:5', 'noon', '']) expect(parseTime(text)).toBeNull();
  });
});
