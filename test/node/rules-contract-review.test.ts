/**
 * Independent black-box review of the practice-rules engine against the contract
 * (/work/shared/spec/practice-rules.md, compliance-format.md).
 *
 * Every expected `due` and warning below was worked out BY HAND from the contract; the working
 * is in the comment next to each case. Nothing here reads the implementation's own tests or
 * helpers: input goes in as a `doorstep.caseload/1` JSON text through the `compliance`
 * command's function (same path as `npm run compliance`), plus a few real spawns at the end.
 *
 * Calendar facts used (England & Wales, Europe/London):
 * - BST 2026: Sun 29 Mar 01:00Z – Sun 25 Oct 01:00Z; BST 2027: 28 Mar – 31 Oct.
 *   Start of a local day = 23:00Z the previous UTC day in BST, 00:00Z in GMT.
 * - Bank holidays: 2026 Good Friday 3 Apr, Easter Monday 6 Apr, 4 May, 25 May, 31 Aug,
 *   Fri 25 Dec, Mon 28 Dec (substitute); 2027 Fri 1 Jan, 27 + 28 Dec; 2028 Mon 3 Jan
 *   (substitute for Sat 1 Jan); 2022 Thu 2 + Fri 3 Jun, Mon 19 Sep; 2023 Mon 1 + Mon 8 May;
 *   2015 Fri 25 + Mon 28 Dec; 2040 Tue 25 + Wed 26 Dec.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCompliance } from '../../src/cli/compliance-command.ts';

type Json = Record<string, unknown>;
interface W {
  code: string;
  childId?: string;
  involvementId?: string;
  contactId?: string;
  practitionerId?: string;
  observationId?: string;
  requirement?: string;
  due?: string;
}
interface Measure {
  numerator: number;
  denominator: number;
}
interface Report {
  format: string;
  policy: string;
  asOf: string;
  warnings: W[];
  measures: { seenAlone: Measure; recordedInTimescale: Measure; visitsInTimescale: Measure };
}

type Policy = 'redcar-cleveland' | 'middlesbrough';

function report(input: Json): Report {
  const r = runCompliance(['caseload.json'], () => JSON.stringify(input));
  if (r.code !== 0) throw new Error(`compliance exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

function caseload(policy: Policy, asOf: string, parts: Partial<Record<'children' | 'contacts' | 'practitioners' | 'observations', Json[]>>): Json {
  return { format: 'doorstep.caseload/1', policy, asOf, children: parts.children ?? [], contacts: parts.contacts ?? [], ...(parts.practitioners ? { practitioners: parts.practitioners } : {}), ...(parts.observations ? { observations: parts.observations } : {}) };
}

const child = (id: string, involvements: Json[] = [], dateOfBirth = '2014-02-11'): Json => ({ id, dateOfBirth, involvements });
const inv = (type: string, start: string, extra: Json = {}): Json => ({ id: 'i1', type, start, end: null, ...extra });

/** A child entry on a contact that raises no §3 warning in either pack. */
const seenEntry = (childId: string, extra: Json = {}): Json => ({
  childId,
  seen: true,
  seenAlone: true,
  seenAloneReason: null,
  bedroomSeen: true,
  bedroomSeenReason: null,
  managerInformed: true,
  ...extra,
});

/** A contact completed at the instant it happened (so recording is never an issue). */
function contact(id: string, occurredAt: string, entries: Json[], extra: Json = {}): Json {
  return { id, occurredAt, mode: 'home-visit', setting: 'community', significantEvent: false, criticalWorries: false, completedAt: occurredAt, children: entries, ...extra };
}
const visit = (id: string, at: string, childId = 'c1', extra: Json = {}) => contact(id, at, [seenEntry(childId)], extra);
const phone = (id: string, at: string, childId = 'c1') => contact(id, at, [{ childId, seen: false }], { mode: 'phone' });

const strip = (w: W): W => {
  const out: W = { code: w.code };
  for (const k of ['childId', 'involvementId', 'contactId', 'practitionerId', 'observationId', 'requirement', 'due'] as const) {
    if (w[k] !== undefined) out[k] = w[k];
  }
  return out;
};
const visitWarnings = (r: Report) => r.warnings.filter((w) => w.code.startsWith('VISIT_')).map(strip);
const codesFor = (r: Report, prefix: string) => r.warnings.filter((w) => w.code.startsWith(prefix)).map((w) => w.code);

const minus1ms = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();

/** Visit warnings for one child (c1) with the given involvement and contacts. */
function visitsAt(policy: Policy, asOf: string, involvement: Json, contacts: Json[] = [], dob?: string) {
  const r = report(caseload(policy, asOf, { children: [child('c1', [involvement], dob)], contacts }));
  return { warnings: visitWarnings(r), measure: r.measures.visitsInTimescale };
}

const overdue = (due: string, requirement = 'seen') => ({ code: 'VISIT_OVERDUE', childId: 'c1', involvementId: 'i1', requirement, due });
const dueSoon = (due: string, requirement = 'seen') => ({ code: 'VISIT_DUE_SOON', childId: 'c1', involvementId: 'i1', requirement, due });

/**
 * Recording deadline of one draft contact, pinned from both sides: one millisecond before
 * `due` it is due soon (asOf's local date is E itself, well inside the window), at `due` it is
 * overdue (§1: overdue means asOf >= due).
 */
function expectRecordingDue(policy: Policy, draft: Json, due: string) {
  const c = { ...draft, completedAt: null };
  const run = (asOf: string) => report(caseload(policy, asOf, { children: [child('c1')], contacts: [c] })).warnings.filter((w) => w.code.startsWith('RECORDING_'));
  const before = run(minus1ms(due));
  expect(before.map((w) => w.code)).toEqual(['RECORDING_DUE_SOON']);
  expect(before[0]?.contactId).toBe(draft.id);
  if (before[0]?.due !== undefined) expect(before[0].due).toBe(due);
  const at = run(due);
  expect(at.map((w) => w.code)).toEqual(['RECORDING_OVERDUE']);
  if (at[0]?.due !== undefined) expect(at[0].due).toBe(due);
}

// ---------------------------------------------------------------------------------------------

describe('compliance-format.md worked example', () => {
  it('gives exactly the report in the spec (ignoring extra warning fields)', () => {
    const input = {
      format: 'doorstep.caseload/1',
      policy: 'redcar-cleveland',
      asOf: '2026-03-10T09:00:00Z',
      children: [{ id: 'c1', dateOfBirth: '2014-02-11', involvements: [{ id: 'i1', type: 'child-protection', start: '2026-01-05T15:00:00Z', end: null }] }],
      contacts: [
        {
          id: 'v1', occurredAt: '2026-01-06T10:00:00Z', mode: 'home-visit', setting: 'community', significantEvent: false, criticalWorries: false,
          completedAt: '2026-01-07T16:00:00Z',
          children: [{ childId: 'c1', seen: true, seenAlone: false, seenAloneReason: 'child did not want to be seen alone', bedroomSeen: true, bedroomSeenReason: null, managerInformed: false }],
        },
      ],
      practitioners: [{ id: 'p1', startedAt: '2024-04-01T09:00:00Z', lineManagerId: 'm1' }],
      observations: [{ id: 'o1', observedPractitionerId: 'p1', observerId: 'm1', observedAt: '2025-11-03T10:00:00Z', completedAt: '2025-11-04T12:00:00Z', copyToPractitioner: true, copyToLineManager: true, qaLeadNotified: false }],
    };
    const r = report(input);
    expect(r.format).toBe('doorstep.compliance/1');
    expect(r.policy).toBe('redcar-cleveland');
    expect(Date.parse(r.asOf)).toBe(Date.parse('2026-03-10T09:00:00Z'));
    expect(r.warnings.map(strip)).toEqual(
      expect.arrayContaining([
        { code: 'VISIT_OVERDUE', childId: 'c1', involvementId: 'i1', requirement: 'seen', due: '2026-01-21T00:00:00Z' },
        { code: 'OBSERVATION_FOLLOW_UP', observationId: 'o1', practitionerId: 'p1' },
      ]),
    );
    expect(r.warnings).toHaveLength(2);
    expect(r.measures).toEqual({
      seenAlone: { numerator: 0, denominator: 1 },
      recordedInTimescale: { numerator: 1, denominator: 1 },
      visitsInTimescale: { numerator: 1, denominator: 2 },
    });
  });
});

describe('§1 working days and local days, through §4 recording deadlines', () => {
  it('redcar 5 working days across Easter 2026', () => {
    // Thu 2 Apr 10:00Z (11:00 BST), D = Thu 2 Apr. Fri 3 (Good Fri), Sat, Sun, Mon 6 (Easter Mon)
    // skipped; Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5) → E = Mon 13 Apr;
    // due = 00:00 BST Tue 14 Apr = 2026-04-13T23:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-04-02T10:00:00Z', [seenEntry('c1')]), '2026-04-13T23:00:00Z');
  });

  it('middlesbrough community: also 5 working days (contract decision), across Easter 2026', () => {
    // Same working as above.
    expectRecordingDue('middlesbrough', contact('r1', '2026-04-02T10:00:00Z', [seenEntry('c1')]), '2026-04-13T23:00:00Z');
  });

  it('5 working days across Christmas 2026 (Fri 25 Dec, Mon 28 Dec substitute) and New Year 2027', () => {
    // Wed 23 Dec 2026 15:00Z (GMT). Thu 24 (1), Fri 25 hol, Mon 28 hol, Tue 29 (2), Wed 30 (3),
    // Thu 31 (4), Fri 1 Jan 2027 hol, Mon 4 Jan (5) → E = Mon 4 Jan; due = 2027-01-05T00:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-12-23T15:00:00Z', [seenEntry('c1')]), '2027-01-05T00:00:00Z');
  });

  it('5 working days across Christmas 2027 (Mon 27, Tue 28 Dec) and Mon 3 Jan 2028 (substitute)', () => {
    // Fri 24 Dec 2027. Mon 27 hol, Tue 28 hol, Wed 29 (1), Thu 30 (2), Fri 31 (3),
    // Mon 3 Jan 2028 hol (1 Jan is a Saturday), Tue 4 (4), Wed 5 (5) → due 2028-01-06T00:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2027-12-24T12:00:00Z', [seenEntry('c1')]), '2028-01-06T00:00:00Z');
  });

  it('a Saturday D: counting starts with the next working day', () => {
    // Sat 7 Mar 2026. Mon 9 (1), Tue 10, Wed 11, Thu 12, Fri 13 (5) → due 2026-03-14T00:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-03-07T12:00:00Z', [seenEntry('c1')]), '2026-03-14T00:00:00Z');
  });

  it('a deadline date after the spring clock change gives 23:00Z of the previous UTC day', () => {
    // Fri 27 Mar 2026 (GMT). Mon 30 (1), Tue 31 (2), Wed 1 Apr (3), Thu 2 (4), Fri 3 + Mon 6
    // hols, Tue 7 (5) → E = Tue 7 Apr (BST) → due 2026-04-07T23:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-03-27T10:00:00Z', [seenEntry('c1')]), '2026-04-07T23:00:00Z');
  });

  it('a deadline date after the autumn clock change gives 00:00Z', () => {
    // Fri 23 Oct 2026 (BST). Mon 26 (1) … Fri 30 (5) → E = Fri 30 Oct (GMT) → due 2026-10-31T00:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-10-23T10:00:00Z', [seenEntry('c1')]), '2026-10-31T00:00:00Z');
  });

  it('a contact well before its deadline raises nothing', () => {
    // Thu 2 Apr 2026 contact, due 2026-04-13T23:00Z; asOf Thu 2 Apr 12:00Z → window ends at end
    // of Wed 8 Apr (Tue 7 (1), Wed 8 (2)) → not due soon.
    const r = report(caseload('redcar-cleveland', '2026-04-02T12:00:00Z', { children: [child('c1')], contacts: [contact('r1', '2026-04-02T10:00:00Z', [seenEntry('c1')], { completedAt: null })] }));
    expect(codesFor(r, 'RECORDING_')).toEqual([]);
  });
});

describe('§4 recording rules', () => {
  it('redcar criticalWorries: same day, on the LOCAL date (BST just after midnight)', () => {
    // 2026-06-10T23:30Z = Thu 11 Jun 00:30 BST → D = E = Thu 11 Jun → due 00:00 BST Fri 12 Jun
    // = 2026-06-11T23:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-06-10T23:30:00Z', [seenEntry('c1')], { criticalWorries: true }), '2026-06-11T23:00:00Z');
  });

  it('redcar significantEvent: next day', () => {
    // D = Thu 11 Jun (as above) → E = Fri 12 Jun → due 2026-06-12T23:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-06-10T23:30:00Z', [seenEntry('c1')], { significantEvent: true }), '2026-06-12T23:00:00Z');
  });

  it('redcar: criticalWorries wins over significantEvent (first that matches)', () => {
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-06-10T23:30:00Z', [seenEntry('c1')], { significantEvent: true, criticalWorries: true }), '2026-06-11T23:00:00Z');
  });

  it('redcar: residential setting does not change the 5 working days', () => {
    // Wed 4 Mar 2026: Thu 5 (1), Fri 6, Mon 9, Tue 10, Wed 11 (5) → due 2026-03-12T00:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-03-04T10:00:00Z', [seenEntry('c1')], { setting: 'residential' }), '2026-03-12T00:00:00Z');
  });

  it('middlesbrough residential: exactly 24 hours, across the spring clock change', () => {
    // Sat 28 Mar 2026 22:15Z + 24 h = 2026-03-29T22:15Z (not "same local time next day").
    expectRecordingDue('middlesbrough', contact('r1', '2026-03-28T22:15:00Z', [seenEntry('c1')], { setting: 'residential' }), '2026-03-29T22:15:00Z');
  });

  it('middlesbrough: criticalWorries / significantEvent do not shorten the 5 working days', () => {
    // Wed 4 Mar 2026 → due 2026-03-12T00:00Z (as in the redcar residential case).
    expectRecordingDue('middlesbrough', contact('r1', '2026-03-04T10:00:00Z', [seenEntry('c1')], { criticalWorries: true, significantEvent: true }), '2026-03-12T00:00:00Z');
  });

  it('completed exactly at due: no warning but late in the measure; 1 ms before: in time', () => {
    // Tue 3 Mar 2026 10:00Z: Wed 4 (1), Thu 5, Fri 6, Mon 9, Tue 10 (5) → due 2026-03-11T00:00Z.
    const at = report(caseload('redcar-cleveland', '2026-03-20T09:00:00Z', { children: [child('c1')], contacts: [contact('r1', '2026-03-03T10:00:00Z', [seenEntry('c1')], { completedAt: '2026-03-11T00:00:00Z' })] }));
    expect(codesFor(at, 'RECORDING_')).toEqual([]);
    expect(at.measures.recordedInTimescale).toEqual({ numerator: 0, denominator: 1 });
    const before = report(caseload('redcar-cleveland', '2026-03-20T09:00:00Z', { children: [child('c1')], contacts: [contact('r1', '2026-03-03T10:00:00Z', [seenEntry('c1')], { completedAt: '2026-03-10T23:59:59Z' })] }));
    expect(codesFor(before, 'RECORDING_')).toEqual([]);
    expect(before.measures.recordedInTimescale).toEqual({ numerator: 1, denominator: 1 });
  });

  it('a note completed only after asOf is "not completed at asOf": overdue if its deadline has passed', () => {
    // Wed 1 Apr 2026: Thu 2 (1), [3, 6 hol], Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5) → due
    // 2026-04-10T23:00Z. asOf 20 Apr, completedAt 21 Apr → RECORDING_OVERDUE.
    const r = report(caseload('redcar-cleveland', '2026-04-20T09:00:00Z', { children: [child('c1')], contacts: [contact('x', '2026-04-01T10:00:00Z', [seenEntry('c1')], { completedAt: '2026-04-21T10:00:00Z' })] }));
    expect(r.warnings.filter((w) => w.code.startsWith('RECORDING_')).map((w) => [w.code, w.contactId])).toEqual([['RECORDING_OVERDUE', 'x']]);
  });

  it('recordedInTimescale denominators: completed, or deadline <= asOf', () => {
    // asOf Fri 13 Mar 2026 09:00Z.
    // a: Mon 2 Mar, completed Tue 3 → in time (due 2026-03-10T00:00Z) → num+den.
    // b: Tue 3 Mar draft → due 2026-03-11T00:00Z <= asOf → den only; RECORDING_OVERDUE.
    // c: Thu 12 Mar draft → due Thu 19 Mar → not counted; asOf Fri → window ends end of Tue 17
    //    → no warning.
    // d: Wed 4 Mar completed Thu 12 Mar 09:00 → due 2026-03-12T00:00Z, late → den only.
    // e: Tue 10 Mar completed Tue 10 Mar → in time (due Wed 18 Mar) → num+den even though its
    //    deadline is after asOf (it is completed).
    const r = report(
      caseload('redcar-cleveland', '2026-03-13T09:00:00Z', {
        children: [child('c1')],
        contacts: [
          contact('a', '2026-03-02T10:00:00Z', [seenEntry('c1')], { completedAt: '2026-03-03T10:00:00Z' }),
          contact('b', '2026-03-03T10:00:00Z', [seenEntry('c1')], { completedAt: null }),
          contact('c', '2026-03-12T10:00:00Z', [seenEntry('c1')], { completedAt: null }),
          contact('d', '2026-03-04T10:00:00Z', [seenEntry('c1')], { completedAt: '2026-03-12T09:00:00Z' }),
          contact('e', '2026-03-10T10:00:00Z', [seenEntry('c1')], { completedAt: '2026-03-10T12:00:00Z' }),
        ],
      }),
    );
    expect(r.warnings.filter((w) => w.code.startsWith('RECORDING_')).map((w) => [w.code, w.contactId])).toEqual([['RECORDING_OVERDUE', 'b']]);
    expect(r.measures.recordedInTimescale).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('§1 due-soon window', () => {
  // Redcar 5-working-day recording deadlines used as probes:
  // Tue 3 Mar → E Tue 10 Mar → due 2026-03-11T00:00Z; Wed 4 Mar → due 2026-03-12T00:00Z;
  // Thu 5 Mar → E Thu 12 → due 2026-03-13T00:00Z.
  const probe = (asOf: string, ids: Array<[string, string]>) => {
    const r = report(caseload('redcar-cleveland', asOf, { children: [child('c1')], contacts: ids.map(([id, at]) => contact(id, at, [seenEntry('c1')], { completedAt: null })) }));
    return r.warnings.filter((w) => w.code.startsWith('RECORDING_')).map((w) => [w.code, w.contactId]);
  };

  it('asOf Friday: window ends at the end of Tuesday (due exactly then is due soon; later is not)', () => {
    // asOf Fri 6 Mar → Mon 9 (1), Tue 10 (2) → window end 2026-03-11T00:00Z.
    expect(probe('2026-03-06T09:00:00Z', [['tue', '2026-03-03T10:00:00Z'], ['wed', '2026-03-04T10:00:00Z']])).toEqual([['RECORDING_DUE_SOON', 'tue']]);
  });

  it('asOf Monday: window ends at the end of Wednesday', () => {
    // asOf Mon 9 Mar → window end 2026-03-12T00:00Z: Wed 4 contact due soon, Thu 5 not.
    expect(probe('2026-03-09T09:00:00Z', [['wed', '2026-03-04T10:00:00Z'], ['thu', '2026-03-05T10:00:00Z']])).toEqual([['RECORDING_DUE_SOON', 'wed']]);
  });

  it('asOf Saturday: Mon (1), Tue (2)', () => {
    expect(probe('2026-03-07T09:00:00Z', [['tue', '2026-03-03T10:00:00Z'], ['wed', '2026-03-04T10:00:00Z']])).toEqual([['RECORDING_DUE_SOON', 'tue']]);
  });

  it('window skips Easter: asOf Thu 2 Apr 2026 → end of Wed 8 Apr', () => {
    // Tue 7 (1), Wed 8 (2) → window end 2026-04-08T23:00Z.
    // Mon 30 Mar contact: Tue 31 (1), Wed 1 (2), Thu 2 (3), Tue 7 (4), Wed 8 (5) → due
    // 2026-04-08T23:00Z = window end → due soon. Tue 31 Mar contact → due 2026-04-09T23:00Z → not.
    expect(probe('2026-04-02T09:00:00Z', [['mon', '2026-03-30T10:00:00Z'], ['tue', '2026-03-31T10:00:00Z']])).toEqual([['RECORDING_DUE_SOON', 'mon']]);
  });

  it('uses the local date of asOf (BST just after midnight)', () => {
    // asOf 2026-06-04T23:30Z = Fri 5 Jun 00:30 BST → window Mon 8 (1), Tue 9 (2) → end
    // 2026-06-09T23:00Z. Tue 2 Jun contact: Wed 3, Thu 4, Fri 5, Mon 8, Tue 9 (5) → due
    // 2026-06-09T23:00Z → due soon. (With the UTC date, Thu, the window would end with Mon 8.)
    expect(probe('2026-06-04T23:30:00Z', [['c', '2026-06-02T10:00:00Z']])).toEqual([['RECORDING_DUE_SOON', 'c']]);
  });

  it('a visit due exactly at the window end is due soon; one day before the window reaches it, nothing', () => {
    // redcar early-help visits chain: 4 weeks from Mon 2 Mar 10:00Z → E Mon 30 Mar → due
    // 2026-03-30T23:00Z (BST). Contact chain (5 working days) met by the phone call on 3 Mar.
    // asOf Thu 26 Mar → Fri 27 (1), Mon 30 (2) → window end 2026-03-30T23:00Z → due soon.
    // asOf Wed 25 Mar → window ends with Fri 27 → nothing.
    const involvement = inv('early-help', '2026-03-02T10:00:00Z');
    expect(visitsAt('redcar-cleveland', '2026-03-26T09:00:00Z', involvement, [phone('p', '2026-03-03T10:00:00Z')]).warnings).toEqual([dueSoon('2026-03-30T23:00:00Z')]);
    expect(visitsAt('redcar-cleveland', '2026-03-25T09:00:00Z', involvement, [phone('p', '2026-03-03T10:00:00Z')]).warnings).toEqual([]);
  });
});

describe('§5 redcar-cleveland visiting chains', () => {
  describe('section-47: 2 working days, single step', () => {
    const s47 = inv('section-47', '2026-04-02T14:00:00Z');
    // Thu 2 Apr: Fri 3 + Mon 6 hol, Tue 7 (1), Wed 8 (2) → due 2026-04-08T23:00Z.
    it('is due soon from the start (due = window end of Thu 2 Apr)', () => {
      expect(visitsAt('redcar-cleveland', '2026-04-02T15:00:00Z', s47).warnings).toEqual([dueSoon('2026-04-08T23:00:00Z')]);
    });
    it('is overdue at exactly due', () => {
      expect(visitsAt('redcar-cleveland', '2026-04-08T23:00:00Z', s47).warnings).toEqual([overdue('2026-04-08T23:00:00Z')]);
      expect(visitsAt('redcar-cleveland', minus1ms('2026-04-08T23:00:00Z'), s47).warnings).toEqual([dueSoon('2026-04-08T23:00:00Z')]);
    });
    it('a visit 1 s before due meets it (no warning, 1/1)', () => {
      const r = visitsAt('redcar-cleveland', '2026-04-20T09:00:00Z', s47, [visit('v', '2026-04-08T22:59:59Z')]);
      expect(r.warnings).toEqual([]);
      expect(r.measure).toEqual({ numerator: 1, denominator: 1 });
    });
    it('a visit exactly at due is late: no further step so no warning, but 0/1', () => {
      const r = visitsAt('redcar-cleveland', '2026-04-20T09:00:00Z', s47, [visit('v', '2026-04-08T23:00:00Z')]);
      expect(r.warnings).toEqual([]);
      expect(r.measure).toEqual({ numerator: 0, denominator: 1 });
    });
    it('a video call or a visit where the child was not seen does not qualify for "seen"', () => {
      const r = visitsAt('redcar-cleveland', '2026-04-09T09:00:00Z', s47, [
        contact('vid', '2026-04-07T10:00:00Z', [seenEntry('c1')], { mode: 'video' }),
        contact('ns', '2026-04-07T11:00:00Z', [{ childId: 'c1', seen: false }]),
      ]);
      expect(r.warnings).toEqual([overdue('2026-04-08T23:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 0, denominator: 1 });
    });
    it('visit-elsewhere qualifies', () => {
      const r = visitsAt('redcar-cleveland', '2026-04-09T09:00:00Z', s47, [visit('v', '2026-04-07T10:00:00Z', 'c1', { mode: 'visit-elsewhere' })]);
      expect(r.warnings).toEqual([]);
      expect(r.measure).toEqual({ numerator: 1, denominator: 1 });
    });
    it('starting on a Saturday: Mon (1), Tue (2)', () => {
      // Sat 7 Mar 2026 → E Tue 10 Mar → due 2026-03-11T00:00Z.
      expect(visitsAt('redcar-cleveland', '2026-03-11T00:00:00Z', inv('section-47', '2026-03-07T10:00:00Z')).warnings).toEqual([overdue('2026-03-11T00:00:00Z')]);
    });
    it('starting on Good Friday', () => {
      // Fri 3 Apr 2026 (hol) → Mon 6 hol, Tue 7 (1), Wed 8 (2) → due 2026-04-08T23:00Z.
      expect(visitsAt('redcar-cleveland', '2026-04-08T23:00:00Z', inv('section-47', '2026-04-03T10:00:00Z')).warnings).toEqual([overdue('2026-04-08T23:00:00Z')]);
    });
    it('one-off holidays: Queen’s funeral 2022-09-19', () => {
      // Fri 16 Sep 2022 → Mon 19 hol, Tue 20 (1), Wed 21 (2) → due 2022-09-21T23:00Z (BST).
      expect(visitsAt('redcar-cleveland', '2022-09-21T23:00:00Z', inv('section-47', '2022-09-16T10:00:00Z')).warnings).toEqual([overdue('2022-09-21T23:00:00Z')]);
    });
    it('one-off holidays: Platinum Jubilee 2022-06-02/03', () => {
      // Wed 1 Jun 2022 → Thu 2, Fri 3 hols, Mon 6 (1), Tue 7 (2) → due 2022-06-07T23:00Z.
      expect(visitsAt('redcar-cleveland', '2022-06-07T23:00:00Z', inv('section-47', '2022-06-01T10:00:00Z')).warnings).toEqual([overdue('2022-06-07T23:00:00Z')]);
    });
    it('one-off holidays: Coronation 2023-05-08', () => {
      // Fri 5 May 2023 → Mon 8 hol, Tue 9 (1), Wed 10 (2) → due 2023-05-10T23:00Z.
      expect(visitsAt('redcar-cleveland', '2023-05-10T23:00:00Z', inv('section-47', '2023-05-05T10:00:00Z')).warnings).toEqual([overdue('2023-05-10T23:00:00Z')]);
    });
    it('covers 2015 (Mon 28 Dec substitute) and 2040 (Tue 25, Wed 26 Dec)', () => {
      // Thu 24 Dec 2015 → Fri 25, Mon 28 hols, Tue 29 (1), Wed 30 (2) → due 2015-12-31T00:00Z.
      expect(visitsAt('redcar-cleveland', '2015-12-31T00:00:00Z', inv('section-47', '2015-12-24T10:00:00Z')).warnings).toEqual([overdue('2015-12-31T00:00:00Z')]);
      // Mon 24 Dec 2040 → Tue 25, Wed 26 hols, Thu 27 (1), Fri 28 (2) → due 2040-12-29T00:00Z.
      expect(visitsAt('redcar-cleveland', '2040-12-29T00:00:00Z', inv('section-47', '2040-12-24T10:00:00Z')).warnings).toEqual([overdue('2040-12-29T00:00:00Z')]);
    });
    it('contacts before start do not count; a contact exactly at start does', () => {
      // Tue 10 Mar 2026 12:00Z → Wed 11 (1), Thu 12 (2) → due 2026-03-13T00:00Z.
      const s = inv('section-47', '2026-03-10T12:00:00Z');
      expect(visitsAt('redcar-cleveland', '2026-03-13T00:00:00Z', s, [visit('early', '2026-03-10T11:59:59Z')]).warnings).toEqual([overdue('2026-03-13T00:00:00Z')]);
      const atStart = visitsAt('redcar-cleveland', '2026-03-13T00:00:00Z', s, [visit('at', '2026-03-10T12:00:00Z')]);
      expect(atStart.warnings).toEqual([]);
      expect(atStart.measure).toEqual({ numerator: 1, denominator: 1 });
    });
    it('contacts after asOf do not count (and an unmet future deadline is not in the measure)', () => {
      const r = visitsAt('redcar-cleveland', '2026-03-12T09:00:00Z', inv('section-47', '2026-03-10T12:00:00Z'), [visit('later', '2026-03-12T10:00:00Z')]);
      expect(r.warnings).toEqual([dueSoon('2026-03-13T00:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 0, denominator: 0 });
    });
  });

  it('child-protection: 48 hours exact across the clock change', () => {
    // Sat 28 Mar 2026 10:00Z + 48 h = 2026-03-30T10:00Z.
    expect(visitsAt('redcar-cleveland', '2026-03-30T10:00:00Z', inv('child-protection', '2026-03-28T10:00:00Z')).warnings).toEqual([overdue('2026-03-30T10:00:00Z')]);
  });

  it('child-protection with agreedInterval 5 working days tightens the repeat', () => {
    // Spec example, v1 Tue 6 Jan: 5 working days → Tue 13 Jan → due 2026-01-14T00:00Z
    // (instead of 10 working days → 2026-01-21T00:00Z).
    const r = visitsAt('redcar-cleveland', '2026-03-10T09:00:00Z', inv('child-protection', '2026-01-05T15:00:00Z', { agreedInterval: { every: '5 working days' } }), [visit('v1', '2026-01-06T10:00:00Z')]);
    expect(r.warnings).toEqual([overdue('2026-01-14T00:00:00Z')]);
    expect(r.measure).toEqual({ numerator: 1, denominator: 2 });
  });

  it('child-protection with a looser agreedInterval (4 weeks) keeps 10 working days', () => {
    const r = visitsAt('redcar-cleveland', '2026-03-10T09:00:00Z', inv('child-protection', '2026-01-05T15:00:00Z', { agreedInterval: { every: '4 weeks' } }), [visit('v1', '2026-01-06T10:00:00Z')]);
    expect(r.warnings).toEqual([overdue('2026-01-21T00:00:00Z')]);
  });

  it('child-in-need: 20 working days across Easter', () => {
    // Mon 23 Mar 2026: 24,25,26,27 (4), 30,31, 1 Apr, 2 Apr (8), [3, 6 hol], 7,8,9,10 (12),
    // 13–17 (17), 20,21,22 (20) → E Wed 22 Apr → due 2026-04-22T23:00Z.
    expect(visitsAt('redcar-cleveland', '2026-04-22T23:00:00Z', inv('child-in-need', '2026-03-23T10:00:00Z')).warnings).toEqual([overdue('2026-04-22T23:00:00Z')]);
  });

  it('child-in-need: repeats every 20 working days from each visit', () => {
    // Mon 5 Jan 2026 → first due: 20 wd → Mon 2 Feb → 2026-02-03T00:00Z. Visit Fri 30 Jan →
    // 20 wd: Feb 2–6 (5), 9–13 (10), 16–20 (15), 23–27 (20) → E Fri 27 Feb → 2026-02-28T00:00Z.
    const r = visitsAt('redcar-cleveland', '2026-02-28T00:00:00Z', inv('child-in-need', '2026-01-05T10:00:00Z'), [visit('v', '2026-01-30T10:00:00Z')]);
    expect(r.warnings).toEqual([overdue('2026-02-28T00:00:00Z')]);
    expect(r.measure).toEqual({ numerator: 1, denominator: 2 });
  });

  describe('child-in-care phases (start Mon 12 Jan 2026 10:00Z)', () => {
    // First deadline same day → 2026-01-13T00:00Z. Phase "t < start + 4 weeks" ends at
    // resolve(start, 4 weeks): E = Mon 9 Feb → 2026-02-10T00:00Z.
    const cic = inv('child-in-care', '2026-01-12T10:00:00Z');
    const weekly = [
      visit('v1', '2026-01-12T14:00:00Z'), // meets 13 Jan; next E Mon 19 Jan → 2026-01-20T00:00Z
      visit('v2', '2026-01-19T11:00:00Z'), // → 2026-01-27T00:00Z
      visit('v3', '2026-01-26T11:00:00Z'), // → 2026-02-03T00:00Z
      visit('v4', '2026-02-02T11:00:00Z'), // → E Mon 9 Feb → 2026-02-10T00:00Z = phase end, not after it: 1 week stands
    ];
    it('first deadline is the end of the start day', () => {
      expect(visitsAt('redcar-cleveland', '2026-01-13T00:00:00Z', cic).warnings).toEqual([overdue('2026-01-13T00:00:00Z')]);
    });
    it('weekly in the first 4 weeks; a deadline equal to the phase end keeps the weekly interval', () => {
      // asOf Mon 9 Feb → window end of Wed 11 → due soon 2026-02-10T00:00Z. d1..d4 met: 4/4.
      const r = visitsAt('redcar-cleveland', '2026-02-09T09:00:00Z', cic, weekly);
      expect(r.warnings).toEqual([dueSoon('2026-02-10T00:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 4, denominator: 4 });
    });
    it('a 1-week deadline that would pass the phase end switches to 6 weeks from t', () => {
      // v5 Tue 3 Feb: 1 week → E Tue 10 Feb → 2026-02-11T00:00Z > 2026-02-10T00:00Z → 6 weeks
      // from t: E = Tue 17 Mar → 2026-03-18T00:00Z. asOf = that instant → overdue.
      // Measure: d1..d5 met (v5 meets d5 = 10 Feb), d6 (= asOf) unmet → 5/6.
      const r = visitsAt('redcar-cleveland', '2026-03-18T00:00:00Z', cic, [...weekly, visit('v5', '2026-02-03T10:00:00Z')]);
      expect(r.warnings).toEqual([overdue('2026-03-18T00:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 5, denominator: 6 });
    });
    it('6-weekly in the rest of year one; due date in BST', () => {
      // v6 Mon 16 Mar → 6 weeks → E Mon 27 Apr → 2026-04-27T23:00Z. asOf Fri 24 Apr → window
      // Mon 27 (1), Tue 28 (2) → due soon. d1..d6 met → 6/6.
      const r = visitsAt('redcar-cleveland', '2026-04-24T09:00:00Z', cic, [...weekly, visit('v5', '2026-02-03T10:00:00Z'), visit('v6', '2026-03-16T10:00:00Z')]);
      expect(r.warnings).toEqual([dueSoon('2026-04-27T23:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 6, denominator: 6 });
    });
    it('same-day first deadline uses the local date (start 00:30 BST)', () => {
      // 2026-06-10T23:30Z = Thu 11 Jun 00:30 BST → E Thu 11 Jun → due 2026-06-11T23:00Z.
      expect(visitsAt('redcar-cleveland', '2026-06-11T23:00:00Z', inv('child-in-care', '2026-06-10T23:30:00Z')).warnings).toEqual([overdue('2026-06-11T23:00:00Z')]);
    });
  });

  describe('child-in-care after year one (start Mon 6 Jan 2025; year one ends 2026-01-07T00:00Z)', () => {
    it('later: 6 weeks without a reduction', () => {
      // Visit Mon 30 Nov 2026 → 6 weeks → E Mon 11 Jan 2027 → 2027-01-12T00:00Z.
      expect(visitsAt('redcar-cleveland', '2027-03-01T00:00:00Z', inv('child-in-care', '2025-01-06T10:00:00Z'), [visit('v', '2026-11-30T10:00:00Z')]).warnings).toEqual([overdue('2027-01-12T00:00:00Z')]);
    });
    it('3 months once reductionAgreedAt <= t, clamped to the month end (30 Nov → 28 Feb)', () => {
      // reductionAgreedAt 1 Feb 2026 <= t = 30 Nov 2026 → 3 months → 30 Feb 2027 → clamp Sun
      // 28 Feb → due 2027-03-01T00:00Z.
      const r = visitsAt('redcar-cleveland', '2027-03-01T00:00:00Z', inv('child-in-care', '2025-01-06T10:00:00Z', { reductionAgreedAt: '2026-02-01T00:00:00Z' }), [visit('v', '2026-11-30T10:00:00Z')]);
      expect(r.warnings).toEqual([overdue('2027-03-01T00:00:00Z')]);
      const before = visitsAt('redcar-cleveland', '2027-02-28T09:00:00Z', inv('child-in-care', '2025-01-06T10:00:00Z', { reductionAgreedAt: '2026-02-01T00:00:00Z' }), [visit('v', '2026-11-30T10:00:00Z')]);
      expect(before.warnings).toEqual([dueSoon('2027-03-01T00:00:00Z')]);
    });
  });

  it('private-fostering: first deadline 7 days from notification', () => {
    // Fri 1 May 2026 10:00Z (BST) → E Fri 8 May → 2026-05-08T23:00Z.
    expect(visitsAt('redcar-cleveland', '2026-05-08T23:00:00Z', inv('private-fostering', '2026-05-01T10:00:00Z')).warnings).toEqual([overdue('2026-05-08T23:00:00Z')]);
  });

  describe('private-fostering year boundary (start 1 May 2025; year one ends resolve(start, 12 months) = 2026-05-01T23:00Z)', () => {
    const pf = inv('private-fostering', '2025-05-01T10:00:00Z');
    it('6 weeks inside year one', () => {
      // Visit Sun 1 Mar 2026 → 6 weeks → E Sun 12 Apr → 2026-04-12T23:00Z (< phase end).
      expect(visitsAt('redcar-cleveland', '2026-04-13T09:00:00Z', pf, [visit('a', '2025-05-05T10:00:00Z'), visit('b', '2026-03-01T10:00:00Z')]).warnings).toEqual([overdue('2026-04-12T23:00:00Z')]);
    });
    it('6 weeks that would pass the year end → 12 weeks from t', () => {
      // Visit Wed 1 Apr 2026 → 6 weeks → E Wed 13 May → 2026-05-13T23:00Z > 2026-05-01T23:00Z →
      // 12 weeks from t → E Wed 24 Jun → 2026-06-24T23:00Z.
      expect(visitsAt('redcar-cleveland', '2026-06-25T09:00:00Z', pf, [visit('a', '2025-05-05T10:00:00Z'), visit('b', '2026-04-01T10:00:00Z')]).warnings).toEqual([overdue('2026-06-24T23:00:00Z')]);
    });
  });

  it('missing-return: 72 hours exact across the clock change', () => {
    // Sat 28 Mar 2026 20:00Z + 72 h = 2026-03-31T20:00Z.
    const m = inv('missing-return', '2026-03-28T20:00:00Z');
    expect(visitsAt('redcar-cleveland', '2026-03-31T19:59:59Z', m).warnings).toEqual([dueSoon('2026-03-31T20:00:00Z')]);
    expect(visitsAt('redcar-cleveland', '2026-03-31T20:00:00Z', m).warnings).toEqual([overdue('2026-03-31T20:00:00Z')]);
  });

  describe('care-leaver (seen before the 20th birthday, contact from it, none from the 25th)', () => {
    // DOB 2006-05-15 → 20th birthday phase boundary 00:00 BST 15 May 2026 = 2026-05-14T23:00Z.
    const cl = inv('care-leaver', '2026-01-10T10:00:00Z');
    const dob = '2006-05-15';
    it('first deadline 2 months from start, requirement seen; a phone call does not meet it', () => {
      // Sat 10 Jan → E Tue 10 Mar → 2026-03-11T00:00Z, falls before the 20th birthday → seen.
      expect(visitsAt('redcar-cleveland', '2026-03-11T00:00:00Z', cl, [phone('p', '2026-03-01T10:00:00Z')], dob).warnings).toEqual([overdue('2026-03-11T00:00:00Z', 'seen')]);
    });
    it('a 2-month interval that would pass the 20th birthday switches to 6 months; requirement contact', () => {
      // v 5 Mar meets d1; next 2 months → E 5 May → 2026-05-05T23:00Z (before the birthday).
      // v 1 Apr meets it; 2 months → E 1 Jun → 2026-06-01T23:00Z > 2026-05-14T23:00Z → 6 months
      // from t → E Thu 1 Oct → 2026-10-01T23:00Z, falls after the birthday → contact. 2/3.
      const r = visitsAt('redcar-cleveland', '2026-10-02T09:00:00Z', cl, [visit('a', '2026-03-05T10:00:00Z'), visit('b', '2026-04-01T10:00:00Z')], dob);
      expect(r.warnings).toEqual([overdue('2026-10-01T23:00:00Z', 'contact')]);
      expect(r.measure).toEqual({ numerator: 2, denominator: 3 });
    });
    it('after the 20th birthday a phone contact meets the deadline and sets 6 months', () => {
      // Phone Tue 1 Sep 2026 → 6 months → E Mon 1 Mar 2027 → 2027-03-02T00:00Z. asOf Mon 1 Mar
      // → window end of Wed 3 Mar → due soon. 3/3.
      const r = visitsAt('redcar-cleveland', '2027-03-01T09:00:00Z', cl, [visit('a', '2026-03-05T10:00:00Z'), visit('b', '2026-04-01T10:00:00Z'), phone('c', '2026-09-01T10:00:00Z')], dob);
      expect(r.warnings).toEqual([dueSoon('2027-03-02T00:00:00Z', 'contact')]);
      expect(r.measure).toEqual({ numerator: 3, denominator: 3 });
    });
    it('first deadline clamps: 31 Dec + 2 months → 28 Feb', () => {
      // DOB 2007-06-01 (18). 31 Dec 2025 → 31 Feb → 28 Feb 2026 → due 2026-03-01T00:00Z.
      expect(visitsAt('redcar-cleveland', '2026-03-01T00:00:00Z', inv('care-leaver', '2025-12-31T10:00:00Z'), [], '2007-06-01').warnings).toEqual([overdue('2026-03-01T00:00:00Z', 'seen')]);
    });
  });

  describe('care-leaver approaching the 25th birthday (DOB 2001-08-20; phase ends 2026-08-19T23:00Z)', () => {
    // start 1 Jun 2025 → 2 months → E 1 Aug 2025 → 2025-08-01T23:00Z (contact).
    // phone 15 Jul 2025 → 6 months → E 15 Jan 2026 → 2026-01-16T00:00Z.
    // phone 10 Jan 2026 → 6 months → E 10 Jul 2026 → 2026-07-10T23:00Z (before the 25th).
    const cl = inv('care-leaver', '2025-06-01T10:00:00Z');
    const dob = '2001-08-20';
    const base = [phone('a', '2025-07-15T10:00:00Z'), phone('b', '2026-01-10T10:00:00Z')];
    it('a deadline before the 25th birthday is still set', () => {
      const r = visitsAt('redcar-cleveland', '2026-09-10T09:00:00Z', cl, base, dob);
      expect(r.warnings).toEqual([overdue('2026-07-10T23:00:00Z', 'contact')]);
      expect(r.measure).toEqual({ numerator: 2, denominator: 3 });
    });
    it('a deadline that would pass the 25th birthday is not set: the chain ends', () => {
      // phone 1 Mar 2026 → 6 months → 2026-09-01T23:00Z > phase end → next phase: none.
      const r = visitsAt('redcar-cleveland', '2026-09-10T09:00:00Z', cl, [...base, phone('c', '2026-03-01T10:00:00Z')], dob);
      expect(r.warnings).toEqual([]);
      expect(r.measure).toEqual({ numerator: 3, denominator: 3 });
    });
  });

  describe('adoption (start = placement Mon 5 Jan 2026)', () => {
    it('without firstReviewAt: weekly always', () => {
      // d1: 1 week → 2026-01-13T00:00Z, missed. Visit Mon 1 Jun (late) → 1 week → E Mon 8 Jun →
      // 2026-06-08T23:00Z. 0/2.
      const r = visitsAt('redcar-cleveland', '2026-06-09T09:00:00Z', inv('adoption', '2026-01-05T10:00:00Z'), [visit('v', '2026-06-01T10:00:00Z')]);
      expect(r.warnings).toEqual([overdue('2026-06-08T23:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 0, denominator: 2 });
    });
    const ad = inv('adoption', '2026-01-05T10:00:00Z', { firstReviewAt: '2026-03-01T10:00:00Z' });
    it('a week that would pass firstReviewAt switches to 6 weeks from t', () => {
      // Visit Thu 26 Feb → 1 week → 2026-03-06T00:00Z > 2026-03-01T10:00Z → 6 weeks → E Thu 9 Apr
      // → 2026-04-09T23:00Z.
      expect(visitsAt('redcar-cleveland', '2026-04-10T09:00:00Z', ad, [visit('v', '2026-02-26T10:00:00Z')]).warnings).toEqual([overdue('2026-04-09T23:00:00Z')]);
    });
    it('6 weeks after firstReviewAt', () => {
      // Visit Mon 2 Mar → E Mon 13 Apr → 2026-04-13T23:00Z.
      expect(visitsAt('redcar-cleveland', '2026-04-14T09:00:00Z', ad, [visit('v', '2026-03-02T10:00:00Z')]).warnings).toEqual([overdue('2026-04-13T23:00:00Z')]);
    });
    it('3 months after firstReviewAt + 12 months', () => {
      // Phase ends resolve(1 Mar 2026 10:00Z, 12 months) = 2027-03-02T00:00Z. Visit Fri 5 Mar 2027
      // → 3 months → E Sat 5 Jun 2027 → 2027-06-05T23:00Z.
      expect(visitsAt('redcar-cleveland', '2027-06-07T09:00:00Z', ad, [visit('v', '2027-03-05T10:00:00Z')]).warnings).toEqual([overdue('2027-06-05T23:00:00Z')]);
    });
  });

  describe('short-breaks (start Mon 5 Jan 2026)', () => {
    // d1: 7 days → E Mon 12 Jan → 2026-01-13T00:00Z. d2 fixed: resolve(start, 3 months) = E Sun
    // 5 Apr → 2026-04-05T23:00Z (BST).
    const sb = inv('short-breaks', '2026-01-05T10:00:00Z');
    it('second deadline is start + 3 months, not the first visit + 3 months', () => {
      // Visit Mon 12 Jan (meets d1). t + 3 months would be 2026-04-12T23:00Z; contract: 5 Apr.
      const r = visitsAt('redcar-cleveland', '2026-04-06T09:00:00Z', sb, [visit('v', '2026-01-12T10:00:00Z')]);
      expect(r.warnings).toEqual([overdue('2026-04-05T23:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 1, denominator: 2 });
    });
    it('then 6 months from the visit', () => {
      // Visit Fri 20 Mar meets d2 → 6 months → E Sun 20 Sep → 2026-09-20T23:00Z. asOf Fri 18 Sep
      // → window Mon 21 (1), Tue 22 (2) → due soon. 2/2.
      const r = visitsAt('redcar-cleveland', '2026-09-18T09:00:00Z', sb, [visit('a', '2026-01-08T10:00:00Z'), visit('b', '2026-03-20T10:00:00Z')]);
      expect(r.warnings).toEqual([dueSoon('2026-09-20T23:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 2, denominator: 2 });
    });
  });

  it('temporary-approval: weekly without firstReviewAt; 4 weeks after it', () => {
    // Visit Tue 10 Feb 2026. Without firstReviewAt: 1 week → E Tue 17 Feb → 2026-02-18T00:00Z.
    // With firstReviewAt Mon 2 Feb: 4 weeks → E Tue 10 Mar → 2026-03-11T00:00Z.
    expect(visitsAt('redcar-cleveland', '2026-03-12T09:00:00Z', inv('temporary-approval', '2026-01-05T10:00:00Z'), [visit('v', '2026-02-10T10:00:00Z')]).warnings).toEqual([overdue('2026-02-18T00:00:00Z')]);
    expect(visitsAt('redcar-cleveland', '2026-03-12T09:00:00Z', inv('temporary-approval', '2026-01-05T10:00:00Z', { firstReviewAt: '2026-02-02T10:00:00Z' }), [visit('v', '2026-02-10T10:00:00Z')]).warnings).toEqual([overdue('2026-03-11T00:00:00Z')]);
  });

  it('care-order-at-home: first 1 week, then 6 weeks in year one', () => {
    // Mon 5 Jan 2026 → 1 week → 2026-01-13T00:00Z. Visit Thu 8 Jan → 6 weeks → E Thu 19 Feb →
    // 2026-02-20T00:00Z.
    const r = visitsAt('redcar-cleveland', '2026-02-20T00:00:00Z', inv('care-order-at-home', '2026-01-05T10:00:00Z'), [visit('v', '2026-01-08T10:00:00Z')]);
    expect(r.warnings).toEqual([overdue('2026-02-20T00:00:00Z')]);
    expect(r.measure).toEqual({ numerator: 1, denominator: 2 });
    expect(visitsAt('redcar-cleveland', '2026-01-13T00:00:00Z', inv('care-order-at-home', '2026-01-05T10:00:00Z')).warnings).toEqual([overdue('2026-01-13T00:00:00Z')]);
  });

  describe('early-help: two chains', () => {
    const eh = inv('early-help', '2026-03-02T10:00:00Z');
    it('contact chain (5 working days, requirement contact) and visits chain (4 weeks, seen)', () => {
      // contact: Mon 2 Mar → Mon 9 Mar → 2026-03-10T00:00Z, overdue at Tue 10 Mar 09:00.
      // visits: 4 weeks → 2026-03-30T23:00Z, outside the window (end of Thu 12 Mar).
      expect(visitsAt('redcar-cleveland', '2026-03-10T09:00:00Z', eh).warnings).toEqual([overdue('2026-03-10T00:00:00Z', 'contact')]);
    });
    it('a home visit where the child is listed but not seen meets "contact" but not "seen"', () => {
      const r = visitsAt('redcar-cleveland', '2026-03-31T09:00:00Z', eh, [contact('n', '2026-03-03T10:00:00Z', [{ childId: 'c1', seen: false }])]);
      expect(r.warnings).toEqual([overdue('2026-03-30T23:00:00Z', 'seen')]);
      expect(r.measure).toEqual({ numerator: 1, denominator: 2 });
    });
    it('visits repeat 4 weeks from each visit', () => {
      // Visit Fri 20 Mar → E Fri 17 Apr → 2026-04-17T23:00Z.
      const r = visitsAt('redcar-cleveland', '2026-04-17T23:00:00Z', eh, [visit('v', '2026-03-20T10:00:00Z')]);
      expect(r.warnings).toEqual([overdue('2026-04-17T23:00:00Z', 'seen')]);
      // contact chain met by the visit (3 Mar deadline? no: 20 Mar is after 2026-03-10 → late).
      expect(r.measure).toEqual({ numerator: 1, denominator: 3 });
    });
  });

  describe('ended involvements', () => {
    // Spec example's CP chain: d1 2026-01-07T15:00Z met by v1 (Tue 6 Jan); d2 2026-01-21T00:00Z.
    // v2 Mon 26 Jan is late for d2; d3 = 10 wd after Mon 26 Jan → Mon 9 Feb → 2026-02-10T00:00Z.
    const contacts = [visit('v1', '2026-01-06T10:00:00Z'), visit('v2', '2026-01-26T10:00:00Z'), visit('v3', '2026-02-05T10:00:00Z')];
    it('no warnings; measures read end for asOf and ignore contacts after end', () => {
      // end 1 Feb: v3 ignored; d1 met, d2 late, d3 (10 Feb) after end → not counted → 1/2.
      const r = visitsAt('redcar-cleveland', '2026-03-10T09:00:00Z', inv('child-protection', '2026-01-05T15:00:00Z', { end: '2026-02-01T00:00:00Z' }), contacts);
      expect(r.warnings).toEqual([]);
      expect(r.measure).toEqual({ numerator: 1, denominator: 2 });
    });
    it('an end after asOf is not ended yet', () => {
      // v3 Thu 5 Feb meets d3; d4 = 10 wd → Thu 19 Feb → 2026-02-20T00:00Z, overdue. 2/4.
      const r = visitsAt('redcar-cleveland', '2026-03-10T09:00:00Z', inv('child-protection', '2026-01-05T15:00:00Z', { end: '2026-04-01T00:00:00Z' }), contacts);
      expect(r.warnings).toEqual([overdue('2026-02-20T00:00:00Z')]);
      expect(r.measure).toEqual({ numerator: 2, denominator: 4 });
    });
  });
});

describe('§5 middlesbrough visiting chains', () => {
  describe('section-47: 24 hours, requirement seen-alone', () => {
    // start Tue 10 Mar 2026 14:00Z → due 2026-03-11T14:00Z.
    const s47 = inv('section-47', '2026-03-10T14:00:00Z');
    it('seen but not alone does not meet it', () => {
      const r = visitsAt('middlesbrough', '2026-03-11T14:00:00Z', s47, [contact('v', '2026-03-11T10:00:00Z', [seenEntry('c1', { seenAlone: false, seenAloneReason: "child's young age", managerInformed: true })])]);
      expect(r.warnings).toEqual([overdue('2026-03-11T14:00:00Z', 'seen-alone')]);
      expect(r.measure).toEqual({ numerator: 0, denominator: 1 });
    });
    it('seen alone 1 s before due meets it; exactly at due is late', () => {
      const ok = visitsAt('middlesbrough', '2026-03-12T09:00:00Z', s47, [visit('v', '2026-03-11T13:59:59Z')]);
      expect(ok.warnings).toEqual([]);
      expect(ok.measure).toEqual({ numerator: 1, denominator: 1 });
      const late = visitsAt('middlesbrough', '2026-03-12T09:00:00Z', s47, [visit('v', '2026-03-11T14:00:00Z')]);
      expect(late.warnings).toEqual([]);
      expect(late.measure).toEqual({ numerator: 0, denominator: 1 });
    });
    it('is due soon before it', () => {
      expect(visitsAt('middlesbrough', '2026-03-10T15:00:00Z', s47).warnings).toEqual([dueSoon('2026-03-11T14:00:00Z', 'seen-alone')]);
    });
  });

  describe('child-in-need (start Mon 5 Jan 2026): contact 5 wd + visits', () => {
    // contact chain: Mon 5 Jan → Mon 12 Jan → 2026-01-13T00:00Z, met by a phone call on 7 Jan.
    it('stableComplexNeeds: 12 weeks; due-soon window over the spring bank holiday', () => {
      // visits d1: 12 weeks → E Mon 30 Mar → 2026-03-30T23:00Z, met by Mon 2 Mar visit → 12 weeks
      // → E Mon 25 May → 2026-05-25T23:00Z. asOf Fri 22 May: Mon 25 hol, Tue 26 (1), Wed 27 (2)
      // → window end 2026-05-27T23:00Z → due soon. Measure: contact d1 + visits d1 met → 2/2.
      const r = visitsAt('middlesbrough', '2026-05-22T09:00:00Z', inv('child-in-need', '2026-01-05T10:00:00Z', { stableComplexNeeds: true }), [phone('p', '2026-01-07T10:00:00Z'), visit('v', '2026-03-02T10:00:00Z')]);
      expect(r.warnings).toEqual([dueSoon('2026-05-25T23:00:00Z', 'seen')]);
      expect(r.measure).toEqual({ numerator: 2, denominator: 2 });
    });
    it('otherwise 20 working days', () => {
      // visits d1: 20 wd → Mon 2 Feb → 2026-02-03T00:00Z; visit Mon 2 Mar is late; 20 wd → Mon 30
      // Mar → 2026-03-30T23:00Z. asOf Fri 27 Mar → window Mon 30, Tue 31 → due soon. 1/2.
      const r = visitsAt('middlesbrough', '2026-03-27T09:00:00Z', inv('child-in-need', '2026-01-05T10:00:00Z'), [phone('p', '2026-01-07T10:00:00Z'), visit('v', '2026-03-02T10:00:00Z')]);
      expect(r.warnings).toEqual([dueSoon('2026-03-30T23:00:00Z', 'seen')]);
      expect(r.measure).toEqual({ numerator: 1, denominator: 2 });
    });
    it('contact chain overdue with no contact', () => {
      // asOf Tue 13 Jan 00:00Z = due of the contact chain → overdue; visits due 3 Feb not near.
      expect(visitsAt('middlesbrough', '2026-01-13T00:00:00Z', inv('child-in-need', '2026-01-05T10:00:00Z')).warnings).toEqual([overdue('2026-01-13T00:00:00Z', 'contact')]);
    });
    it('agreedInterval 2 weeks tightens the repeat', () => {
      // Visit Tue 20 Jan (meets d1 3 Feb) → 2 weeks → E Tue 3 Feb → 2026-02-04T00:00Z
      // (20 wd would be Tue 17 Feb → 2026-02-18T00:00Z).
      const r = visitsAt('middlesbrough', '2026-02-04T00:00:00Z', inv('child-in-need', '2026-01-05T10:00:00Z', { agreedInterval: { every: '2 weeks' } }), [phone('p', '2026-01-07T10:00:00Z'), visit('v', '2026-01-20T10:00:00Z')]);
      expect(r.warnings).toEqual([overdue('2026-02-04T00:00:00Z', 'seen')]);
    });
  });

  it('child-in-care: weekly, then 20 working days once the week would pass start + 4 weeks', () => {
    // start Mon 2 Mar 2026 → d1 1 week → 2026-03-10T00:00Z. Phase ends resolve(start, 4 weeks):
    // E Mon 30 Mar → 2026-03-30T23:00Z.
    // Fri 6 Mar → 2026-03-14T00:00Z; Fri 13 → 21 Mar; Fri 20 → 2026-03-28T00:00Z;
    // Thu 26 Mar → 1 week → E Thu 2 Apr → 2026-04-02T23:00Z > phase end → 20 wd from Thu 26 Mar:
    // 27, 30, 31, 1 Apr, 2 Apr (5), [3, 6 hol], 7–10 (9), 13–17 (14), 20–24 (19), Mon 27 Apr (20)
    // → 2026-04-27T23:00Z. asOf Fri 24 Apr → window Mon 27, Tue 28 → due soon. 4/4.
    const r = visitsAt('middlesbrough', '2026-04-24T09:00:00Z', inv('child-in-care', '2026-03-02T10:00:00Z'), [
      visit('a', '2026-03-06T10:00:00Z'),
      visit('b', '2026-03-13T10:00:00Z'),
      visit('c', '2026-03-20T10:00:00Z'),
      visit('d', '2026-03-26T10:00:00Z'),
    ]);
    expect(r.warnings).toEqual([dueSoon('2026-04-27T23:00:00Z')]);
    expect(r.measure).toEqual({ numerator: 4, denominator: 4 });
  });

  it('care-leaver: 8 weeks, any mode (requirement contact)', () => {
    // Mon 5 Jan → 8 weeks → E Mon 2 Mar → 2026-03-03T00:00Z; message Fri 20 Feb meets it →
    // 8 weeks → E Fri 17 Apr → 2026-04-17T23:00Z.
    const r = visitsAt('middlesbrough', '2026-04-17T23:00:00Z', inv('care-leaver', '2026-01-05T10:00:00Z'), [contact('m', '2026-02-20T10:00:00Z', [{ childId: 'c1', seen: false }], { mode: 'message' })], '2006-01-01');
    expect(r.warnings).toEqual([overdue('2026-04-17T23:00:00Z', 'contact')]);
    expect(r.measure).toEqual({ numerator: 1, denominator: 2 });
  });

  describe('early-help: contact 3 wd + visits 1 month', () => {
    it('Saturday start', () => {
      // Sat 7 Mar 2026: contact → Mon 9, Tue 10, Wed 11 → 2026-03-12T00:00Z (overdue at it);
      // visits 1 month → E Tue 7 Apr → 2026-04-07T23:00Z, outside the window.
      expect(visitsAt('middlesbrough', '2026-03-12T00:00:00Z', inv('early-help', '2026-03-07T10:00:00Z')).warnings).toEqual([overdue('2026-03-12T00:00:00Z', 'contact')]);
    });
    it('31 Jan + 1 month → 28 Feb (2026)', () => {
      // → due 2026-03-01T00:00Z. Contact chain: Sat 31 Jan → Mon 2, Tue 3, Wed 4 Feb; phone 2 Feb.
      expect(visitsAt('middlesbrough', '2026-03-01T00:00:00Z', inv('early-help', '2026-01-31T10:00:00Z'), [phone('p', '2026-02-02T10:00:00Z')]).warnings).toEqual([overdue('2026-03-01T00:00:00Z')]);
    });
    it('31 Jan + 1 month → 29 Feb (2028, leap year)', () => {
      // → E Tue 29 Feb 2028 → due 2028-03-01T00:00Z; asOf Tue 29 Feb → window end of Thu 2 Mar.
      expect(visitsAt('middlesbrough', '2028-02-29T09:00:00Z', inv('early-help', '2028-01-31T10:00:00Z'), [phone('p', '2028-02-01T10:00:00Z')]).warnings).toEqual([dueSoon('2028-03-01T00:00:00Z')]);
    });
    it('a repeat from 31 Mar clamps to 30 Apr (BST)', () => {
      // start Mon 2 Mar, phone 3 Mar; visit Tue 31 Mar meets d1 (2026-04-02T23:00Z) → 1 month →
      // 31 Apr → 30 Apr → 2026-04-30T23:00Z.
      expect(visitsAt('middlesbrough', '2026-04-30T23:00:00Z', inv('early-help', '2026-03-02T10:00:00Z'), [phone('p', '2026-03-03T10:00:00Z'), visit('v', '2026-03-31T10:00:00Z')]).warnings).toEqual([overdue('2026-04-30T23:00:00Z')]);
    });
    it('months count from the LOCAL date of start', () => {
      // 2026-05-31T23:30Z = Mon 1 Jun 00:30 BST → D = 1 Jun → 1 month → 1 Jul → 2026-07-01T23:00Z
      // (UTC date 31 May would give 30 Jun). Contact chain: Tue 2, Wed 3, Thu 4 Jun; phone 2 Jun.
      expect(visitsAt('middlesbrough', '2026-07-01T23:00:00Z', inv('early-help', '2026-05-31T23:30:00Z'), [phone('p', '2026-06-02T10:00:00Z')]).warnings).toEqual([overdue('2026-07-01T23:00:00Z')]);
    });
  });

  it('types without a middlesbrough rule give no visit warnings and no visit measures', () => {
    for (const type of ['adoption', 'short-breaks', 'private-fostering', 'missing-return', 'temporary-approval', 'care-order-at-home']) {
      const r = visitsAt('middlesbrough', '2026-06-01T09:00:00Z', inv(type, '2026-01-05T10:00:00Z'));
      expect(r.warnings, type).toEqual([]);
      expect(r.measure, type).toEqual({ numerator: 0, denominator: 0 });
    }
  });
});

describe('§3 seen alone and bedroom seen', () => {
  const entries = [
    seenEntry('k1', { seenAlone: null }), // SEEN_ALONE_NOT_RECORDED
    seenEntry('k2', { seenAlone: false, seenAloneReason: null }), // SEEN_ALONE_REASON_MISSING
    seenEntry('k3', { seenAlone: false, seenAloneReason: 'child asleep/unwell' }), // none
    { childId: 'k4', seen: false }, // not seen: nothing at all
    seenEntry('k5', { bedroomSeen: null }), // redcar home visit: BEDROOM_NOT_RECORDED
    seenEntry('k6', { bedroomSeen: false, bedroomSeenReason: null }), // BEDROOM_REASON_MISSING
    seenEntry('k7', { bedroomSeen: false, bedroomSeenReason: 'parent refused' }), // none
    { childId: 'k8', seen: true }, // both answers absent = not answered
  ];
  const children = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8'].map((id) => child(id));
  const pairs = (r: Report) =>
    r.warnings
      .filter((w) => w.code.startsWith('SEEN_ALONE') || w.code.startsWith('BEDROOM'))
      .map((w) => `${w.code}:${w.contactId}:${w.childId}`)
      .sort();

  it('redcar home visit (a draft: the checks apply to drafts too)', () => {
    const r = report(caseload('redcar-cleveland', '2026-03-10T09:00:00Z', { children, contacts: [contact('h', '2026-03-09T10:00:00Z', entries, { completedAt: null })] }));
    expect(pairs(r)).toEqual(
      [
        'SEEN_ALONE_NOT_RECORDED:h:k1',
        'SEEN_ALONE_REASON_MISSING:h:k2',
        'BEDROOM_NOT_RECORDED:h:k5',
        'BEDROOM_REASON_MISSING:h:k6',
        'SEEN_ALONE_NOT_RECORDED:h:k8',
        'BEDROOM_NOT_RECORDED:h:k8',
      ].sort(),
    );
  });

  it('redcar visit elsewhere: no bedroom checks', () => {
    const r = report(caseload('redcar-cleveland', '2026-03-10T09:00:00Z', { children, contacts: [contact('e', '2026-03-09T10:00:00Z', entries, { mode: 'visit-elsewhere' })] }));
    expect(pairs(r)).toEqual(['SEEN_ALONE_NOT_RECORDED:e:k1', 'SEEN_ALONE_REASON_MISSING:e:k2', 'SEEN_ALONE_NOT_RECORDED:e:k8'].sort());
  });

  it('not in person (video / phone / message): nothing', () => {
    const r = report(
      caseload('redcar-cleveland', '2026-03-10T09:00:00Z', {
        children,
        contacts: ['video', 'phone', 'message'].map((mode) => contact(mode, '2026-03-09T10:00:00Z', entries, { mode })),
      }),
    );
    expect(pairs(r)).toEqual([]);
  });

  it('middlesbrough home visit: manager-informed check, no bedroom checks', () => {
    const mEntries = [
      seenEntry('k1', { seenAlone: null, bedroomSeen: null }), // NOT_RECORDED only
      seenEntry('k2', { seenAlone: false, seenAloneReason: null, managerInformed: undefined }), // REASON_MISSING + MANAGER
      seenEntry('k3', { seenAlone: false, seenAloneReason: 'parent/carer refused', managerInformed: false }), // MANAGER
      seenEntry('k5', { seenAlone: false, seenAloneReason: "child's young age", managerInformed: true }), // none
      seenEntry('k6', { bedroomSeen: false, bedroomSeenReason: null, managerInformed: false }), // seen alone: none
    ];
    const r = report(caseload('middlesbrough', '2026-03-10T09:00:00Z', { children, contacts: [contact('m', '2026-03-09T10:00:00Z', mEntries, { completedAt: null })] }));
    expect(pairs(r)).toEqual(
      ['SEEN_ALONE_NOT_RECORDED:m:k1', 'SEEN_ALONE_REASON_MISSING:m:k2', 'SEEN_ALONE_MANAGER_NOT_INFORMED:m:k2', 'SEEN_ALONE_MANAGER_NOT_INFORMED:m:k3'].sort(),
    );
  });

  it('redcar never raises SEEN_ALONE_MANAGER_NOT_INFORMED', () => {
    const r = report(caseload('redcar-cleveland', '2026-03-10T09:00:00Z', { children, contacts: [contact('h', '2026-03-09T10:00:00Z', [seenEntry('k3', { seenAlone: false, seenAloneReason: 'other', managerInformed: false })])] }));
    expect(pairs(r)).toEqual([]);
  });

  it('seenAlone measure: in-person, completed, seen entries; numerator seen alone', () => {
    // Completed home visit h: seen entries k1,k2,k3,k5,k6,k7,k8 = 7; seenAlone true: k5,k6,k7 = 3.
    // Completed phone call (excluded: not in person), draft home visit (excluded: not completed).
    const r = report(
      caseload('redcar-cleveland', '2026-03-10T09:00:00Z', {
        children,
        contacts: [
          contact('h', '2026-03-09T10:00:00Z', entries),
          contact('p', '2026-03-09T11:00:00Z', [seenEntry('k1')], { mode: 'phone' }),
          contact('d', '2026-03-09T12:00:00Z', [seenEntry('k1')], { completedAt: null }),
        ],
      }),
    );
    expect(r.measures.seenAlone).toEqual({ numerator: 3, denominator: 7 });
  });
});

describe('§6 practice observations', () => {
  // asOf Tue 10 Mar 2026 09:00Z.
  const obs = (id: string, who: string, observedAt: string, extra: Json = {}): Json => ({
    id, observedPractitionerId: who, observerId: 'm1', observedAt, completedAt: observedAt, copyToPractitioner: true, copyToLineManager: true, qaLeadNotified: true, ...extra,
  });
  const r = () =>
    report(
      caseload('middlesbrough', '2026-03-10T09:00:00Z', {
        practitioners: [
          { id: 'p1', startedAt: '2024-04-01T09:00:00Z' }, // observed Nov 2025, all done: nothing
          { id: 'p2', startedAt: '2024-04-01T09:00:00Z' }, // never observed, > 12 months in post: DUE
          { id: 'p3', startedAt: '2025-09-01T09:00:00Z' }, // < 12 months in post: nothing
          { id: 'p4', startedAt: '2020-01-01T09:00:00Z' }, // last observed Jan 2025: DUE
          { id: 'p5', startedAt: '2020-01-01T09:00:00Z' }, // only an uncompleted observation: DUE, no follow-up
          { id: 'p6', startedAt: '2020-01-01T09:00:00Z' }, // copy not to practitioner: FOLLOW_UP
          { id: 'p7', startedAt: '2020-01-01T09:00:00Z' }, // copy not to line manager: FOLLOW_UP
          { id: 'p8', startedAt: '2020-01-01T09:00:00Z' }, // QA lead not notified: FOLLOW_UP
        ],
        observations: [
          obs('o1', 'p1', '2025-11-03T10:00:00Z'),
          obs('o4', 'p4', '2025-01-15T10:00:00Z'),
          obs('o5', 'p5', '2025-12-01T10:00:00Z', { completedAt: null, copyToPractitioner: false }),
          obs('o6', 'p6', '2025-10-01T10:00:00Z', { copyToPractitioner: false }),
          obs('o7', 'p7', '2025-10-01T10:00:00Z', { copyToLineManager: false }),
          obs('o8', 'p8', '2025-10-01T10:00:00Z', { qaLeadNotified: false }),
        ],
      }),
    );
  it('OBSERVATION_DUE', () => {
    expect(r().warnings.filter((w) => w.code === 'OBSERVATION_DUE').map((w) => w.practitionerId).sort()).toEqual(['p2', 'p4', 'p5']);
  });
  it('OBSERVATION_FOLLOW_UP', () => {
    expect(
      r()
        .warnings.filter((w) => w.code === 'OBSERVATION_FOLLOW_UP')
        .map((w) => `${w.observationId}:${w.practitionerId}`)
        .sort(),
    ).toEqual(['o6:p6', 'o7:p7', 'o8:p8']);
  });
  it('applies in redcar too', () => {
    const rr = report(caseload('redcar-cleveland', '2026-03-10T09:00:00Z', { practitioners: [{ id: 'p2', startedAt: '2024-04-01T09:00:00Z' }] }));
    expect(rr.warnings.map(strip)).toEqual([expect.objectContaining({ code: 'OBSERVATION_DUE', practitionerId: 'p2' })]);
  });
});

describe('more edge cases', () => {
  it('the walk is literal: every qualifying contact meets the current deadline and restarts the chain', () => {
    // Redcar CP start Mon 5 Jan 15:00Z: d1 = 2026-01-07T15:00Z met by v1 (Tue 6 Jan); d2 = 10 wd
    // after Tue 6 = Tue 20 Jan → 2026-01-21T00:00Z, met by v2 (Wed 7 Jan); d3 = 10 wd after Wed 7
    // Jan: 8,9 (2), 12–16 (7), 19,20,21 (10) → Wed 21 Jan → 2026-01-22T00:00Z, unmet. 2/3.
    const r = visitsAt('redcar-cleveland', '2026-03-10T09:00:00Z', inv('child-protection', '2026-01-05T15:00:00Z'), [visit('v1', '2026-01-06T10:00:00Z'), visit('v2', '2026-01-07T10:00:00Z')]);
    expect(r.warnings).toEqual([overdue('2026-01-22T00:00:00Z')]);
    expect(r.measure).toEqual({ numerator: 2, denominator: 3 });
  });

  it('a deadline met in time but due after asOf is counted (met by asOf)', () => {
    // s47 Thu 2 Apr 2026 → due 2026-04-08T23:00Z; visit Fri 3 Apr; asOf Sat 4 Apr → 1/1.
    const r = visitsAt('redcar-cleveland', '2026-04-04T09:00:00Z', inv('section-47', '2026-04-02T14:00:00Z'), [visit('v', '2026-04-03T10:00:00Z')]);
    expect(r.warnings).toEqual([]);
    expect(r.measure).toEqual({ numerator: 1, denominator: 1 });
  });

  it('a contact exactly at asOf counts', () => {
    const r = visitsAt('redcar-cleveland', '2026-04-07T10:00:00Z', inv('section-47', '2026-04-02T14:00:00Z'), [visit('v', '2026-04-07T10:00:00Z')]);
    expect(r.warnings).toEqual([]);
    expect(r.measure).toEqual({ numerator: 1, denominator: 1 });
  });

  it('working days count from the LOCAL date of start (00:30 BST on Mon 30 Mar 2026)', () => {
    // 2026-03-29T23:30Z = Mon 30 Mar 00:30 BST → D = Mon 30: Tue 31 (1), Wed 1 Apr (2) → due
    // 2026-04-01T23:00Z. (The UTC date, Sun 29, would give Tue 31 → 2026-03-31T23:00Z.)
    expect(visitsAt('redcar-cleveland', '2026-04-01T23:00:00Z', inv('section-47', '2026-03-29T23:30:00Z')).warnings).toEqual([overdue('2026-04-01T23:00:00Z')]);
    expect(visitsAt('redcar-cleveland', '2026-03-31T23:00:00Z', inv('section-47', '2026-03-29T23:30:00Z')).warnings).toEqual([dueSoon('2026-04-01T23:00:00Z')]);
  });

  it('instants with a +01:00 offset are read as the same instant', () => {
    // 2026-06-11T00:30+01:00 = 2026-06-10T23:30Z → same-day CiC deadline 2026-06-11T23:00Z.
    expect(visitsAt('redcar-cleveland', '2026-06-12T00:00:00+01:00', inv('child-in-care', '2026-06-11T00:30:00+01:00')).warnings).toEqual([overdue('2026-06-11T23:00:00Z')]);
  });

  it('asOf on a bank holiday (Good Friday): window ends with Wed 8 Apr', () => {
    // s47 started Thu 2 Apr → due 2026-04-08T23:00Z; asOf Fri 3 Apr → Tue 7 (1), Wed 8 (2).
    expect(visitsAt('redcar-cleveland', '2026-04-03T09:00:00Z', inv('section-47', '2026-04-02T14:00:00Z')).warnings).toEqual([dueSoon('2026-04-08T23:00:00Z')]);
  });

  it('recording: same day at 23:30 GMT is due 30 minutes later; next day over the autumn change', () => {
    // Sat 10 Jan 2026 23:30Z (GMT) → E 10 Jan → due 2026-01-11T00:00Z.
    expectRecordingDue('redcar-cleveland', contact('r1', '2026-01-10T23:30:00Z', [seenEntry('c1')], { criticalWorries: true }), '2026-01-11T00:00:00Z');
    // Sat 24 Oct 2026 12:00Z (BST) → E Sun 25 Oct → due 00:00 GMT Mon 26 Oct = 2026-10-26T00:00Z.
    expectRecordingDue('redcar-cleveland', contact('r2', '2026-10-24T12:00:00Z', [seenEntry('c1')], { significantEvent: true }), '2026-10-26T00:00:00Z');
    // exactly local midnight: 2026-06-10T23:00Z = 00:00 BST Thu 11 Jun → D = 11 Jun → 2026-06-11T23:00Z.
    expectRecordingDue('redcar-cleveland', contact('r3', '2026-06-10T23:00:00Z', [seenEntry('c1')], { criticalWorries: true }), '2026-06-11T23:00:00Z');
  });

  it('middlesbrough: setting and criticalWorries absent → community, 5 working days', () => {
    const c = { id: 'r1', occurredAt: '2026-03-04T10:00:00Z', mode: 'home-visit', significantEvent: false, completedAt: null, children: [seenEntry('c1')] };
    expectRecordingDue('middlesbrough', c, '2026-03-12T00:00:00Z');
  });

  it('care-leaver: a 2-month deadline due exactly at the 20th birthday stays 2 months and requires seen', () => {
    // DOB 2006-05-15 → phase end 2026-05-14T23:00Z. d1 from Sat 10 Jan → 2026-03-11T00:00Z, met
    // by a visit Sat 14 Mar → 2 months → E Thu 14 May → due 2026-05-14T23:00Z = phase end, not after
    // it; the instant just before due is before the birthday → seen. A phone call on 1 May does
    // not meet it.
    const r = visitsAt('redcar-cleveland', '2026-05-14T23:00:00Z', inv('care-leaver', '2026-01-10T10:00:00Z'), [visit('v', '2026-03-14T10:00:00Z'), phone('p', '2026-05-01T10:00:00Z')], '2006-05-15');
    expect(r.warnings).toEqual([overdue('2026-05-14T23:00:00Z', 'seen')]);
  });

  it('care-leaver: one day later the 2 months would pass the birthday → 6 months, contact', () => {
    // Visit Sun 15 Mar → 2 months → 2026-05-15T23:00Z > phase end → 6 months → E Tue 15 Sep →
    // 2026-09-15T23:00Z, contact.
    const r = visitsAt('redcar-cleveland', '2026-09-15T23:00:00Z', inv('care-leaver', '2026-01-10T10:00:00Z'), [visit('v', '2026-03-15T10:00:00Z')], '2006-05-15');
    expect(r.warnings).toEqual([overdue('2026-09-15T23:00:00Z', 'contact')]);
  });

  it('middlesbrough care-leaver has no birthday limit', () => {
    // DOB 1999-01-01 (27). Mon 5 Jan 2026 → 8 weeks → 2026-03-03T00:00Z.
    expect(visitsAt('middlesbrough', '2026-03-03T00:00:00Z', inv('care-leaver', '2026-01-05T10:00:00Z'), [], '1999-01-01').warnings).toEqual([overdue('2026-03-03T00:00:00Z', 'contact')]);
  });

  it('redcar CiC: a reduction agreed in year one does not shorten year one (6 weeks)', () => {
    // start Mon 12 Jan 2026 (year one ends 2027-01-13T00:00Z), reductionAgreedAt 1 Mar 2026.
    // Visit Mon 1 Jun → 6 weeks → E Mon 13 Jul → 2026-07-13T23:00Z.
    expect(visitsAt('redcar-cleveland', '2026-07-14T09:00:00Z', inv('child-in-care', '2026-01-12T10:00:00Z', { reductionAgreedAt: '2026-03-01T00:00:00Z' }), [visit('v', '2026-06-01T10:00:00Z')]).warnings).toEqual([overdue('2026-07-13T23:00:00Z')]);
  });

  it('redcar CiC: 6 weeks passing the year end, reduction already agreed before t → 3 months', () => {
    // Visit Sun 20 Dec 2026 → 6 weeks → E 31 Jan 2027 > year end 2027-01-13T00:00Z → next phase:
    // "later", and reductionAgreedAt (1 Dec 2026) <= t → 3 months → E Sat 20 Mar 2027 (GMT) →
    // 2027-03-21T00:00Z.
    expect(visitsAt('redcar-cleveland', '2027-03-22T09:00:00Z', inv('child-in-care', '2026-01-12T10:00:00Z', { reductionAgreedAt: '2026-12-01T00:00:00Z' }), [visit('v', '2026-12-20T10:00:00Z')]).warnings).toEqual([overdue('2027-03-21T00:00:00Z')]);
  });

  it('agreedInterval in a later phase: 5 days replaces 6 weeks; a looser 2 weeks does not replace 1 week', () => {
    // CiC start Mon 12 Jan 2026. Visit Mon 16 Mar (6-week phase) with agreed 5 days → E Sat 21 Mar
    // → 2026-03-22T00:00Z.
    expect(visitsAt('redcar-cleveland', '2026-03-22T00:00:00Z', inv('child-in-care', '2026-01-12T10:00:00Z', { agreedInterval: { every: '5 days' } }), [visit('v', '2026-03-16T10:00:00Z')]).warnings).toEqual([overdue('2026-03-22T00:00:00Z')]);
    // Visit Mon 19 Jan (weekly phase) with agreed 2 weeks → stays 1 week → 2026-01-27T00:00Z.
    expect(visitsAt('redcar-cleveland', '2026-01-27T00:00:00Z', inv('child-in-care', '2026-01-12T10:00:00Z', { agreedInterval: { every: '2 weeks' } }), [visit('v', '2026-01-19T10:00:00Z')]).warnings).toEqual([overdue('2026-01-27T00:00:00Z')]);
  });

  it('agreedInterval in hours: exact', () => {
    // CP v1 Tue 6 Jan 10:00Z, agreed 72 hours (< 10 wd) → 2026-01-09T10:00Z.
    expect(visitsAt('redcar-cleveland', '2026-01-09T10:00:00Z', inv('child-protection', '2026-01-05T15:00:00Z', { agreedInterval: { every: '72 hours' } }), [visit('v1', '2026-01-06T10:00:00Z')]).warnings).toEqual([overdue('2026-01-09T10:00:00Z')]);
  });

  it('ended exactly at asOf: ended (no warnings); deadline equal to end is counted', () => {
    // s47 Thu 2 Apr → due 2026-04-08T23:00Z <= end = asOf → 0/1, no warnings.
    const r = visitsAt('redcar-cleveland', '2026-04-09T09:00:00Z', inv('section-47', '2026-04-02T14:00:00Z', { end: '2026-04-09T09:00:00Z' }));
    expect(r.warnings).toEqual([]);
    expect(r.measure).toEqual({ numerator: 0, denominator: 1 });
    // CP d1 = 2026-01-07T15:00Z, end exactly then, no visits → 0/1 (d2 does not exist yet).
    const e = visitsAt('redcar-cleveland', '2026-03-10T09:00:00Z', inv('child-protection', '2026-01-05T15:00:00Z', { end: '2026-01-07T15:00:00Z' }));
    expect(e.warnings).toEqual([]);
    expect(e.measure).toEqual({ numerator: 0, denominator: 1 });
  });

  it('an involvement without an end field is open', () => {
    const { end: _end, ...noEnd } = inv('section-47', '2026-04-02T14:00:00Z');
    expect(visitsAt('redcar-cleveland', '2026-04-09T09:00:00Z', noEnd).warnings).toEqual([overdue('2026-04-08T23:00:00Z')]);
  });

  it('ended involvements still have their contacts judged for recording and seen alone', () => {
    const r = report(
      caseload('redcar-cleveland', '2026-04-20T09:00:00Z', {
        children: [child('c1', [inv('section-47', '2026-04-02T14:00:00Z', { end: '2026-04-05T00:00:00Z' })])],
        contacts: [contact('x', '2026-04-02T15:00:00Z', [seenEntry('c1', { seenAlone: null })], { completedAt: null })],
      }),
    );
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['RECORDING_OVERDUE', 'SEEN_ALONE_NOT_RECORDED']);
  });

  it('two involvements, two children on one contact', () => {
    // c1: CP (d1 48h → 2026-01-07T15:00Z) and CiC (same day → 2026-01-06T00:00Z); c2: CP.
    // One home visit Tue 6 Jan 10:00Z sees c1 and c2 (both seen): c1's CP d1 met (next 10 wd →
    // 2026-01-21T00:00Z); c1's CiC d1 (end of Mon 5 Jan) missed, visit late, next 1 week → E Tue
    // 13 Jan → 2026-01-14T00:00Z; c2's CP likewise → 2026-01-21T00:00Z.
    const r = report(
      caseload('redcar-cleveland', '2026-03-10T09:00:00Z', {
        children: [
          child('c1', [inv('child-protection', '2026-01-05T15:00:00Z'), { ...inv('child-in-care', '2026-01-05T15:00:00Z'), id: 'i2' }]),
          child('c2', [inv('child-protection', '2026-01-05T15:00:00Z')]),
        ],
        contacts: [contact('v', '2026-01-06T10:00:00Z', [seenEntry('c1'), seenEntry('c2')])],
      }),
    );
    expect(visitWarnings(r).sort((a, b) => `${a.childId}${a.involvementId}`.localeCompare(`${b.childId}${b.involvementId}`))).toEqual([
      overdue('2026-01-21T00:00:00Z'),
      { ...overdue('2026-01-14T00:00:00Z'), involvementId: 'i2' },
      { ...overdue('2026-01-21T00:00:00Z'), childId: 'c2' },
    ]);
    // c1 CP 1/2, c1 CiC 0/2, c2 CP 1/2 → 2/6.
    expect(r.measures.visitsInTimescale).toEqual({ numerator: 2, denominator: 6 });
    expect(r.measures.seenAlone).toEqual({ numerator: 2, denominator: 2 });
  });

  it('observations: clear-cut 12-month margins', () => {
    // asOf 10 Mar 2026. q started 9 Mar 2025 (12 months passed): DUE. s started 12 Mar 2025: not.
    // a observed 9 Mar 2025 (outside the 12 months): DUE; b observed 12 Mar 2025 (inside): not.
    const o = (id: string, who: string, at: string) => ({ id, observedPractitionerId: who, observerId: 'm', observedAt: at, completedAt: at, copyToPractitioner: true, copyToLineManager: true, qaLeadNotified: true });
    const r = report(
      caseload('redcar-cleveland', '2026-03-10T09:00:00Z', {
        practitioners: [
          { id: 'q', startedAt: '2025-03-09T09:00:00Z' },
          { id: 's', startedAt: '2025-03-12T09:00:00Z' },
          { id: 'a', startedAt: '2020-01-01T09:00:00Z' },
          { id: 'b', startedAt: '2020-01-01T09:00:00Z' },
        ],
        observations: [o('oa', 'a', '2025-03-09T10:00:00Z'), o('ob', 'b', '2025-03-12T10:00:00Z')],
      }),
    );
    expect(r.warnings.map((w) => `${w.code}:${w.practitionerId}`).sort()).toEqual(['OBSERVATION_DUE:a', 'OBSERVATION_DUE:q']);
  });
});


// ---------------------------------------------------------------------------------------------
// Randomised differential checks against an independent reference calendar written here from
// the contract (§1) and the published England & Wales bank-holiday rules (NOT from src/): local
// dates from Intl's Europe/London, Easter by the Gregorian computus, substitute days, and the
// one-off days 2020-05-08 (moved early May), 2022-06-02/03, 2022-09-19, 2023-05-08.
// Day numbers are days since 1970-01-01 of a civil date.
// ---------------------------------------------------------------------------------------------
const DAY = 86_400_000;
const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function parts(ms: number) { const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value])); return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour!, min: +p.minute! }; }
/** local date as a day number (days since epoch of the civil date) */
function localDay(ms: number): number { const p = parts(ms); return Date.UTC(p.y, p.m - 1, p.d) / DAY; }
function startOfDay(day: number): number {
  const base = day * DAY;
  for (const c of [base - 3_600_000, base]) { const p = parts(c); if (Date.UTC(p.y, p.m - 1, p.d) / DAY === day && p.h === 0 && p.min === 0) return c; }
  throw new Error('no midnight');
}
const dn = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
const dayNo = dn;
const dow = (day: number) => new Date(day * DAY).getUTCDay();
function easter(y: number) { const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451); const month = Math.floor((h + l - 7 * m + 114) / 31); const day = ((h + l - 7 * m + 114) % 31) + 1; return dn(y, month, day); }
const firstMon = (y: number, m: number) => { let d = dn(y, m, 1); while (dow(d) !== 1) d++; return d; };
const lastMon = (y: number, m: number) => { let d = dn(y, m + 1, 1) - 1; while (dow(d) !== 1) d--; return d; };
function holidays(y: number): number[] {
  const h: number[] = [];
  let ny = dn(y, 1, 1); if (dow(ny) === 6) ny += 2; else if (dow(ny) === 0) ny += 1; h.push(ny);
  const e = easter(y); h.push(e - 2, e + 1);
  h.push(y === 2020 ? dn(2020, 5, 8) : firstMon(y, 5));
  h.push(y === 2022 ? dn(2022, 6, 2) : lastMon(y, 5));
  h.push(lastMon(y, 8));
  const xmas = dn(y, 12, 25), box = dn(y, 12, 26);
  if (dow(xmas) === 6) h.push(dn(y, 12, 27), dn(y, 12, 28)); // Sat/Sun → Mon, Tue
  else if (dow(xmas) === 0) h.push(dn(y, 12, 26), dn(y, 12, 27)); // Sun → Tue 27 for xmas, Mon 26 boxing
  else if (dow(xmas) === 5) h.push(xmas, dn(y, 12, 28)); // Fri, boxing Sat → Mon 28
  else h.push(xmas, box);
  if (y === 2022) h.push(dn(2022, 6, 3), dn(2022, 9, 19));
  if (y === 2023) h.push(dn(2023, 5, 8));
  return h;
}
const hol = new Set<number>(); for (let y = 2010; y <= 2046; y++) for (const d of holidays(y)) hol.add(d);
const isWorking = (day: number) => dow(day) !== 0 && dow(day) !== 6 && !hol.has(day);
function addWorking(day: number, n: number) { let d = day; let k = 0; while (k < n) { d++; if (isWorking(d)) k++; } return d; }
function addMonths(day: number, n: number) { const dt = new Date(day * DAY); const y = dt.getUTCFullYear(), m = dt.getUTCMonth() + n, d = dt.getUTCDate(); const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate(); return Date.UTC(y, m, Math.min(d, last)) / DAY; }
type Unit = 'hours' | 'same day' | 'next day' | 'days' | 'weeks' | 'months' | 'working days';
function resolve(t: number, n: number, unit: Unit): number {
  if (unit === 'hours') return t + n * 3_600_000;
  const D = localDay(t);
  const E = unit === 'same day' ? D : unit === 'next day' ? D + 1 : unit === 'days' ? D + n : unit === 'weeks' ? D + 7 * n : unit === 'months' ? addMonths(D, n) : addWorking(D, n);
  return startOfDay(E + 1);
}
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** end of the 2nd working day after asOf's local date */
const windowEnd = (asOf: number) => startOfDay(addWorking(localDay(asOf), 2) + 1);

/** Small deterministic PRNG (mulberry32) so failures are reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('differential: reference calendar vs the engine, 2015–2040', () => {
  it('reference calendar agrees with the contract’s own examples', () => {
    const days = (y: number) => holidays(y).map((d) => new Date(d * DAY).toISOString().slice(0, 10)).sort();
    expect(days(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    expect(days(2027)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
  });

  const lo = Date.parse('2015-01-01T00:00:00Z');
  const hi = Date.parse('2040-12-15T00:00:00Z');

  it('recording deadlines (5 working days / same day / next day / 24 hours) for 1,500 random instants', () => {
    const rnd = prng(20260412);
    const cases: Array<{ policy: Policy; c: Json; due: number }> = [];
    for (let i = 0; i < 1500; i++) {
      // minute-aligned instants, biased towards late evening to hit local/UTC date differences
      const base = lo + Math.floor(rnd() * ((hi - lo) / DAY)) * DAY;
      const t = base + (rnd() < 0.5 ? 22 * 3_600_000 + Math.floor(rnd() * 120) * 60_000 : Math.floor(rnd() * 1440) * 60_000);
      const kind = Math.floor(rnd() * 5);
      const occurredAt = new Date(t).toISOString();
      const id = `c${i}`;
      if (kind === 0) cases.push({ policy: 'redcar-cleveland', c: contact(id, occurredAt, [seenEntry('c1')], { criticalWorries: true }), due: resolve(t, 0, 'same day') });
      else if (kind === 1) cases.push({ policy: 'redcar-cleveland', c: contact(id, occurredAt, [seenEntry('c1')], { significantEvent: true }), due: resolve(t, 1, 'next day') });
      else if (kind === 2) cases.push({ policy: 'redcar-cleveland', c: contact(id, occurredAt, [seenEntry('c1')]), due: resolve(t, 5, 'working days') });
      else if (kind === 3) cases.push({ policy: 'middlesbrough', c: contact(id, occurredAt, [seenEntry('c1')], { setting: 'residential' }), due: resolve(t, 24, 'hours') });
      else cases.push({ policy: 'middlesbrough', c: contact(id, occurredAt, [seenEntry('c1')]), due: resolve(t, 5, 'working days') });
    }
    for (const policy of ['redcar-cleveland', 'middlesbrough'] as const) {
      const mine = cases.filter((x) => x.policy === policy);
      const r = report(caseload(policy, '2041-06-03T09:00:00Z', { children: [child('c1')], contacts: mine.map((x) => ({ ...x.c, completedAt: null })) }));
      const got = new Map(r.warnings.filter((w) => w.code === 'RECORDING_OVERDUE').map((w) => [w.contactId, w.due]));
      const mismatches = mine.filter((x) => got.get(x.c.id as string) !== iso(x.due)).map((x) => `${x.c.id as string} ${x.c.occurredAt as string} → expected ${iso(x.due)}, got ${got.get(x.c.id as string)}`);
      expect(mismatches.slice(0, 10)).toEqual([]);
    }
  });

  it('exhaustive: 5 working days from noon UTC on every day 2015-01-01 … 2040-12-24', () => {
    // One draft per day: E = 5th working day after that day, so every bank holiday in the range
    // (missing or extra) would move some deadline.
    const first = dayNo(2015, 1, 1);
    const last = dayNo(2040, 12, 24);
    const contacts: Json[] = [];
    for (let d = first; d <= last; d++) contacts.push(contact(`d${d}`, new Date(d * DAY + 12 * 3_600_000).toISOString(), [seenEntry('c1')], { completedAt: null }));
    const r = report(caseload('redcar-cleveland', '2041-06-03T09:00:00Z', { children: [child('c1')], contacts }));
    const got = new Map(r.warnings.filter((w) => w.code === 'RECORDING_OVERDUE').map((w) => [w.contactId, w.due]));
    const bad: string[] = [];
    for (let d = first; d <= last; d++) {
      const want = iso(startOfDay(addWorking(d, 5) + 1));
      if (got.get(`d${d}`) !== want) bad.push(`${new Date(d * DAY).toISOString().slice(0, 10)}: want ${want}, got ${got.get(`d${d}`)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('first visiting deadlines in every unit for 600 random starts', () => {
    const rnd = prng(77);
    const rules: Array<[Policy, string, number, Unit, string]> = [
      ['redcar-cleveland', 'section-47', 2, 'working days', 'seen'],
      ['redcar-cleveland', 'child-in-need', 20, 'working days', 'seen'],
      ['redcar-cleveland', 'child-protection', 48, 'hours', 'seen'],
      ['redcar-cleveland', 'child-in-care', 0, 'same day', 'seen'],
      ['redcar-cleveland', 'private-fostering', 7, 'days', 'seen'],
      ['redcar-cleveland', 'missing-return', 72, 'hours', 'seen'],
      ['redcar-cleveland', 'adoption', 1, 'weeks', 'seen'],
      ['middlesbrough', 'child-protection', 10, 'working days', 'seen'],
      ['middlesbrough', 'care-leaver', 8, 'weeks', 'contact'],
      ['middlesbrough', 'section-47', 24, 'hours', 'seen-alone'],
    ];
    for (const policy of ['redcar-cleveland', 'middlesbrough'] as const) {
      const children: Json[] = [];
      const expected: W[] = [];
      for (let i = 0; i < 300; i++) {
        const [, type, n, unit, requirement] = rules.filter((x) => x[0] === policy)[Math.floor(rnd() * rules.filter((x) => x[0] === policy).length)]!;
        const base = lo + Math.floor(rnd() * ((hi - lo) / DAY)) * DAY;
        const t = base + (rnd() < 0.5 ? 22 * 3_600_000 + Math.floor(rnd() * 120) * 60_000 : Math.floor(rnd() * 1440) * 60_000);
        children.push({ id: `k${i}`, dateOfBirth: '1990-01-01', involvements: [{ id: 'i', type, start: new Date(t).toISOString(), end: null }] });
        expected.push({ code: 'VISIT_OVERDUE', childId: `k${i}`, involvementId: 'i', requirement, due: iso(resolve(t, n, unit)) });
      }
      const r = report(caseload(policy, '2041-06-03T09:00:00Z', { children, contacts: [] }));
      const got = visitWarnings(r);
      const bad = expected.filter((e) => !got.some((g) => JSON.stringify(g) === JSON.stringify(e)));
      expect(bad.slice(0, 10)).toEqual([]);
      expect(got).toHaveLength(expected.length);
    }
  });

  it('N months from random starts around month ends (middlesbrough early-help visits: 1 month)', () => {
    const rnd = prng(4242);
    const children: Json[] = [];
    const contacts: Json[] = [];
    const expected: W[] = [];
    for (let i = 0; i < 300; i++) {
      // days 28–31 and month ends are the interesting ones
      const y = 2015 + Math.floor(rnd() * 25);
      const m = Math.floor(rnd() * 12);
      const d = rnd() < 0.6 ? new Date(Date.UTC(y, m + 1, 0)).getUTCDate() - Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 28);
      const t = Date.UTC(y, m, d) + (rnd() < 0.5 ? -30 * 60_000 : 10 * 3_600_000);
      children.push({ id: `k${i}`, dateOfBirth: '1990-01-01', involvements: [{ id: 'i', type: 'early-help', start: new Date(t).toISOString(), end: null }] });
      // meet the 3-working-day contact chain one minute after the start
      contacts.push(contact(`p${i}`, new Date(t + 60_000).toISOString(), [{ childId: `k${i}`, seen: false }], { mode: 'phone' }));
      expected.push({ code: 'VISIT_OVERDUE', childId: `k${i}`, involvementId: 'i', requirement: 'seen', due: iso(resolve(t, 1, 'months')) });
    }
    const r = report(caseload('middlesbrough', '2041-06-03T09:00:00Z', { children, contacts }));
    const got = visitWarnings(r);
    expect(expected.filter((e) => !got.some((g) => JSON.stringify(g) === JSON.stringify(e))).slice(0, 10)).toEqual([]);
    expect(got).toHaveLength(expected.length);
  });

  it('due-soon window and overdue boundary for 400 random asOf instants', () => {
    const rnd = prng(9);
    const mismatches: string[] = [];
    for (let i = 0; i < 400; i++) {
      const base = lo + Math.floor(rnd() * ((hi - lo) / DAY)) * DAY;
      const asOf = base + (rnd() < 0.5 ? 22 * 3_600_000 + Math.floor(rnd() * 120) * 60_000 : Math.floor(rnd() * 1440) * 60_000);
      // drafts from the previous 12 days, 5 working days each (redcar)
      const contacts = Array.from({ length: 6 }, (_, j) => {
        const t = asOf - Math.floor(rnd() * 12 * 24 * 60) * 60_000;
        return contact(`x${j}`, new Date(t).toISOString(), [seenEntry('c1')], { completedAt: null });
      });
      const r = report(caseload('redcar-cleveland', new Date(asOf).toISOString(), { children: [child('c1')], contacts }));
      const end = windowEnd(asOf);
      for (const c of contacts) {
        const due = resolve(Date.parse(c.occurredAt as string), 5, 'working days');
        const want = asOf >= due ? 'RECORDING_OVERDUE' : due <= end ? 'RECORDING_DUE_SOON' : undefined;
        const got = r.warnings.find((w) => w.code.startsWith('RECORDING_') && w.contactId === c.id)?.code;
        if (got !== want) mismatches.push(`asOf ${new Date(asOf).toISOString()} contact ${c.occurredAt as string}: want ${want}, got ${got}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Randomised differential check of §5 chains and the §7 visits measure against a reference walk
// written from the contract's words (phases, "passes the end of t's phase → next phase's
// interval from t", "falls in" = phase containing the instant just before due, literal walk).
// Cases the contract leaves open (reductionAgreedAt, agreedInterval, a short-breaks first visit
// after start + 3 months, contacts exactly at `end`) are not generated.
// ---------------------------------------------------------------------------------------------
type Dur = [number, Unit];
interface RefPhase { end: number; every: Dur | null; req: string }
interface RefChain { first: Dur; req: string; phases: RefPhase[] | null; fixedSecond?: number }

function refChains(policy: Policy, type: string, start: number, opts: { firstReviewAt?: number; stable?: boolean; dob: string }): RefChain[] {
  const R = (n: number, u: Unit) => resolve(start, n, u);
  const inf = Number.POSITIVE_INFINITY;
  const one = (end: number, every: Dur, req = 'seen'): RefPhase => ({ end, every, req });
  const [by, bm, bd] = opts.dob.split('-').map(Number) as [number, number, number];
  const birthday = (age: number) => startOfDay(dayNo(by + age, bm, bd));
  if (policy === 'redcar-cleveland') {
    switch (type) {
      case 'early-help': return [{ first: [5, 'working days'], req: 'contact', phases: null }, { first: [4, 'weeks'], req: 'seen', phases: [one(inf, [4, 'weeks'])] }];
      case 'section-47': return [{ first: [2, 'working days'], req: 'seen', phases: null }];
      case 'child-in-need': return [{ first: [20, 'working days'], req: 'seen', phases: [one(inf, [20, 'working days'])] }];
      case 'child-protection': return [{ first: [48, 'hours'], req: 'seen', phases: [one(inf, [10, 'working days'])] }];
      case 'child-in-care': return [{ first: [0, 'same day'], req: 'seen', phases: [one(R(4, 'weeks'), [1, 'weeks']), one(R(12, 'months'), [6, 'weeks']), one(inf, [6, 'weeks'])] }];
      case 'private-fostering': return [{ first: [7, 'days'], req: 'seen', phases: [one(R(12, 'months'), [6, 'weeks']), one(inf, [12, 'weeks'])] }];
      case 'missing-return': return [{ first: [72, 'hours'], req: 'seen', phases: null }];
      case 'care-leaver': return [{ first: [2, 'months'], req: 'by-phase', phases: [one(birthday(20), [2, 'months'], 'seen'), one(birthday(25), [6, 'months'], 'contact'), { end: inf, every: null, req: 'none' }] }];
      case 'adoption': {
        const fr = opts.firstReviewAt;
        return [{ first: [1, 'weeks'], req: 'seen', phases: fr === undefined ? [one(inf, [1, 'weeks'])] : [one(fr, [1, 'weeks']), one(resolve(fr, 12, 'months'), [6, 'weeks']), one(inf, [3, 'months'])] }];
      }
      case 'short-breaks': return [{ first: [7, 'days'], req: 'seen', phases: [one(inf, [6, 'months'])], fixedSecond: R(3, 'months') }];
      case 'temporary-approval': {
        const fr = opts.firstReviewAt;
        return [{ first: [1, 'weeks'], req: 'seen', phases: fr === undefined ? [one(inf, [1, 'weeks'])] : [one(fr, [1, 'weeks']), one(inf, [4, 'weeks'])] }];
      }
      case 'care-order-at-home': return [{ first: [1, 'weeks'], req: 'seen', phases: [one(R(12, 'months'), [6, 'weeks']), one(inf, [6, 'weeks'])] }];
    }
  } else {
    switch (type) {
      case 'early-help': return [{ first: [3, 'working days'], req: 'contact', phases: null }, { first: [1, 'months'], req: 'seen', phases: [one(inf, [1, 'months'])] }];
      case 'child-in-need': {
        const every: Dur = opts.stable ? [12, 'weeks'] : [20, 'working days'];
        return [{ first: [5, 'working days'], req: 'contact', phases: null }, { first: every, req: 'seen', phases: [one(inf, every)] }];
      }
      case 'section-47': return [{ first: [24, 'hours'], req: 'seen-alone', phases: null }];
      case 'child-protection': return [{ first: [10, 'working days'], req: 'seen', phases: [one(inf, [10, 'working days'])] }];
      case 'child-in-care': return [{ first: [1, 'weeks'], req: 'seen', phases: [one(R(4, 'weeks'), [1, 'weeks']), one(inf, [20, 'working days'])] }];
      case 'care-leaver': return [{ first: [8, 'weeks'], req: 'contact', phases: [one(inf, [8, 'weeks'], 'contact')] }];
    }
  }
  return [];
}

interface RefContact { at: number; inPerson: boolean; seen: boolean; alone: boolean }
const qualifies = (c: RefContact, req: string) => (req === 'contact' ? true : req === 'seen' ? c.inPerson && c.seen : c.inPerson && c.seen && c.alone);

/** Walk one chain; returns the measure contribution and the warning (if any). */
function refWalk(chain: RefChain, start: number, stop: number, ended: boolean, asOf: number, contacts: RefContact[]) {
  const phases = chain.phases;
  const reqOf = (due: number) => {
    if (chain.req !== 'by-phase' || !phases) return chain.req;
    return phases.find((p) => due - 1 < p.end)!.req;
  };
  const next = (t: number, count: number): number | null => {
    if (!phases) return null;
    if (chain.fixedSecond !== undefined && count === 1) return chain.fixedSecond;
    const i = phases.findIndex((p) => t < p.end);
    const p = phases[i]!;
    if (p.every === null) return null;
    const due = resolve(t, p.every[0], p.every[1]);
    if (due > p.end) {
      const q = phases[i + 1];
      if (!q || q.every === null) return null;
      return resolve(t, q.every[0], q.every[1]);
    }
    return due;
  };
  let due: number | null = resolve(start, chain.first[0], chain.first[1]);
  let count = 1;
  let num = 0;
  let den = 0;
  const walk = contacts.filter((c) => c.at >= start && c.at <= stop).sort((a, b) => a.at - b.at);
  for (const c of walk) {
    if (due === null) break;
    const req = reqOf(due);
    if (req === 'none') { due = null; break; }
    if (!qualifies(c, req)) continue;
    den++;
    if (c.at < due) num++;
    due = next(c.at, count);
    count++;
    if (due !== null && reqOf(due) === 'none') due = null;
  }
  let warning: W | null = null;
  if (due !== null && due <= stop) den++;
  if (due !== null && !ended) {
    const req = reqOf(due);
    if (asOf >= due) warning = { code: 'VISIT_OVERDUE', requirement: req, due: iso(due) };
    else if (due <= windowEnd(asOf)) warning = { code: 'VISIT_DUE_SOON', requirement: req, due: iso(due) };
  }
  return { num, den, warning };
}

describe('differential: §5 chains and the §7 visits measure against a reference walk', () => {
  const types: Record<Policy, string[]> = {
    'redcar-cleveland': ['early-help', 'section-47', 'child-in-need', 'child-protection', 'child-in-care', 'private-fostering', 'missing-return', 'care-leaver', 'adoption', 'short-breaks', 'temporary-approval', 'care-order-at-home'],
    middlesbrough: ['early-help', 'child-in-need', 'section-47', 'child-protection', 'child-in-care', 'care-leaver'],
  };
  const modes = ['home-visit', 'visit-elsewhere', 'video', 'phone', 'message'];
  for (const policy of ['redcar-cleveland', 'middlesbrough'] as const) {
    it(`${policy}: 1,500 random children`, () => {
      const rnd = prng(policy === 'middlesbrough' ? 31337 : 2718);
      const asOf = Date.parse('2031-03-12T09:30:00Z');
      const children: Json[] = [];
      const contacts: Json[] = [];
      const expected: W[] = [];
      let num = 0;
      let den = 0;
      for (let i = 0; i < 1500; i++) {
        const type = types[policy][Math.floor(rnd() * types[policy].length)]!;
        const span = Math.floor(rnd() * 600) + 1; // days before asOf
        const start = asOf - span * DAY + Math.floor(rnd() * 1440) * 60_000;
        const ageDays = 17 * 365 + Math.floor(rnd() * 7 * 365);
        const dob = new Date(start - ageDays * DAY).toISOString().slice(0, 10);
        const firstReviewAt = rnd() < 0.6 ? start + Math.floor(rnd() * 120) * DAY + Math.floor(rnd() * 1440) * 60_000 : undefined;
        const stable = rnd() < 0.5;
        const ended = rnd() < 0.15;
        const end = ended ? start + Math.floor(rnd() * (asOf - start)) + 1 : undefined;
        const chains = refChains(policy, type, start, { firstReviewAt, stable, dob });
        // contacts: a random walk of gaps, some before start and after asOf
        const mine: RefContact[] = [];
        let t = start - Math.floor(rnd() * 5 * 1440) * 60_000;
        const n = Math.floor(rnd() * 14);
        for (let k = 0; k < n; k++) {
          t += Math.floor(rnd() * (rnd() < 0.5 ? 10 : 60) * 1440) * 60_000 + 60_000;
          // a fifth of contacts exactly at a local midnight, where day-based deadlines fall
          if (rnd() < 0.2) t = startOfDay(localDay(t) + 1);
          if (end !== undefined && Math.abs(t - end) < 60_000) continue;
          const mode = modes[Math.floor(rnd() * modes.length)]!;
          const c: RefContact = { at: t, inPerson: mode === 'home-visit' || mode === 'visit-elsewhere', seen: rnd() < 0.75, alone: rnd() < 0.6 };
          mine.push(c);
          contacts.push(contact(`k${i}v${k}`, new Date(t).toISOString(), [{ childId: `k${i}`, seen: c.seen, seenAlone: c.alone, seenAloneReason: 'other', bedroomSeen: true, managerInformed: true }], { mode }));
        }
        // short-breaks: the contract leaves open a first visit at/after start + 3 months
        if (type === 'short-breaks') {
          const firstSeen = mine.filter((c) => c.at >= start && c.inPerson && c.seen).sort((a, b) => a.at - b.at)[0];
          if (firstSeen && firstSeen.at >= chains[0]!.fixedSecond!) {
            contacts.splice(contacts.length - mine.length, mine.length);
            mine.length = 0;
          }
        }
        children.push({
          id: `k${i}`,
          dateOfBirth: dob,
          involvements: [{ id: 'i', type, start: new Date(start).toISOString(), end: end === undefined ? null : new Date(end).toISOString(), ...(firstReviewAt !== undefined ? { firstReviewAt: new Date(firstReviewAt).toISOString() } : {}), stableComplexNeeds: stable }],
        });
        const stop = end !== undefined && end <= asOf ? end : asOf;
        for (const chain of chains) {
          const w = refWalk(chain, start, stop, end !== undefined && end <= asOf, asOf, mine);
          num += w.num;
          den += w.den;
          if (w.warning) expected.push({ ...w.warning, childId: `k${i}`, involvementId: 'i' });
        }
      }
      const r = report(caseload(policy, new Date(asOf).toISOString(), { children, contacts }));
      const key = (w: W) => JSON.stringify([w.childId, w.code, w.requirement, w.due]);
      const got = visitWarnings(r).map(key).sort();
      const want = expected.map((w) => key({ ...w, code: w.code })).sort();
      const missing = want.filter((k) => !got.includes(k));
      const extra = got.filter((k) => !want.includes(k));
      const describeChild = (k: string) => {
        const id = JSON.parse(k)[0] as string;
        const c = children.find((x) => x.id === id)!;
        return `${k} ${JSON.stringify(c.involvements)} dob=${c.dateOfBirth as string} contacts=${JSON.stringify(contacts.filter((x) => (x.children as Json[])[0]!.childId === id).map((x) => [x.occurredAt, x.mode, (x.children as Json[])[0]!.seen, (x.children as Json[])[0]!.seenAlone]))}`;
      };
      expect({ missing: missing.slice(0, 3).map(describeChild), extra: extra.slice(0, 3).map(describeChild) }).toEqual({ missing: [], extra: [] });
      expect(r.measures.visitsInTimescale).toEqual({ numerator: num, denominator: den });
    });
  }
});

describe('the compliance command (spawned)', () => {
  const exec = promisify(execFile);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'rules-review-'));
  async function cli(file: string) {
    try {
      const { stdout, stderr } = await exec('npm', ['run', '--silent', 'compliance', '--', file], { cwd: root });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  const good = caseload('redcar-cleveland', '2026-04-09T09:00:00Z', { children: [child('c1', [inv('section-47', '2026-04-02T14:00:00Z')])], contacts: [] });

  it('exit 0 with the report; unknown extra fields ignored', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify({ ...good, extra: { a: 1 }, children: [{ ...(good.children as Json[])[0], favouriteColour: 'blue' }] }));
    const r = await cli(file);
    expect(r.code).toBe(0);
    expect(visitWarnings(JSON.parse(r.stdout) as Report)).toEqual([overdue('2026-04-08T23:00:00Z')]);
  });

  it('exit 2, one line naming the bad field path', async () => {
    const file = join(dir, 'bad.json');
    const bad = structuredClone(good) as { children: Array<{ involvements: Json[] }> };
    (bad.children[0]!.involvements[0] as Json).start = 'next Tuesday';
    writeFileSync(file, JSON.stringify(bad));
    const r = await cli(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('children[0].involvements[0].start');
  });

  it('exit 2 for a missing file and for non-JSON', async () => {
    const missing = await cli(join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const file = join(dir, 'notjson.json');
    writeFileSync(file, '{ this is not json');
    const notJson = await cli(file);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr.trim().split('\n')).toHaveLength(1);
  });
});
