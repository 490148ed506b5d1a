import { describe, expect, it } from 'vitest';
import { formatSyncTime } from './format-date';

describe('when the last sync was, in UK time', () => {
  it('shows the time alone on the same UK day, and the date with it on another', () => {
    const now = new Date('2026-06-25T09:00:00Z');
    expect(formatSyncTime('2026-06-25T07:42:00Z', now)).toBe('08:42');
    expect(formatSyncTime('2026-06-24T07:42:00Z', now)).toBe('24 June at 08:42');
  });

  it('counts 23:30 UTC in summer as the next UK day (00:30 BST)', () => {
    expect(formatSyncTime('2026-06-24T23:30:00Z', new Date('2026-06-25T09:00:00Z'))).toBe('00:30');
  });

  it('shows the date for the same day a year before', () => {
    expect(formatSyncTime('2025-06-25T07:42:00Z', new Date('2026-06-25T09:00:00Z'))).toBe('25 June at 08:42');
  });
});
