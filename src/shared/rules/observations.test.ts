import { describe, expect, it } from 'vitest';
import type { Observation } from '../model/observation.ts';
import { evaluate } from './evaluate.ts';
import { redcarCleveland as redcar } from './packs/redcar-cleveland.ts';
import { records } from './test-helpers.ts';

const practitioner = { id: 'p1', name: 'Jo Marlowe-Tate', startedAt: '2024-04-01T09:00:00Z', lineManagerId: 'm1' };
const observation = (extra: Partial<Observation> = {}): Observation => ({
  id: 'o1',
  observedPractitionerId: 'p1',
  observerId: 'm1',
  observedAt: '2025-03-03T10:00:00Z',
  completedAt: '2025-03-04T12:00:00Z',
  copyToPractitioner: true,
  copyToLineManager: true,
  qaLeadNotified: true,
  ...extra,
});
const check = (observations: Observation[], asOf: string, started = practitioner.startedAt) =>
  evaluate(records([], [], { practitioners: [{ ...practitioner, startedAt: started }], observations }), redcar, asOf).warnings;

describe('practice observations', () => {
  it('a practitioner observed within the last 12 months is not due', () => {
    // observed Mon 3 Mar 2025: covered until resolve(3 Mar 2025, 12 months) = 00:00 Wed 4 Mar 2026
    expect(check([observation()], '2026-03-03T23:59:59Z')).toEqual([]);
  });

  it('is due once 12 months have passed since the last completed observation', () => {
    expect(check([observation()], '2026-03-04T00:00:00Z')).toEqual([
      expect.objectContaining({
        code: 'OBSERVATION_DUE',
        practitionerId: 'p1',
        due: '2026-03-04T00:00:00Z',
        message: 'Practice observation due: Jo Marlowe-Tate needed a practice observation by Tue 3 Mar',
      }),
    ]);
  });

  it('a new starter is not due until 12 months after they started', () => {
    expect(check([], '2026-09-01T09:00:00Z', '2025-09-01T09:00:00Z')).toEqual([]);
    expect(check([], '2026-09-02T00:00:00Z', '2025-09-01T09:00:00Z').map((w) => w.code)).toEqual(['OBSERVATION_DUE']);
  });

  it('counts from when it is completed, even before the time of day observedAt gives the day observed', () => {
    // The form stores the day observed as 12:00 UTC; the observer completed it at 09:30 that day.
    const sameMorning = observation({ observedAt: '2026-12-03T12:00:00Z', completedAt: '2026-12-03T09:30:00Z' });
    expect(check([sameMorning], '2026-12-03T09:40:00Z', '2025-10-03T09:00:00Z')).toEqual([]);
    expect(check([sameMorning], '2026-12-03T09:20:00Z', '2025-10-03T09:00:00Z').map((w) => w.code)).toEqual(['OBSERVATION_DUE']);
  });

  it('an observation not yet completed does not count', () => {
    expect(check([observation({ completedAt: null, observedAt: '2026-01-05T10:00:00Z' })], '2026-03-10T09:00:00Z').map((w) => w.code)).toEqual([
      'OBSERVATION_DUE',
    ]);
  });

  it('a completed observation needs copies to the practitioner and line manager, and the QA lead told', () => {
    const warnings = check([observation({ observedAt: '2026-01-05T10:00:00Z', copyToLineManager: false, qaLeadNotified: false })], '2026-03-10T09:00:00Z');
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'OBSERVATION_FOLLOW_UP',
        observationId: 'o1',
        practitionerId: 'p1',
        message:
          "Practice observation follow-up: for Jo Marlowe-Tate's observation on Mon 5 Jan, send a copy to their line manager, notify the QA lead / principal social worker",
      }),
    ]);
  });

  it('an observation still being written needs no follow-up yet', () => {
    const warnings = check([observation({ observedAt: '2026-03-09T10:00:00Z', completedAt: null, qaLeadNotified: false })], '2026-03-10T09:00:00Z');
    expect(warnings.map((w) => w.code)).toEqual(['OBSERVATION_DUE']); // due, but nothing to follow up yet
  });
});
