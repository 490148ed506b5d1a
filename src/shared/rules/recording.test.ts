import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { middlesbrough } from './packs/middlesbrough.ts';
import { redcarCleveland as redcar } from './packs/redcar-cleveland.ts';
import { child, records, visit } from './test-helpers.ts';

const kid = child([]);
const draft = (occurredAt: string, extra = {}) => visit(occurredAt, { completedAt: null, ...extra });
const recording = (pack = redcar, contacts = [draft('2026-01-06T10:00:00Z')], asOf = '2026-03-10T09:00:00Z') => {
  const { warnings, measures } = evaluate(records([kid], contacts), pack, asOf);
  return { warnings: warnings.filter((w) => w.code.startsWith('RECORDING_')), measure: measures.recordedInTimescale };
};

describe('recording timescales', () => {
  describe('Redcar & Cleveland', () => {
    it('a home visit is recorded within 5 working days: Tue 6 Jan → end of Tue 13 Jan', () => {
      const { warnings, measure } = recording();
      expect(warnings).toMatchObject([{ code: 'RECORDING_OVERDUE', due: '2026-01-14T00:00:00Z' }]);
      expect(warnings[0]?.message).toBe('Recording overdue: the home visit on Tue 6 Jan should have been recorded by Tue 13 Jan');
      expect(measure).toEqual({ numerator: 0, denominator: 1 });
    });

    it('after a significant event it is recorded the next day', () => {
      const { warnings } = recording(redcar, [draft('2026-01-06T10:00:00Z', { significantEvent: true })]);
      expect(warnings[0]?.due).toBe('2026-01-08T00:00:00Z');
    });

    it('critical worries are recorded that day, even when there was also a significant event', () => {
      const { warnings } = recording(redcar, [draft('2026-01-06T10:00:00Z', { significantEvent: true, criticalWorries: true })]);
      expect(warnings[0]?.due).toBe('2026-01-07T00:00:00Z');
    });

    it('a late evening visit in summer is due by the end of that London day', () => {
      // 23:30Z on Wed 1 Jul is 00:30 BST Thu 2 Jul: same day → 00:00 BST Fri 3 Jul
      const { warnings } = recording(redcar, [draft('2026-07-01T23:30:00Z', { criticalWorries: true })], '2026-07-02T12:00:00Z');
      expect(warnings).toMatchObject([{ code: 'RECORDING_DUE_SOON', due: '2026-07-02T23:00:00Z' }]);
    });
  });

  describe('Middlesbrough', () => {
    it('in a children’s home or resource a visit is recorded within 24 hours', () => {
      const { warnings } = recording(middlesbrough, [draft('2026-01-06T10:00:00Z', { setting: 'residential' })], '2026-01-07T10:00:00Z');
      expect(warnings).toMatchObject([{ code: 'RECORDING_OVERDUE', due: '2026-01-07T10:00:00Z' }]);
    });

    it('otherwise within 5 working days (the source says "5-days"; the contract reads working days)', () => {
      // Fri 19 Dec 2025: 22, 23, 24, [25, 26], 29, 30 → end of Tue 30 Dec
      const { warnings } = recording(middlesbrough, [draft('2025-12-19T15:00:00Z')], '2025-12-29T09:00:00Z');
      expect(warnings).toMatchObject([{ code: 'RECORDING_DUE_SOON', due: '2025-12-31T00:00:00Z' }]);
    });

    it('critical worries do not change the timescale in Middlesbrough', () => {
      const { warnings } = recording(middlesbrough, [draft('2026-01-06T10:00:00Z', { criticalWorries: true })]);
      expect(warnings[0]?.due).toBe('2026-01-14T00:00:00Z');
    });
  });

  it('a note completed in time counts in time and gives no warning', () => {
    const { warnings, measure } = recording(redcar, [visit('2026-01-06T10:00:00Z', { completedAt: '2026-01-13T23:59:59Z' })]);
    expect(warnings).toEqual([]);
    expect(measure).toEqual({ numerator: 1, denominator: 1 });
  });

  it('a note completed exactly at the deadline gives no warning but counts as late', () => {
    const { warnings, measure } = recording(redcar, [visit('2026-01-06T10:00:00Z', { completedAt: '2026-01-14T00:00:00Z' })]);
    expect(warnings).toEqual([]);
    expect(measure).toEqual({ numerator: 0, denominator: 1 });
  });

  it('a note completed after asOf was still a draft at asOf', () => {
    const { warnings } = recording(redcar, [visit('2026-01-06T10:00:00Z', { completedAt: '2026-03-11T09:00:00Z' })]);
    expect(warnings.map((w) => w.code)).toEqual(['RECORDING_OVERDUE']);
  });

  it('a draft not yet due and not due soon is not counted and gives no warning', () => {
    const { warnings, measure } = recording(redcar, [draft('2026-03-09T10:00:00Z')], '2026-03-09T12:00:00Z');
    expect(warnings).toEqual([]);
    expect(measure).toEqual({ numerator: 0, denominator: 0 });
  });
});
