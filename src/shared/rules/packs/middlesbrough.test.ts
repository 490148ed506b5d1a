/**
 * Every row of the Middlesbrough visiting table (practice-rules §5), each with a due worked by
 * hand. 2026: GMT until Sun 29 Mar, then BST (a BST midnight is 23:00Z the day before).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.ts';
import { child, involvement, phoneCall, records, visit, walk } from '../test-helpers.ts';
import { middlesbrough as pack } from './middlesbrough.ts';

describe('Middlesbrough visiting timescales', () => {
  describe('early help', () => {
    it('the family is contacted within 3 working days of allocation', () => {
      // Fri 2 Jan: Mon 5 (1), Tue 6 (2), Wed 7 (3) → due 00:00 Thu 8 Jan
      const kid = child([involvement('early-help', '2026-01-02T10:00:00Z')]);
      expect(walk(pack, kid, [], '2026-01-05T09:00:00Z', 'contact').next).toEqual({
        due: '2026-01-08T00:00:00Z',
        requirement: 'contact',
      });
    });

    it('the child is seen at least monthly, clamped at the end of a short month', () => {
      // Sat 31 Jan + 1 month = 28 Feb (clamped) → due 00:00 Sun 1 Mar
      const kid = child([involvement('early-help', '2026-01-31T10:00:00Z')]);
      expect(walk(pack, kid, [], '2026-02-02T09:00:00Z').next?.due).toBe('2026-03-01T00:00:00Z');
      // seen Fri 27 Feb + 1 month = Fri 27 Mar → due 00:00 GMT Sat 28 Mar (clocks change on the 29th)
      expect(walk(pack, kid, [visit('2026-02-27T10:00:00Z')], '2026-02-28T09:00:00Z').next?.due).toBe('2026-03-28T00:00:00Z');
    });
  });

  describe('children in need', () => {
    it('the family is contacted within 5 working days of allocation', () => {
      // Mon 12 Jan: 13,14,15,16,19 → due 00:00 Tue 20 Jan
      const kid = child([involvement('child-in-need', '2026-01-12T10:00:00Z')]);
      expect(walk(pack, kid, [], '2026-01-13T09:00:00Z', 'contact').next?.due).toBe('2026-01-20T00:00:00Z');
    });

    it('the child is seen every 20 working days', () => {
      // Mon 5 Jan → Mon 2 Feb is the 20th working day → due 00:00 Tue 3 Feb
      const kid = child([involvement('child-in-need', '2026-01-05T09:00:00Z')]);
      expect(walk(pack, kid, [], '2026-01-06T09:00:00Z').next?.due).toBe('2026-02-03T00:00:00Z');
    });

    it('a child with stable complex needs is seen every 12 weeks', () => {
      // Mon 5 Jan + 84 days = Mon 30 Mar → due 00:00 BST Tue 31 Mar = 23:00Z Mon 30 Mar
      const kid = child([involvement('child-in-need', '2026-01-05T09:00:00Z', { stableComplexNeeds: true })]);
      expect(walk(pack, kid, [], '2026-01-06T09:00:00Z').next?.due).toBe('2026-03-30T23:00:00Z');
      // seen Wed 25 Mar: + 84 = Wed 17 Jun → due 00:00 BST Thu 18 Jun
      expect(walk(pack, kid, [visit('2026-03-25T10:00:00Z')], '2026-03-26T09:00:00Z').next?.due).toBe('2026-06-17T23:00:00Z');
    });
  });

  it('section 47: seen alone within 24 hours of the strategy discussion', () => {
    // Tue 6 Jan 14:00Z + 24 h = Wed 7 Jan 14:00Z
    const kid = child([involvement('section-47', '2026-01-06T14:00:00Z')]);
    expect(walk(pack, kid, [], '2026-01-06T15:00:00Z').next).toEqual({ due: '2026-01-07T14:00:00Z', requirement: 'seen-alone' });
    // seen, but not alone: does not meet it
    const notAlone = visit('2026-01-06T16:00:00Z', {}, { seenAlone: false, seenAloneReason: 'parent refused' });
    expect(walk(pack, kid, [notAlone], '2026-01-06T17:00:00Z').met).toEqual([]);
    expect(walk(pack, kid, [visit('2026-01-07T10:00:00Z')], '2026-01-07T11:00:00Z').met[0]?.inTime).toBe(true);
  });

  it('child protection: seen every 10 working days from the plan', () => {
    // Tue 6 Jan: 7,8,9,12,13,14,15,16,19,20 → Tue 20 Jan → due 00:00 Wed 21 Jan
    const kid = child([involvement('child-protection', '2026-01-06T10:00:00Z')]);
    expect(walk(pack, kid, [], '2026-01-07T09:00:00Z').next?.due).toBe('2026-01-21T00:00:00Z');
    // seen Fri 16 Jan: 19,20,21,22,23,26,27,28,29,30 → Fri 30 Jan → due 00:00 Sat 31 Jan
    expect(walk(pack, kid, [visit('2026-01-16T10:00:00Z')], '2026-01-17T09:00:00Z').next?.due).toBe('2026-01-31T00:00:00Z');
  });

  it('children in care: weekly for the first 4 weeks, then every 20 working days', () => {
    // Mon 12 Jan + 7 → due 00:00 Tue 20 Jan; the first 4 weeks end 00:00 Tue 10 Feb
    const kid = child([involvement('child-in-care', '2026-01-12T10:00:00Z')]);
    expect(walk(pack, kid, [], '2026-01-13T09:00:00Z').next?.due).toBe('2026-01-20T00:00:00Z');
    // seen Mon 9 Feb: a week would pass 10 Feb, so 20 working days from 9 Feb:
    // 10–13 Feb (4), 16–20 (9), 23–27 (14), 2–6 Mar (19), Mon 9 Mar (20) → due 00:00 Tue 10 Mar
    expect(walk(pack, kid, [visit('2026-02-09T10:00:00Z')], '2026-02-10T09:00:00Z').next?.due).toBe('2026-03-10T00:00:00Z');
  });

  it('care leavers: kept in touch every 8 weeks; a message counts', () => {
    // Mon 5 Jan + 56 = Mon 2 Mar → due 00:00 Tue 3 Mar
    const kid = child([involvement('care-leaver', '2026-01-05T10:00:00Z')], { dateOfBirth: '2007-06-01' });
    expect(walk(pack, kid, [], '2026-01-06T09:00:00Z').next).toEqual({ due: '2026-03-03T00:00:00Z', requirement: 'contact' });
    // a call Fri 20 Feb + 56 = Fri 17 Apr → due 00:00 BST Sat 18 Apr
    expect(walk(pack, kid, [phoneCall('2026-02-20T10:00:00Z')], '2026-02-21T09:00:00Z').next?.due).toBe('2026-04-17T23:00:00Z');
  });

  it('has no visiting rule for adoption, so gives no visit warnings for it', () => {
    const kid = child([involvement('adoption', '2025-01-05T10:00:00Z')]);
    const { warnings } = evaluate(records([kid]), pack, '2026-01-06T09:00:00Z');
    expect(warnings.filter((w) => w.code.startsWith('VISIT_'))).toEqual([]);
  });
});
