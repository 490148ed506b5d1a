import { describe, expect, it } from 'vitest';
import { runCompliance } from '../../../cli/compliance-command.ts';
import type { CaseloadRecords, Contact } from '../../../shared/model';
import { evaluate } from '../../../shared/rules';
import type { Account } from '../../device/sync';
import { authorshipOf, UNKNOWN_AUTHOR } from './authors';
import { caseloadFile, complianceCsvOf, figuresCsv } from './downloads';
import { dayFromCivil } from '../../../shared/rules';
import { describePeriod } from './dashboard-page';
import { checkChosenDates, periodBetween, periodEndingAt, PERIOD_OPTIONS } from './periods';
import { measuresOver, teamFigures } from './team-figures';

const NOW = Date.parse('2026-06-15T12:00:00Z'); // a Monday
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();
const POLICY = 'redcar-cleveland';

const ravi = {
  id: 'child-ravi',
  name: 'Ravi Hollingsworth',
  dateOfBirth: '2016-05-01',
  involvements: [{ id: 'inv-ravi', type: 'child-protection' as const, start: ago(120) }],
};
const juno = {
  id: 'child-juno',
  name: 'Juno Abernethy-Kaur',
  dateOfBirth: '2012-02-10',
  involvements: [{ id: 'inv-juno', type: 'child-in-need' as const, start: ago(70) }],
};

function visit(id: string, childId: string, occurred: number, completed: number | null, seenAlone: boolean): Contact {
  return {
    id,
    occurredAt: ago(occurred),
    mode: 'home-visit',
    significantEvent: false,
    completedAt: completed === null ? null : ago(completed),
    children: [{ childId, seen: true, seenAlone, seenAloneReason: seenAlone ? null : 'Child asleep', bedroomSeen: true }],
  };
}

// Redcar & Cleveland: a note is due within 5 working days of the visit.
const records: CaseloadRecords = {
  children: [ravi, juno],
  contacts: [
    visit('visit-old', 'child-ravi', 60, 59, true), // in time, before the last 4 weeks
    visit('visit-late', 'child-ravi', 20, 5, false), // finished 15 days on: late
    visit('visit-recent', 'child-juno', 3, 2, true), // in time
    visit('visit-missing', 'child-juno', 14, null, true), // not written, deadline passed: late
  ],
  practitioners: [{ id: 'p-you', name: 'Morgan Quist', startedAt: ago(800) }],
  observations: [],
};

const account: Account = {
  user: { id: '0190a0b0-0000-7000-8000-000000000001', name: 'Morgan Quist', email: 'm@example.test', role: 'manager', teamId: null, lineManagerId: null },
  expiresAt: new Date(NOW + DAY).toISOString(),
};
// Ravi and the first two visits were written on this device; the rest only pulled.
const authorship = authorshipOf(
  [
    { id: 'child-ravi', localVersion: 2 },
    { id: 'visit-old', localVersion: 1 },
    { id: 'visit-late', localVersion: 3 },
    { id: 'child-juno', localVersion: 0 },
    { id: 'visit-recent', localVersion: 0 },
    { id: 'visit-missing', localVersion: 0 },
  ],
  account,
);

describe('the team figures', () => {
  it('over everything up to now are exactly the measures evaluate gives, as the compliance command reports them', () => {
    const figures = teamFigures(records, POLICY, periodEndingAt('to-date', NOW), authorship);
    expect(figures.team).toEqual(evaluate(records, POLICY, NOW).measures);
    const file = caseloadFile(records, POLICY, NOW);
    const report = JSON.parse(runCompliance(['caseload.json'], () => JSON.stringify(file)).stdout) as { measures: unknown };
    expect(figures.team).toEqual(report.measures);
    expect(figures.team.recordedInTimescale).toEqual({ numerator: 2, denominator: 4 });
    expect(figures.team.seenAlone).toEqual({ numerator: 2, denominator: 3 });
  });

  it('over the last 4 weeks count only the notes finished or overdue in them', () => {
    const figures = teamFigures(records, POLICY, periodEndingAt('last-4-weeks', NOW), authorship);
    // visit-old was finished 59 days ago: outside. The late, recent and missing notes count.
    expect(figures.team.recordedInTimescale).toEqual({ numerator: 1, denominator: 3 });
    // Seen alone counts when a note is finished: the late (not alone) and the recent (alone).
    expect(figures.team.seenAlone).toEqual({ numerator: 1, denominator: 2 });
  });

  it.each(PERIOD_OPTIONS.map((o) => o.id))('over %s, the practitioners add up to the team, and no figure is below 0', (id) => {
    const figures = teamFigures(records, POLICY, periodEndingAt(id, NOW), authorship);
    for (const key of ['seenAlone', 'recordedInTimescale', 'visitsInTimescale'] as const) {
      const sum = figures.practitioners.reduce(
        (acc, p) => ({ numerator: acc.numerator + p.measures[key].numerator, denominator: acc.denominator + p.measures[key].denominator }),
        { numerator: 0, denominator: 0 },
      );
      expect(sum, key).toEqual(figures.team[key]);
      for (const { measures } of [{ measures: figures.team }, ...figures.practitioners]) {
        expect(measures[key].numerator).toBeGreaterThanOrEqual(0);
        expect(measures[key].numerator).toBeLessThanOrEqual(measures[key].denominator);
      }
    }
  });

  it('splits the notes by who wrote them, and a child’s visits by who holds the child', () => {
    const figures = teamFigures(records, POLICY, periodEndingAt('to-date', NOW), authorship);
    expect(figures.practitioners.map((p) => p.name)).toEqual(['Morgan Quist (you)', 'Not known on this device']);
    const [you, unknown] = figures.practitioners;
    expect(you!.measures.recordedInTimescale).toEqual({ numerator: 1, denominator: 2 });
    expect(unknown!.measures.recordedInTimescale).toEqual({ numerator: 1, denominator: 2 });
    const raviOnly = evaluate({ children: [ravi], contacts: records.contacts }, POLICY, NOW).measures.visitsInTimescale;
    expect(you!.measures.visitsInTimescale).toEqual(raviOnly);
    expect(raviOnly.denominator).toBeGreaterThan(0);
  });

  it('a span’s figures are the measures at its end less those just before its start', () => {
    const span = { from: NOW - 40 * DAY, to: NOW };
    const end = evaluate(records, POLICY, span.to).measures;
    const before = evaluate(records, POLICY, span.from - 1).measures;
    expect(measuresOver(records, POLICY, span).visitsInTimescale).toEqual({
      numerator: end.visitsInTimescale.numerator - before.visitsInTimescale.numerator,
      denominator: end.visitsInTimescale.denominator - before.visitsInTimescale.denominator,
    });
  });

  it('lists what is overdue now, longest overdue first, with whose it is; and the observation due', () => {
    const figures = teamFigures(records, POLICY, periodEndingAt('last-4-weeks', NOW), authorship);
    const expected = evaluate(records, POLICY, NOW).warnings.filter((w) => w.code === 'VISIT_OVERDUE' || w.code === 'RECORDING_OVERDUE');
    expect(figures.overdue.map((o) => o.warning)).toEqual(expect.arrayContaining(expected));
    expect(figures.overdue).toHaveLength(expected.length);
    const dues = figures.overdue.map((o) => o.warning.due ?? '');
    expect(dues).toEqual([...dues].sort());
    const missing = figures.overdue.find((o) => o.warning.contactId === 'visit-missing');
    expect(missing?.author).toBe('Not known on this device');
    // Morgan started 800 days ago and has had no practice observation.
    expect(figures.observations.map((w) => w.code)).toEqual(['OBSERVATION_DUE']);
  });
});

describe('who wrote what', () => {
  it('names other authors "Practitioner 1", "Practitioner 2" in a stable order, after the signed-in user', () => {
    const byServer = new Map([
      ['a', 'user-b'],
      ['b', 'user-a'],
      ['c', 'me'],
      ['d', null],
    ]);
    const result = authorshipOf(
      ['a', 'b', 'c', 'd'].map((id) => ({ id, localVersion: 0 })),
      { ...account, user: { ...account.user, id: 'me', name: 'Sam Pike' } },
      { authorOf: (record) => byServer.get(record.id) ?? null },
    );
    expect([...result.names.values()]).toEqual(['Sam Pike (you)', 'Practitioner 1', 'Practitioner 2', 'Not known on this device']);
    expect(result.names.get('user-a')).toBe('Practitioner 1');
    expect(result.byRecordId.get('d')).toBe(UNKNOWN_AUTHOR);
  });

  it('takes the author from the server\'s createdBy and the name from the team, then the account for records made here', () => {
    const me = { ...account, user: { ...account.user, id: 'me', name: 'Sam Pike' } };
    const team = [
      { id: 'user-z', name: 'Ziggy Adeyemi' },
      { id: 'user-y', name: 'Bea Hollis' },
      { id: 'me', name: 'Sam Pike' },
    ];
    const result = authorshipOf(
      [
        { id: 'a', localVersion: 0, createdBy: 'user-z' },
        { id: 'b', localVersion: 2, createdBy: 'user-y' }, // edited here, still Bea's
        { id: 'c', localVersion: 1 }, // made here, not pulled back yet
        { id: 'd', localVersion: 0, createdBy: 'me' },
        { id: 'e', localVersion: 0, createdBy: 'user-gone' }, // no longer in the team
        { id: 'f', localVersion: 0 }, // pulled before the device kept createdBy
      ],
      me,
      { team },
    );
    expect([...result.byRecordId]).toEqual([
      ['a', 'user-z'],
      ['b', 'user-y'],
      ['c', 'me'],
      ['d', 'me'],
      ['e', 'user-gone'],
      ['f', UNKNOWN_AUTHOR],
    ]);
    expect([...result.names.values()]).toEqual(['Sam Pike (you)', 'Bea Hollis', 'Ziggy Adeyemi', 'Practitioner 1', 'Not known on this device']);
  });

  it('calls the device user "You (this device)" when no account is kept on it', () => {
    expect([...authorshipOf([{ id: 'x', localVersion: 1 }], null).names.values()]).toEqual(['You (this device)']);
  });
});

describe('the downloads', () => {
  it('the CSV is what compliance --csv prints for the exported caseload file', () => {
    const file = caseloadFile(records, POLICY, NOW);
    const command = runCompliance(['--csv', 'caseload.json'], () => JSON.stringify(file));
    expect(command.code).toBe(0);
    expect(complianceCsvOf(file)).toBe(command.stdout);
    expect(command.stdout).toContain('RECORDING_OVERDUE');
  });

  it('the figures CSV quotes a name holding a comma', () => {
    const measures = evaluate(records, POLICY, NOW).measures;
    const csv = figuresCsv(measures, [{ key: 'k', name: 'Pike, Sam', measures }], '2026-05-19', '2026-06-15');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('from,to,practitioner,measure,numerator,denominator,percentage');
    expect(lines[1]).toBe('2026-05-19,2026-06-15,Team,seenAlone,2,3,67');
    expect(lines[4]).toBe('2026-05-19,2026-06-15,"Pike, Sam",seenAlone,2,3,67');
  });
});

describe('the periods', () => {
  it('this financial year starts on the 1 April before', () => {
    expect(periodEndingAt('financial-year', Date.parse('2027-02-10T12:00:00Z')).fromDate).toBe('2026-04-01');
    expect(periodEndingAt('financial-year', Date.parse('2026-04-01T00:30:00+01:00')).fromDate).toBe('2026-04-01');
    expect(periodEndingAt('financial-year', Date.parse('2026-03-31T23:30:00+01:00')).fromDate).toBe('2025-04-01');
  });

  it('the last 4 weeks are today and the 27 days before; the last 3 months start the day after that date 3 months ago', () => {
    const now = Date.parse('2026-05-31T09:00:00+01:00');
    expect(periodEndingAt('last-4-weeks', now).fromDate).toBe('2026-05-04');
    expect(periodEndingAt('last-3-months', now).fromDate).toBe('2026-03-01');
    // 00:00 in London, which is 23:00 UTC the day before in summer time
    expect(periodEndingAt('last-4-weeks', now).from).toBe(Date.parse('2026-05-04T00:00:00+01:00'));
    expect(periodEndingAt('to-date', now)).toEqual({ id: 'to-date', fromDate: null, from: null, to: now });
  });

  it('chosen dates run from 00:00 London time on From to the end of To, or to now when To is today', () => {
    const now = Date.parse('2026-11-23T15:00:00Z');
    const september = periodBetween(dayFromCivil(2026, 9, 1), dayFromCivil(2026, 9, 30), now);
    expect(september).toEqual({
      id: 'choose-dates',
      fromDate: '2026-09-01',
      from: Date.parse('2026-09-01T00:00:00+01:00'),
      to: Date.parse('2026-09-30T23:59:59.999+01:00'),
      toDate: '2026-09-30',
    });
    expect(describePeriod(september)).toBe('from 1 September 2026 to 30 September 2026');
    // The clocks go back on 25 October 2026: that day has 25 hours, and the next starts at 00:00 GMT.
    expect(periodBetween(dayFromCivil(2026, 10, 25), dayFromCivil(2026, 10, 25), now).to).toBe(Date.parse('2026-10-25T23:59:59.999Z'));
    expect(periodBetween(dayFromCivil(2026, 11, 1), dayFromCivil(2026, 11, 23), now).to).toBe(now);
  });

  it('checks chosen dates the GOV.UK way', () => {
    const now = Date.parse('2026-11-23T23:30:00Z');
    const ids = { from: 'f', to: 't' };
    const date = (day: string, month: string, year: string) => ({ day, month, year });
    expect(checkChosenDates(date('1', '9', '2026'), date('23', '11', '2026'), now, ids)).toEqual({ ok: true, fromDay: dayFromCivil(2026, 9, 1), toDay: dayFromCivil(2026, 11, 23) });
    expect(checkChosenDates(date('', '', ''), date('29', '2', '2026'), now, ids)).toEqual({
      ok: false,
      errors: [
        { fieldId: 'f-day', message: 'Enter a real date for From' },
        { fieldId: 't-day', message: 'Enter a real date for To' },
      ],
    });
    expect(checkChosenDates(date('2', '9', '2026'), date('1', '9', '2026'), now, ids)).toEqual({ ok: false, errors: [{ fieldId: 'f-day', message: 'From must be on or before To' }] });
    expect(checkChosenDates(date('1', '9', '2026'), date('24', '11', '2026'), now, ids)).toEqual({ ok: false, errors: [{ fieldId: 't-day', message: 'To must be today or in the past' }] });
  });
});
