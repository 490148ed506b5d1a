import { storeKeys, type KeyValueStore } from '../crypto/key-value-store';

/**
 * Wrong-PIN policy. The first five wrong PINs in a row cost nothing; each one after that
 * means a wait before the next try, doubling each time up to a cap, until a correct PIN.
 *
 * This slows someone guessing at the lock screen. It does not protect a copy of the device's
 * storage: there the only defence is PBKDF2's cost times the size of the PIN space.
 */
export interface LockoutState {
  /** Wrong PINs in a row since the last correct one. */
  failures: number;
  /** Epoch ms before which no PIN is checked, or null when not locked out. */
  lockedUntil: number | null;
}

export interface LockoutPolicy {
  freeAttempts: number;
  firstWaitMs: number;
  maxWaitMs: number;
  /** Wrong PINs in a row after which an escrowed device erases its vault (session-key.ts). */
  eraseAfterFailures?: number;
}

/**
 * Ten: five free tries, then waits of 30 s, 1, 2, 4 and 8 minutes, so a practitioner who has
 * mistyped has had a quarter of an hour of warnings before the key goes.
 */
export const ERASE_AFTER_FAILURES = 10;

export const defaultLockoutPolicy: LockoutPolicy = {
  freeAttempts: 5,
  firstWaitMs: 30_000,
  maxWaitMs: 60 * 60_000,
};

export const noFailures: LockoutState = { failures: 0, lockedUntil: null };

/** The wait that follows this many wrong PINs in a row: 0 below the limit, then 30 s, 60 s, 120 s… */
export function waitAfterFailures(failures: number, policy: LockoutPolicy = defaultLockoutPolicy): number {
  const over = failures - policy.freeAttempts;
  if (over < 0) return 0;
  // The exponent is capped only so the arithmetic stays finite; maxWaitMs is the real cap.
  return Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** Math.min(over, 40));
}

export function recordWrongPin(state: LockoutState, now: number, policy: LockoutPolicy = defaultLockoutPolicy): LockoutState {
  const failures = state.failures + 1;
  const wait = waitAfterFailures(failures, policy);
  return { failures, lockedUntil: wait > 0 ? now + wait : null };
}

export function recordCorrectPin(): LockoutState {
  return noFailures;
}

/**
 * When the next PIN may be tried, or null if it may be tried now. A lockedUntil further ahead
 * than the cap (the device clock was moved back) is held to the cap, so a wrong clock cannot
 * shut a practitioner out of their records for days.
 */
export function retryAt(state: LockoutState, now: number, policy: LockoutPolicy = defaultLockoutPolicy): number | null {
  if (state.lockedUntil === null || state.lockedUntil <= now) return null;
  return Math.min(state.lockedUntil, now + policy.maxWaitMs);
}

/** Wrong PINs left before the first wait; 0 once waits have begun. */
export function attemptsLeft(state: LockoutState, policy: LockoutPolicy = defaultLockoutPolicy): number {
  return Math.max(0, policy.freeAttempts - state.failures);
}

/** "Too many wrong PINs. Try again in 2 minutes." Rounds up, so it never promises too early. */
export function lockoutMessage(retryAtMs: number, now: number): string {
  return `Too many wrong PINs. Try again in ${describeWait(retryAtMs - now)}.`;
}

export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  return plural(Math.ceil(minutes / 60), 'hour');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * Read the persisted state, so a reload does not clear a lockout. Anything unreadable counts
 * as no failures: deleting the entry would do the same, so being stricter gains nothing.
 */
export async function loadLockoutState(store: KeyValueStore): Promise<LockoutState> {
  const value = (await store.get(storeKeys.lockout)) as Partial<LockoutState> | null | undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    !Number.isInteger(value.failures) ||
    (value.failures as number) < 0 ||
    !(value.lockedUntil === null || Number.isFinite(value.lockedUntil))
  ) {
    return noFailures;
  }
  return { failures: value.failures as number, lockedUntil: value.lockedUntil as number | null };
}

export async function saveLockoutState(store: KeyValueStore, state: LockoutState): Promise<void> {
  await store.set(storeKeys.lockout, { failures: state.failures, lockedUntil: state.lockedUntil });
}
