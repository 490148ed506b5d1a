import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVOLVEMENT_TYPES, type CaseloadRecords, type Contact } from '../../../shared/model';
import { evaluate } from '../../../shared/rules';
import { measuresOver, MEASURE_KEYS } from './team-figures';

const DAY = 86_400_000;
const BASE = Date.parse('2025-01-06T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const contact = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  hour: fc.integer({ min: 0, max: 23 }),
  finishedAfterDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  mode: fc.constantFrom('home-visit', 'visit-elsewhere', 'phone', 'video'),
  seen: fc.boolean(),
  seenAlone: fc.option(fc.boolean(), { nil: null }),
  significantEvent: fc.boolean(),
  residential: fc.boolean(),
});

const caseload = fc.record({
  type: fc.constantFrom(...INVOLVEMENT_TYPES),
  startDay: fc.integer({ min: 0, max: 200 }),
  endDay: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  contacts: fc.array(contact, { maxLength: 12 }),
});

type Generated = typeof caseload extends fc.Arbitrary<infer T> ? T : never;

function recordsOf(c: Generated): CaseloadRecords {
  const start = BASE + c.startDay * DAY;
  const contacts: Contact[] = c.contacts.map((v, i) => {
    const at = BASE + v.day * DAY + v.hour * 3_600_000;
    return {
      id: `v${i}`,
      occurredAt: iso(at),
      mode: v.mode as Contact['mode'],
      setting: v.residential ? 'residential' : 'community',
      significantEvent: v.significantEvent,
      completedAt: v.finishedAfterDays === null ? null : iso(at + v.finishedAfterDays * DAY + 3_600_000),
      children: [{ childId: 'c1', seen: v.seen, seenAlone: v.seen ? v.seenAlone : null, bedroomSeen: true }],
    };
  });
  const end = c.endDay === null ? null : iso(Math.max(start, BASE + c.endDay * DAY));
  return {
    children: [{ id: 'c1', name: 'Sam', dateOfBirth: '2008-03-01', involvements: [{ id: 'i1', type: c.type, start: iso(start), end }] }],
    contacts,
  };
}

// The dashboard's period figures are the measures at the end less those before the start. That
// holds only if whatever a measure has counted by one instant stays counted, and counted the
// same way, at every later instant: so over any span nothing goes below 0 and no more can be
// in time than were counted.
describe('figures over a period', () => {
  it.each(['redcar-cleveland', 'middlesbrough'])('are never negative and never more in time than counted (%s)', (policy) => {
    fc.assert(
      fc.property(caseload, fc.integer({ min: 0, max: 450 }), fc.integer({ min: 0, max: 450 }), (c, x, y) => {
        const records = recordsOf(c);
        const [from, to] = [BASE + Math.min(x, y) * DAY + 1, BASE + Math.max(x, y) * DAY + DAY / 2];
        const figures = measuresOver(records, policy, { from, to });
        for (const key of MEASURE_KEYS) {
          expect(figures[key].numerator, key).toBeGreaterThanOrEqual(0);
          expect(figures[key].numerator, key).toBeLessThanOrEqual(figures[key].denominator);
        }
        // and with no start they are evaluate's own
        expect(measuresOver(records, policy, { from: null, to })).toEqual(evaluate(records, policy, to).measures);
      }),
      { numRuns: 300 },
    );
  });
});
