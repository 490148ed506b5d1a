import { describe, expect, it } from 'vitest';
import { recordingTimeliness, timelinessText } from './recording-timeliness';
import { finishedVisit } from '../../testing/sign-off-test-data';

// Monday 2 March 2026, 10am: Redcar & Cleveland gives 5 working days, so by the end of Monday 9 March.
const occurredAt = '2026-03-02T10:00:00.000Z';
const now = new Date('2026-03-20T12:00:00.000Z');

describe('recording timeliness on the sign-off list', () => {
  it('a home visit finished two days later was recorded on time', () => {
    const timeliness = recordingTimeliness('visit', finishedVisit('v1', { childIds: ['c1'], occurredAt, completedAt: '2026-03-04T16:00:00.000Z' }), 'redcar-cleveland');
    expect(timeliness).toMatchObject({ kind: 'on-time' });
    expect(timelinessText(timeliness, now)).toBe('Recorded on time: due by Monday 9 March');
  });

  it('a home visit finished the next week was recorded late, saying when', () => {
    const timeliness = recordingTimeliness('visit', finishedVisit('v1', { childIds: ['c1'], occurredAt, completedAt: '2026-03-11T09:30:00.000Z' }), 'redcar-cleveland');
    expect(timeliness).toMatchObject({ kind: 'late' });
    expect(timelinessText(timeliness, now)).toBe('Recorded late: due by Monday 9 March, finished 9:30am on Wednesday 11 March');
  });

  it('follows the practice standards chosen on the device', () => {
    const visit = finishedVisit('v1', { childIds: ['c1'], occurredAt, completedAt: '2026-03-04T09:00:00.000Z' });
    const inAChildrensHome = { ...visit, contact: { ...visit.contact, setting: 'residential' as const } };
    expect(recordingTimeliness('visit', inAChildrensHome, 'redcar-cleveland')?.kind).toBe('on-time');
    // Middlesbrough: within 24 hours in children's homes.
    expect(recordingTimeliness('visit', inAChildrensHome, 'middlesbrough')?.kind).toBe('late');
  });

  it('direct work and observations have no recording timescale', () => {
    expect(timelinessText(recordingTimeliness('direct-work', {}, 'redcar-cleveland'), now)).toBe('No recording timescale');
  });
});
