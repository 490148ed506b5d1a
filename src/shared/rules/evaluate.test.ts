import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCaseload } from '../model/caseload.ts';
import { instantFromIso, isoFromInstant } from './calendar/local-date.ts';
import { dueSoonWindowEnd } from './due-status.ts';
import { evaluate } from './evaluate.ts';
import { middlesbrough } from './packs/middlesbrough.ts';
import { redcarCleveland as redcar } from './packs/redcar-cleveland.ts';
import { complianceReport } from './report.ts';
import { child, involvement, records, visit } from './test-helpers.ts';

const windowEnd = (asOf: string) => isoFromInstant(dueSoonWindowEnd(instantFromIso(asOf)));

describe('the due-soon window', () => {
  it('asOf on a Monday: the window ends when Wednesday ends', () => {
    expect(windowEnd('2026-01-12T09:00:00Z')).toBe('2026-01-15T00:00:00Z');
  });

  it('asOf on a Friday: the window ends when Tuesday ends', () => {
    expect(windowEnd('2026-01-16T16:00:00Z')).toBe('2026-01-21T00:00:00Z');
  });

  it('asOf on Good Friday 2026: Tue 7 and Wed 8 Apr are the two working days', () => {
    expect(windowEnd('2026-04-03T09:00:00Z')).toBe('2026-04-08T23:00:00Z');
  });

  // Redcar & Cleveland child protection, seen Tue 6 Jan: next due 00:00 Wed 21 Jan (end of Tue 20 Jan)
  const seenTuesday = records([child([involvement('child-protection', '2026-01-05T15:00:00Z')])], [visit('2026-01-06T10:00:00Z')]);
  const visitCodes = (asOf: string) =>
    evaluate(seenTuesday, redcar, asOf).warnings.filter((w) => w.code.startsWith('VISIT_')).map((w) => w.code);

  it('a visit due by the end of Tuesday is due soon on the Friday before', () => {
    expect(visitCodes('2026-01-16T09:00:00Z')).toEqual(['VISIT_DUE_SOON']);
  });

  it('…but not on the Thursday before', () => {
    expect(visitCodes('2026-01-15T09:00:00Z')).toEqual([]);
  });

  it('…and is overdue from 00:00 Wednesday', () => {
    expect(visitCodes('2026-01-20T23:59:59Z')).toEqual(['VISIT_DUE_SOON']);
    expect(visitCodes('2026-01-21T00:00:00Z')).toEqual(['VISIT_OVERDUE']);
  });

  it('the warning reads like practice and names its standard', () => {
    const [w] = evaluate(seenTuesday, redcar, '2026-01-16T09:00:00Z').warnings.filter((x) => x.code === 'VISIT_DUE_SOON');
    expect(w?.message).toBe('Child protection visit due soon: Sam is due to be seen by Tue 20 Jan');
    expect(w?.source).toBe('Redcar & Cleveland practice standards: child protection, seen within 48 hours then every 10 working days');
    const [o] = evaluate(seenTuesday, redcar, '2026-03-10T09:00:00Z').warnings.filter((x) => x.code === 'VISIT_OVERDUE');
    expect(o?.message).toBe('Child protection visit overdue: Sam was due to be seen by Tue 20 Jan');
  });

  it('an hours deadline gives the time; a child without a name is "child c1"', () => {
    const s47 = records([child([involvement('section-47', '2026-01-06T14:00:00Z')], { name: null })]);
    const [w] = evaluate(s47, middlesbrough, '2026-01-07T15:00:00Z').warnings;
    expect(w?.message).toBe('Section 47 visit overdue: child c1 was due to be seen alone by 14:00 on Wed 7 Jan');
  });
});

describe('evaluate', () => {
  it('reproduces the example in compliance-format.md exactly', () => {
    const input = JSON.parse(readFileSync(new URL('../../../test/fixtures/compliance-format-example.json', import.meta.url), 'utf8'));
    const parsed = parseCaseload(input);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const report = complianceReport(parsed.value, redcar);
    const core = report.warnings.map(({ message: _m, source: _s, severity: _v, ...rest }) => rest);
    expect({ ...report, warnings: core }).toEqual({
      format: 'doorstep.compliance/1',
      policy: 'redcar-cleveland',
      asOf: '2026-03-10T09:00:00Z',
      warnings: [
        { code: 'VISIT_OVERDUE', childId: 'c1', involvementId: 'i1', requirement: 'seen', due: '2026-01-21T00:00:00Z' },
        { code: 'OBSERVATION_FOLLOW_UP', observationId: 'o1', practitionerId: 'p1' },
      ],
      measures: {
        seenAlone: { numerator: 0, denominator: 1 },
        recordedInTimescale: { numerator: 1, denominator: 1 },
        visitsInTimescale: { numerator: 1, denominator: 2 },
      },
    });
  });

  it('gives the same warnings in the same order whatever order the records come in', () => {
    const kids = ['c3', 'c1', 'c2'].map((id) =>
      child([involvement('child-in-need', '2025-10-01T10:00:00Z', { id: `i-${id}` })], { id, name: null }),
    );
    const drafts = ['v2', 'v1'].map((id) => visit('2026-01-02T10:00:00Z', { id, completedAt: null }, { seenAlone: null }));
    const a = evaluate(records(kids, drafts), redcar, '2026-03-10T09:00:00Z');
    const b = evaluate(records([...kids].reverse(), [...drafts].reverse()), redcar, '2026-03-10T09:00:00Z');
    expect(a).toEqual(b);
    expect(a.warnings.map((w) => `${w.code} ${w.childId ?? ''} ${w.contactId ?? ''}`)).toEqual([
      'VISIT_OVERDUE c1 ',
      'VISIT_OVERDUE c2 ',
      'VISIT_OVERDUE c3 ',
      'RECORDING_OVERDUE  v1',
      'RECORDING_OVERDUE  v2',
      'SEEN_ALONE_NOT_RECORDED c1 v1',
      'SEEN_ALONE_NOT_RECORDED c1 v2',
    ]);
  });

  it('accepts a pack id, and refuses one it does not know', () => {
    expect(evaluate(records([]), 'middlesbrough', new Date('2026-01-01T00:00:00Z')).warnings).toEqual([]);
    expect(() => evaluate(records([]), 'atlantis', '2026-01-01T00:00:00Z')).toThrow(/unknown policy "atlantis"/);
  });
});
