import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../crypto/key-value-store';
import {
  attemptsLeft,
  loadLockoutState,
  lockoutMessage,
  noFailures,
  recordCorrectPin,
  recordWrongPin,
  retryAt,
  saveLockoutState,
  waitAfterFailures,
  type LockoutState,
} from './lockout';

const second = 1000;
const minute = 60 * second;

function wrongPins(count: number, at = 0): LockoutState {
  let state = noFailures;
  for (let i = 0; i < count; i += 1) state = recordWrongPin(state, at);
  return state;
}

describe('wrong PIN lockout', () => {
  it('lets four wrong PINs go by with no wait, counting down the tries left', () => {
    const state = wrongPins(4);

    expect(state.lockedUntil).toBeNull();
    expect(retryAt(state, 0)).toBeNull();
    expect(attemptsLeft(state)).toBe(1);
  });

  it('makes the user wait 30 seconds after the fifth wrong PIN in a row', () => {
    const state = wrongPins(5, 1_000_000);

    expect(retryAt(state, 1_000_000)).toBe(1_000_000 + 30 * second);
    expect(retryAt(state, 1_000_000 + 30 * second)).toBeNull();
  });

  it('doubles the wait with each further wrong PIN, up to an hour', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 12, 13, 50, 5000].map((n) => waitAfterFailures(n))).toEqual([
      30 * second,
      60 * second,
      2 * minute,
      4 * minute,
      8 * minute,
      16 * minute,
      32 * minute,
      60 * minute,
      60 * minute,
      60 * minute,
      60 * minute,
    ]);
  });

  it('starts again from nothing after a correct PIN', () => {
    expect(recordCorrectPin()).toEqual({ failures: 0, lockedUntil: null });
  });

  it('holds a wait to the cap when the device clock has been moved back', () => {
    const state = { failures: 9, lockedUntil: 10 * 24 * 60 * minute };

    expect(retryAt(state, 0)).toBe(60 * minute);
  });

  it('tells the user how long to wait, rounded up', () => {
    expect(lockoutMessage(2 * minute, 0)).toBe('Too many wrong PINs. Try again in 2 minutes.');
    expect(lockoutMessage(90 * second, 0)).toBe('Too many wrong PINs. Try again in 2 minutes.');
    expect(lockoutMessage(30 * second, 0)).toBe('Too many wrong PINs. Try again in 30 seconds.');
    expect(lockoutMessage(1 * minute, 0)).toBe('Too many wrong PINs. Try again in 1 minute.');
    expect(lockoutMessage(60 * minute, 0)).toBe('Too many wrong PINs. Try again in 1 hour.');
  });

  it('is kept in the store, so a reload does not clear it', async () => {
    const store = createMemoryStore();
    const state = wrongPins(6, 5000);

    await saveLockoutState(store, state);

    expect(await loadLockoutState(store)).toEqual(state);
  });

  it('reads nothing stored, or something unreadable, as no wrong PINs', async () => {
    const store = createMemoryStore();
    expect(await loadLockoutState(store)).toEqual(noFailures);

    await store.set('lock.lockout', { failures: 'many' });
    expect(await loadLockoutState(store)).toEqual(noFailures);
  });
});
