/**
 * Every row of the Redcar & Cleveland visiting table (practice-rules §5), each with a due
 * worked by hand. Dates: 2026 unless stated. GMT until Sun 29 Mar 2026, BST (UTC+1) until
 * Sun 25 Oct 2026; a BST midnight is 23:00Z the day before.
 */
import { describe, expect, it } from 'vitest';
import { child, involvement, phoneCall, visit, walk } from '../test-helpers.ts';
import { redcarCleveland as pack } from './redcar-cleveland.ts';

describe('Redcar & Cleveland visiting timescales', () => {
  describe('early help', () => {
    it('the family is contacted within 5 working days of allocation; a phone call counts', () => {
      // Mon 12 Jan: working days 13,14,15,16,19 → E = Mon 19 Jan → due 00:00 Tue 20 Jan
      const kid = child([involvement('early-help', '2026-01-12T10:00:00Z')]);
      expect(walk(pack, kid, [], '2026-01-13T09:00:00Z', 'contact').next).toEqual({
        due: '2026-01-20T00:00:00Z',
        requirement: 'contact',
      });
      const afterCall = walk(pack, kid, [phoneCall('2026-01-14T11:00:00Z')], '2026-01-15T09:00:00Z', 'contact');
      expect(afterCall.met).toEqual([{ due: '2026-01-20T00:00:00Z', inTime: true, requirement: 'contact' }]);
      expect(afterCall.next).toBeNull(); // a single step, already met
    });

    it('the child is seen at least every 4 weeks', () => {
      // Mon 12 Jan + 28 days = Mon 9 Feb → due 00:00 Tue 10 Feb (the contract's own example)
      const kid = child([involvement('early-help', '2026-01-12T10:00:00Z')]);
      expect(walk(pack, kid, [], '2026-01-13T09:00:00Z').next?.due).toBe('2026-02-10T00:00:00Z');
      // seen Thu 5 Feb → 5 Feb + 28 = Thu 5 Mar → due 00:00 Fri 6 Mar
      expect(walk(pack, kid, [visit('2026-02-05T14:00:00Z')], '2026-02-06T09:00:00Z').next?.due).toBe(
        '2026-03-06T00:00:00Z',
      );
    });
  });

  it('section 47: seen within 2 working days, over Easter', () => {
    // Thu 2 Apr 16:00 BST; Fri 3 Apr (Good Friday), Mon 6 Apr (Easter Monday) are holidays:
    // Tue 7 (1), Wed 8 (2) → due 00:00 BST Thu 9 Apr = 23:00Z Wed 8 Apr
    const kid = child([involvement('section-47', '2026-04-02T15:00:00Z')]);
    expect(walk(pack, kid, [], '2026-04-03T09:00:00Z').next).toEqual({ due: '2026-04-08T23:00:00Z', requirement: 'seen' });
  });

  it('child in need: seen every 20 working days', () => {
    // Mon 5 Jan: 6–9 Jan (4), 12–16 (9), 19–23 (14), 26–30 (19), Mon 2 Feb (20) → due 00:00 Tue 3 Feb
    const kid = child([involvement('child-in-need', '2026-01-05T09:00:00Z')]);
    expect(walk(pack, kid, [], '2026-01-06T09:00:00Z').next?.due).toBe('2026-02-03T00:00:00Z');
    // seen Fri 30 Jan: 2–6 Feb (5), 9–13 (10), 16–20 (15), 23–27 (20) → due 00:00 Sat 28 Feb
    const walked = walk(pack, kid, [visit('2026-01-30T11:00:00Z')], '2026-02-02T09:00:00Z');
    expect(walked.met[0]?.inTime).toBe(true);
    expect(walked.next?.due).toBe('2026-02-28T00:00:00Z');
  });

  describe('child protection', () => {
    it('seen within 48 hours of the plan, then every 10 working days over Christmas', () => {
      // Fri 19 Dec 2025 16:00 + 48 hours = Sun 21 Dec 16:00Z
      const kid = child([involvement('child-protection', '2025-12-19T16:00:00Z')]);
      expect(walk(pack, kid, [], '2025-12-20T09:00:00Z').next?.due).toBe('2025-12-21T16:00:00Z');
      // seen Sat 20 Dec: Mon 22 (1), Tue 23 (2), Wed 24 (3), [25, 26 Dec], Mon 29 (4), Tue 30 (5),
      // Wed 31 (6), [Thu 1 Jan], Fri 2 (7), Mon 5 (8), Tue 6 (9), Wed 7 Jan (10) → due 00:00 Thu 8 Jan
      expect(walk(pack, kid, [visit('2025-12-20T11:00:00Z')], '2025-12-22T09:00:00Z').next?.due).toBe(
        '2026-01-08T00:00:00Z',
      );
    });

    it('skips Christmas Day and the Boxing Day substitute (Mon 28 Dec 2026)', () => {
      // seen Wed 23 Dec 2026: Thu 24 (1), [Fri 25, Mon 28], Tue 29 (2), Wed 30 (3), Thu 31 (4),
      // [Fri 1 Jan 2027], Mon 4 (5) … Fri 8 (9), Mon 11 Jan (10) → due 00:00 Tue 12 Jan 2027
      const kid = child([involvement('child-protection', '2026-12-01T10:00:00Z')]);
      const walked = walk(pack, kid, [visit('2026-12-02T10:00:00Z'), visit('2026-12-23T10:00:00Z')], '2026-12-24T09:00:00Z');
      expect(walked.next?.due).toBe('2027-01-12T00:00:00Z');
    });
  });

  describe('children in our care (one chain per placement)', () => {
    const placed = '2026-01-12T10:00:00Z'; // Mon 12 Jan
    // Phase ends: start + 4 weeks = 00:00 Tue 10 Feb; start + 12 months = 00:00 Wed 13 Jan 2027.
    it('seen the day they are placed, then weekly for 4 weeks, then every 6 weeks', () => {
      const kid = child([involvement('child-in-care', placed)]);
      // same day → due 00:00 Tue 13 Jan
      expect(walk(pack, kid, [], '2026-01-12T12:00:00Z').next?.due).toBe('2026-01-13T00:00:00Z');
      const visits = ['2026-01-12T15:00:00Z', '2026-01-19T10:00:00Z', '2026-01-26T10:00:00Z', '2026-02-02T10:00:00Z'];
      const weekly = walk(pack, kid, visits.map((v) => visit(v)), '2026-02-03T09:00:00Z');
      // each + 7 days: 20 Jan, 27 Jan, 3 Feb, then seen Mon 2 Feb → Mon 9 Feb → due 00:00 Tue 10 Feb
      expect(weekly.met.map((m) => m.due)).toEqual([
        '2026-01-13T00:00:00Z',
        '2026-01-20T00:00:00Z',
        '2026-01-27T00:00:00Z',
        '2026-02-03T00:00:00Z',
      ]);
      expect(weekly.next?.due).toBe('2026-02-10T00:00:00Z');
      // seen Mon 9 Feb (still in the first 4 weeks): a week would pass 00:00 Tue 10 Feb, so the
      // next phase's 6 weeks apply from 9 Feb: + 42 days = Mon 23 Mar → due 00:00 Tue 24 Mar
      const sixWeekly = walk(pack, kid, [...visits, '2026-02-09T10:00:00Z'].map((v) => visit(v)), '2026-02-10T09:00:00Z');
      expect(sixWeekly.next?.due).toBe('2026-03-24T00:00:00Z');
    });

    it('after the first year stays 6-weekly without an agreed reduction', () => {
      // seen Tue 12 Jan 2027 (< 00:00 Wed 13 Jan 2027): 6 weeks → Tue 23 Feb 2027 → due 00:00 Wed 24 Feb
      const kid = child([involvement('child-in-care', placed)]);
      expect(walk(pack, kid, [visit('2027-01-12T10:00:00Z')], '2027-01-13T09:00:00Z').next?.due).toBe(
        '2027-02-24T00:00:00Z',
      );
    });

    it('reduces to 3-monthly once the reduction is agreed (reductionAgreedAt ≤ t)', () => {
      const kid = child([involvement('child-in-care', placed, { reductionAgreedAt: '2027-01-20T12:00:00Z' })]);
      // seen Thu 21 Jan 2027 (after the review): + 3 months = Wed 21 Apr 2027 → due 00:00 BST Thu 22 Apr = 23:00Z
      expect(walk(pack, kid, [visit('2027-01-21T10:00:00Z')], '2027-01-22T09:00:00Z').next?.due).toBe(
        '2027-04-21T23:00:00Z',
      );
      // seen Tue 19 Jan 2027, before the review: 6 weeks (due 00:00 Wed 3 Mar) would pass the
      // phase end (the review at 20 Jan 12:00), so the reduced phase's 3 months apply from 19 Jan:
      // Mon 19 Apr 2027 → due 00:00 BST Tue 20 Apr = 23:00Z Mon 19 Apr
      expect(walk(pack, kid, [visit('2027-01-19T10:00:00Z')], '2027-01-20T09:00:00Z').next?.due).toBe(
        '2027-04-19T23:00:00Z',
      );
    });
  });

  it('private fostering: 7 days from notification, 6-weekly in the first year, then 12-weekly', () => {
    // notified Wed 7 Jan: + 7 = Wed 14 Jan → due 00:00 Thu 15 Jan; first year ends 00:00 Fri 8 Jan 2027
    const kid = child([involvement('private-fostering', '2026-01-07T12:00:00Z')]);
    expect(walk(pack, kid, [], '2026-01-08T09:00:00Z').next?.due).toBe('2026-01-15T00:00:00Z');
    // seen Tue 13 Jan: + 42 = Tue 24 Feb → due 00:00 Wed 25 Feb
    expect(walk(pack, kid, [visit('2026-01-13T10:00:00Z')], '2026-01-14T09:00:00Z').next?.due).toBe('2026-02-25T00:00:00Z');
    // seen Mon 14 Dec 2026: + 42 = 25 Jan 2027 passes the first year, so + 84 = Mon 8 Mar 2027 → due 00:00 Tue 9 Mar
    expect(walk(pack, kid, [visit('2026-12-14T10:00:00Z')], '2026-12-15T09:00:00Z').next?.due).toBe('2027-03-09T00:00:00Z');
    // seen Fri 15 Jan 2027: + 84 = Fri 9 Apr 2027 → due 00:00 BST Sat 10 Apr = 23:00Z Fri 9 Apr
    expect(walk(pack, kid, [visit('2027-01-15T10:00:00Z')], '2027-01-16T09:00:00Z').next?.due).toBe('2027-04-09T23:00:00Z');
  });

  it('return from missing: visited within 72 hours, exactly, across the spring clock change', () => {
    // Fri 27 Mar 20:00Z + 72 h = Mon 30 Mar 20:00Z (21:00 BST)
    const kid = child([involvement('missing-return', '2026-03-27T20:00:00Z')]);
    expect(walk(pack, kid, [], '2026-03-28T09:00:00Z').next?.due).toBe('2026-03-30T20:00:00Z');
    expect(walk(pack, kid, [visit('2026-03-28T10:00:00Z')], '2026-03-28T11:00:00Z').next).toBeNull();
  });

  describe('care leavers', () => {
    // born 20 May 2006: 20th birthday starts 00:00 BST 20 May 2026 = 23:00Z 19 May
    const leaver = (start: string, dateOfBirth = '2006-05-20') =>
      child([involvement('care-leaver', start)], { dateOfBirth, name: 'Ash' });

    it('seen every 2 months before their 20th birthday; a phone call does not count', () => {
      // Mon 2 Feb + 2 months = Thu 2 Apr → due 00:00 BST Fri 3 Apr = 23:00Z Thu 2 Apr, requirement seen
      const walked = walk(pack, leaver('2026-02-02T10:00:00Z'), [phoneCall('2026-03-01T10:00:00Z')], '2026-03-02T09:00:00Z');
      expect(walked.met).toEqual([]);
      expect(walked.next).toEqual({ due: '2026-04-02T23:00:00Z', requirement: 'seen' });
    });

    it('a deadline that would pass the 20th birthday takes the 6-monthly contact interval', () => {
      // seen Wed 1 Apr: + 2 months (due 00:00 2 Jun) passes 20 May, so + 6 months = Thu 1 Oct
      // → due 00:00 BST Fri 2 Oct = 23:00Z Thu 1 Oct; it falls after the birthday: contact
      const walked = walk(pack, leaver('2026-02-02T10:00:00Z'), [visit('2026-04-01T09:00:00Z')], '2026-04-02T09:00:00Z');
      expect(walked.next).toEqual({ due: '2026-10-01T23:00:00Z', requirement: 'contact' });
      // then a phone call Tue 1 Sep 2026 meets it: + 6 months = Mon 1 Mar 2027 → due 00:00 Tue 2 Mar
      const kept = walk(
        pack,
        leaver('2026-02-02T10:00:00Z'),
        [visit('2026-04-01T09:00:00Z'), phoneCall('2026-09-01T09:00:00Z')],
        '2026-09-02T09:00:00Z',
      );
      expect(kept.met[1]).toEqual({ due: '2026-10-01T23:00:00Z', inTime: true, requirement: 'contact' });
      expect(kept.next).toEqual({ due: '2027-03-02T00:00:00Z', requirement: 'contact' });
    });

    it('no deadline is set from the 25th birthday', () => {
      // born 10 Mar 2001: 25th birthday starts 00:00 GMT Tue 10 Mar 2026
      const kid = leaver('2025-06-01T10:00:00Z', '2001-03-10');
      // phone call Tue 9 Sep 2025 + 6 months = Mon 9 Mar 2026 → due 00:00 10 Mar: it falls on the
      // last day before the birthday, so it stands
      expect(walk(pack, kid, [phoneCall('2025-09-09T10:00:00Z')], '2025-09-10T09:00:00Z').next).toEqual({
        due: '2026-03-10T00:00:00Z',
        requirement: 'contact',
      });
      // phone call Mon 1 Dec 2025 + 6 months passes the 25th birthday: the chain ends
      expect(walk(pack, kid, [phoneCall('2025-12-01T10:00:00Z')], '2025-12-02T09:00:00Z').next).toBeNull();
    });

    it('a young person born on 29 February turns 25 on 1 March in a common year', () => {
      // born 29 Feb 2008: 25th birthday is 1 Mar 2033 (2033 is not a leap year)
      const kid = leaver('2032-06-01T10:00:00Z', '2008-02-29');
      // phone call Mon 30 Aug 2032 + 6 months = Mon 28 Feb 2033 → due 00:00 1 Mar 2033: stands
      expect(walk(pack, kid, [phoneCall('2032-08-30T10:00:00Z')], '2032-09-01T09:00:00Z').next?.due).toBe(
        '2033-03-01T00:00:00Z',
      );
      // phone call Tue 31 Aug 2032 + 6 months = 28 Feb 2033 (clamped) → due 00:00 1 Mar: stands too
      expect(walk(pack, kid, [phoneCall('2032-08-31T10:00:00Z')], '2032-09-01T09:00:00Z').next?.due).toBe(
        '2033-03-01T00:00:00Z',
      );
      // phone call Wed 1 Sep 2032 + 6 months = 1 Mar 2033 → due 00:00 2 Mar, after the birthday: none
      expect(walk(pack, kid, [phoneCall('2032-09-01T10:00:00Z')], '2032-09-02T09:00:00Z').next).toBeNull();
    });
  });

  describe('adoption', () => {
    it('weekly until the first review, 6-weekly for a year, then 3-monthly', () => {
      // placed Mon 2 Mar: + 7 = 9 Mar → due 00:00 Tue 10 Mar; first review Wed 15 Apr 10:00Z (11:00 BST)
      const kid = child([involvement('adoption', '2026-03-02T10:00:00Z', { firstReviewAt: '2026-04-15T10:00:00Z' })]);
      expect(walk(pack, kid, [], '2026-03-03T09:00:00Z').next?.due).toBe('2026-03-10T00:00:00Z');
      // seen Tue 14 Apr: a week would pass the review, so + 42 = Tue 26 May → due 00:00 BST Wed 27 May
      expect(walk(pack, kid, [visit('2026-04-14T09:00:00Z')], '2026-04-14T12:00:00Z').next?.due).toBe('2026-05-26T23:00:00Z');
      // the 6-weekly year ends at resolve(review, 12 months) = 00:00 BST Fri 16 Apr 2027;
      // seen Fri 16 Apr 2027 10:00 BST: + 3 months = Fri 16 Jul 2027 → due 00:00 BST Sat 17 Jul
      expect(walk(pack, kid, [visit('2027-04-16T09:00:00Z')], '2027-04-16T12:00:00Z').next?.due).toBe('2027-07-16T23:00:00Z');
    });

    it('stays weekly while the first review date is unknown', () => {
      // seen Mon 7 Jun 2027 + 7 = Mon 14 Jun → due 00:00 BST Tue 15 Jun
      const kid = child([involvement('adoption', '2026-03-02T10:00:00Z')]);
      expect(walk(pack, kid, [visit('2027-06-07T09:00:00Z')], '2027-06-07T12:00:00Z').next?.due).toBe('2027-06-14T23:00:00Z');
    });
  });

  it('short breaks: within 7 days, then within 3 months of the first day, then 6-monthly', () => {
    // Mon 5 Jan + 7 = 12 Jan → due 00:00 Tue 13 Jan
    const kid = child([involvement('short-breaks', '2026-01-05T10:00:00Z')]);
    expect(walk(pack, kid, [], '2026-01-06T09:00:00Z').next?.due).toBe('2026-01-13T00:00:00Z');
    // seen Fri 9 Jan: second deadline is start + 3 months = Sun 5 Apr → due 00:00 BST Mon 6 Apr
    expect(walk(pack, kid, [visit('2026-01-09T10:00:00Z')], '2026-01-10T09:00:00Z').next?.due).toBe('2026-04-05T23:00:00Z');
    // seen Wed 1 Apr: + 6 months = Thu 1 Oct → due 00:00 BST Fri 2 Oct
    const walked = walk(pack, kid, [visit('2026-01-09T10:00:00Z'), visit('2026-04-01T09:00:00Z')], '2026-04-02T09:00:00Z');
    expect(walked.next?.due).toBe('2026-10-01T23:00:00Z');
  });

  it('temporary approval (and parents under an interim care order): weekly until the first review, then 4-weekly', () => {
    // Mon 5 Jan + 7 → due 00:00 Tue 13 Jan; first review Mon 2 Feb 10:00
    const kid = child([involvement('temporary-approval', '2026-01-05T10:00:00Z', { firstReviewAt: '2026-02-02T10:00:00Z' })]);
    expect(walk(pack, kid, [], '2026-01-06T09:00:00Z').next?.due).toBe('2026-01-13T00:00:00Z');
    // seen Fri 30 Jan: a week (due 00:00 7 Feb) passes the review, so + 28 = Fri 27 Feb → due 00:00 Sat 28 Feb
    expect(walk(pack, kid, [visit('2026-01-30T10:00:00Z')], '2026-01-31T09:00:00Z').next?.due).toBe('2026-02-28T00:00:00Z');
  });

  describe('care order at home', () => {
    it('seen within the first week, then every 6 weeks', () => {
      // Mon 5 Jan + 7 → due 00:00 Tue 13 Jan; seen Mon 12 Jan + 42 = Mon 23 Feb → due 00:00 Tue 24 Feb
      const kid = child([involvement('care-order-at-home', '2026-01-05T10:00:00Z')]);
      expect(walk(pack, kid, [], '2026-01-06T09:00:00Z').next?.due).toBe('2026-01-13T00:00:00Z');
      expect(walk(pack, kid, [visit('2026-01-12T10:00:00Z')], '2026-01-13T09:00:00Z').next?.due).toBe('2026-02-24T00:00:00Z');
    });

    it('a reduction agreed in the first year applies from the end of that year', () => {
      // first year ends 00:00 Wed 6 Jan 2027. Seen Tue 5 Jan 2027 (still year one): 6 weeks would
      // pass it; the phase that follows is the reduced one (agreed 1 Jun 2026), so + 3 months =
      // Mon 5 Apr 2027 → due 00:00 BST Tue 6 Apr = 23:00Z Mon 5 Apr
      const kid = child([involvement('care-order-at-home', '2026-01-05T10:00:00Z', { reductionAgreedAt: '2026-06-01T10:00:00Z' })]);
      expect(walk(pack, kid, [visit('2027-01-05T10:00:00Z')], '2027-01-05T12:00:00Z').next?.due).toBe('2027-04-05T23:00:00Z');
      // seen Mon 12 Oct 2026 (year one, well inside it): 6 weeks → Mon 23 Nov → due 00:00 Tue 24 Nov
      expect(walk(pack, kid, [visit('2026-10-12T10:00:00Z')], '2026-10-12T12:00:00Z').next?.due).toBe('2026-11-24T00:00:00Z');
    });
  });
});
