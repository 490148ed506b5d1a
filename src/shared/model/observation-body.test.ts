import { describe, expect, it } from 'vitest';
import { checkObservations } from '../rules/observations.ts';
import { findPolicyPack } from '../rules/packs/index.ts';
import { observationBodySchema, toObservationBody } from './observation-body.ts';
import { emptyObservationForm, toObservation, type ObservationForm } from './observation-form.ts';
import { recordBodySchemas } from './record-bodies.ts';

const completed: ObservationForm = {
  ...emptyObservationForm(),
  step: 8,
  practitionerName: 'Sam Practitioner',
  practitionerId: ' p1 ',
  observerName: 'Alex Observer',
  observerId: 'm1',
  observedOn: { day: '3', month: '11', year: '2025' },
  nature: 'home-visit',
  completedAt: '2025-11-04T12:00:00.000Z',
  copyToPractitioner: true,
  copyToLineManager: false,
  qaLeadNotified: true,
};

describe('toObservation', () => {
  it('maps a completed form onto the shared observation record', () => {
    expect(toObservation('o1', completed)).toEqual({
      id: 'o1',
      observedPractitionerId: 'p1',
      observerId: 'm1',
      observedAt: '2025-11-03T12:00:00Z',
      completedAt: '2025-11-04T12:00:00.000Z',
      copyToPractitioner: true,
      copyToLineManager: false,
      qaLeadNotified: true,
    });
  });

  it('keeps the observed date in Europe/London in summer too (12:00 UTC is 13:00 BST)', () => {
    expect(toObservation('o1', { ...completed, observedOn: { day: '30', month: '6', year: '2025' } }).observedAt).toBe('2025-06-30T12:00:00Z');
  });

  it('refuses a form without the practitioner, the observer or a real date', () => {
    expect(() => toObservation('o1', { ...completed, practitionerId: ' ' })).toThrow();
    expect(() => toObservation('o1', { ...completed, observedOn: { day: '31', month: '2', year: '2025' } })).toThrow();
  });

  it('gives the rules a follow-up warning when the line manager has not had a copy', () => {
    const out: Parameters<typeof checkObservations>[5] = [];
    const pack = findPolicyPack('redcar-cleveland')!;
    const observation = toObservationBody(completed, 'o1').observation;
    checkObservations(pack, [], [toObservation('o1', completed)], () => 'Sam', Date.parse('2025-11-05T00:00:00Z'), out);
    expect(observation).toMatchObject({ observedPractitionerId: 'p1', copyToLineManager: false });
    expect(out).toEqual([expect.objectContaining({ code: 'OBSERVATION_FOLLOW_UP', observationId: 'o1', practitionerId: 'p1' })]);
  });

  it('builds a body its schema accepts, complete or not', () => {
    for (const form of [completed, emptyObservationForm(), { ...emptyObservationForm(), practitionerId: 'p1' }]) {
      expect(observationBodySchema.safeParse(toObservationBody(form, 'o1')).error).toBeUndefined();
      expect(recordBodySchemas.observation.safeParse(toObservationBody(form, 'o1')).error).toBeUndefined();
    }
  });

  it('stores as much of the observation as a draft has so far', () => {
    const draft = { ...emptyObservationForm(), practitionerId: 'p1' };
    expect(toObservationBody(draft, 'o2').observation).toEqual({
      id: 'o2',
      observedPractitionerId: 'p1',
      completedAt: null,
      copyToPractitioner: false,
      copyToLineManager: false,
      qaLeadNotified: false,
    });
  });
});
