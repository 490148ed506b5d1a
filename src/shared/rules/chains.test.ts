import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { redcarCleveland as redcar } from './packs/redcar-cleveland.ts';
import { child, involvement, phoneCall, records, visit, walk } from './test-helpers.ts';

// Redcar & Cleveland child protection from Mon 5 Jan 2026 15:00Z: first due = 48 h = Wed 7 Jan 15:00Z.
const plan = (extra = {}) => child([involvement('child-protection', '2026-01-05T15:00:00Z', extra)]);

describe('walking a visiting chain', () => {
  it('a visit exactly at the deadline is late, and the chain carries on from it', () => {
    const walked = walk(redcar, plan(), [visit('2026-01-07T15:00:00Z')], '2026-01-08T09:00:00Z');
    expect(walked.met).toEqual([{ due: '2026-01-07T15:00:00Z', inTime: false, requirement: 'seen' }]);
    // Wed 7 Jan + 10 working days = Wed 21 Jan → due 00:00 Thu 22 Jan
    expect(walked.next?.due).toBe('2026-01-22T00:00:00Z');
  });

  it('a visit one millisecond before the deadline is in time', () => {
    expect(walk(redcar, plan(), [visit('2026-01-07T14:59:59.999Z')], '2026-01-08T09:00:00Z').met[0]?.inTime).toBe(true);
  });

  it('a visit before the involvement started does not count', () => {
    const walked = walk(redcar, plan(), [visit('2026-01-05T14:59:00Z')], '2026-01-06T09:00:00Z');
    expect(walked.met).toEqual([]);
    expect(walked.next?.due).toBe('2026-01-07T15:00:00Z');
  });

  it('a phone call, or a visit where the child was not seen, does not count as seen', () => {
    const notSeen = visit('2026-01-06T10:00:00Z', {}, { seen: false, seenAlone: null });
    const walked = walk(redcar, plan(), [phoneCall('2026-01-06T09:00:00Z'), notSeen], '2026-01-06T12:00:00Z');
    expect(walked.met).toEqual([]);
  });

  it('a visit after asOf is not counted yet', () => {
    expect(walk(redcar, plan(), [visit('2026-01-07T10:00:00Z')], '2026-01-06T12:00:00Z').met).toEqual([]);
  });

  it('a visit exactly at asOf is counted', () => {
    expect(walk(redcar, plan(), [visit('2026-01-06T12:00:00Z')], '2026-01-06T12:00:00Z').met).toHaveLength(1);
  });

  it('visits of another child on the same contact do not count for this child', () => {
    const other = visit('2026-01-06T10:00:00Z', {}, { childId: 'c2' });
    expect(walk(redcar, plan(), [other], '2026-01-06T12:00:00Z').met).toEqual([]);
  });

  describe("a manager's agreed interval", () => {
    // seen Tue 6 Jan. Pack: 10 working days → due 00:00 Wed 21 Jan.
    it('tightens the interval when shorter: 5 working days → 7,8,9,12,13 → due 00:00 Wed 14 Jan', () => {
      const walked = walk(redcar, plan({ agreedInterval: { every: '5 working days' } }), [visit('2026-01-06T10:00:00Z')], '2026-01-06T12:00:00Z');
      expect(walked.next?.due).toBe('2026-01-14T00:00:00Z');
    });

    it('never loosens it: 4 weeks is longer, so 10 working days stand', () => {
      const walked = walk(redcar, plan({ agreedInterval: { every: '4 weeks' } }), [visit('2026-01-06T10:00:00Z')], '2026-01-06T12:00:00Z');
      expect(walked.next?.due).toBe('2026-01-21T00:00:00Z');
    });

    it('does not change the first deadline, only the repeats', () => {
      const walked = walk(redcar, plan({ agreedInterval: { every: '24 hours' } }), [], '2026-01-06T12:00:00Z');
      expect(walked.next?.due).toBe('2026-01-07T15:00:00Z');
    });

    it('does not add repeats to a single-step chain', () => {
      const s47 = child([involvement('section-47', '2026-01-05T15:00:00Z', { agreedInterval: { every: '1 week' } })]);
      expect(walk(redcar, s47, [visit('2026-01-06T10:00:00Z')], '2026-01-06T12:00:00Z').next).toBeNull();
    });
  });

  describe('an ended involvement', () => {
    const ended = plan({ end: '2026-01-20T12:00:00Z' });

    it('gives no warnings even with a deadline long past', () => {
      const { warnings } = evaluate(records([ended], [visit('2026-01-06T10:00:00Z')]), redcar, '2026-03-10T09:00:00Z');
      expect(warnings.filter((w) => w.code.startsWith('VISIT_'))).toEqual([]);
    });

    it('ignores visits after it ended, and counts no deadlines due after the end', () => {
      // met 48 h in time; next due 00:00 Wed 21 Jan is after the end (12:00 Tue 20 Jan): not counted
      const later = visit('2026-01-22T10:00:00Z');
      const { measures } = evaluate(records([ended], [visit('2026-01-06T10:00:00Z'), later]), redcar, '2026-03-10T09:00:00Z');
      expect(measures.visitsInTimescale).toEqual({ numerator: 1, denominator: 1 });
    });

    it('counts a deadline that fell due before it ended and was missed', () => {
      const endedLate = plan({ end: '2026-01-23T12:00:00Z' });
      const { measures } = evaluate(records([endedLate], [visit('2026-01-06T10:00:00Z')]), redcar, '2026-03-10T09:00:00Z');
      expect(measures.visitsInTimescale).toEqual({ numerator: 1, denominator: 2 });
    });

    it('an end after asOf means the involvement is still open', () => {
      const open = plan({ end: '2026-12-31T00:00:00Z' });
      const { warnings } = evaluate(records([open]), redcar, '2026-03-10T09:00:00Z');
      expect(warnings.map((w) => w.code)).toEqual(['VISIT_OVERDUE']);
    });
  });
});
