import { WrongPinError } from '../crypto/errors';
import { storeKeys, type KeyValueStore } from '../crypto/key-value-store';
import { validatePin } from '../crypto/pin-rules';
import {
  changePin as rewrapVault,
  createVault,
  parseVaultRecord,
  unlockVault,
  upgradeVault,
  vaultNeedsUpgrade,
  type VaultRecord,
} from '../crypto/vault';
import { createLockStore, lockedState, type LockState, type LockStore } from './lock-store';
import {
  attemptsLeft,
  defaultLockoutPolicy,
  loadLockoutState,
  noFailures,
  recordWrongPin,
  retryAt,
  saveLockoutState,
  type LockoutPolicy,
  type LockoutState,
} from './lockout';

export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked-out'; retryAt: number };

export type InvalidPinResult = { ok: false; reason: 'invalid-pin'; message: string };
export type SetUpPinResult = { ok: true } | InvalidPinResult;
export type ChangePinResult = UnlockResult | InvalidPinResult;

export interface LockoutStatus {
  /** Epoch ms when a PIN may next be tried, or null if now. */
  retryAt: number | null;
  attemptsLeft: number;
}

export interface SessionKey {
  /** The zustand store behind this session, for useStore(session.store, s => s.status). */
  readonly store: LockStore;
  hasPin(): Promise<boolean>;
  /** First run only. Throws PinAlreadySetUpError rather than orphan every sealed record. */
  setUpPin(pin: string): Promise<SetUpPinResult>;
  unlock(pin: string): Promise<UnlockResult>;
  /** Checked against the same lockout as unlock, so it cannot be used to guess around it. */
  changePin(oldPin: string, newPin: string): Promise<ChangePinResult>;
  lockoutStatus(): Promise<LockoutStatus>;
  /** Forget the data key. */
  lock(): void;
  isUnlocked(): boolean;
  /** The data key for seal/open. Throws DeviceLockedError when locked. */
  dataKey(): CryptoKey;
  subscribe(listener: (state: LockState) => void): () => void;
}

export interface SessionKeyOptions {
  /** Backed by Dexie's meta table in the app. */
  store: KeyValueStore;
  now?: () => number;
  policy?: LockoutPolicy;
}

export class DeviceLockedError extends Error {
  override readonly name = 'DeviceLockedError';
  constructor() {
    super('The device is locked: enter the PIN first');
  }
}

export class PinAlreadySetUpError extends Error {
  override readonly name = 'PinAlreadySetUpError';
  constructor() {
    super('A PIN is already set up on this device');
  }
}

export class NoPinSetUpError extends Error {
  override readonly name = 'NoPinSetUpError';
  constructor() {
    super('No PIN has been set up on this device');
  }
}

export function createSessionKey({
  store,
  now = () => Date.now(),
  policy = defaultLockoutPolicy,
}: SessionKeyOptions): SessionKey {
  const lockStore = createLockStore();
  const exclusive = serialise();

  const setUnlocked = (dataKey: CryptoKey) => lockStore.setState({ status: 'unlocked', dataKey }, true);

  async function readVault(): Promise<VaultRecord | null> {
    const value = await store.get(storeKeys.vault);
    return value === undefined || value === null ? null : parseVaultRecord(value);
  }

  /**
   * Run one PIN check under the lockout. The attempt is saved as wrong before the slow check
   * starts, and cleared only once the PIN proves right, so closing the tab mid-check cannot
   * dodge the count.
   */
  async function checkPin<T>(attempt: () => Promise<T>): Promise<{ ok: true; value: T } | Exclude<UnlockResult, { ok: true }>> {
    const time = now();
    const before = await loadLockoutState(store);
    const waitUntil = retryAt(before, time, policy);
    if (waitUntil !== null) return { ok: false, reason: 'locked-out', retryAt: waitUntil };

    const ifWrong = recordWrongPin(before, time, policy);
    await saveLockoutState(store, ifWrong);
    try {
      const value = await attempt();
      await saveLockoutState(store, noFailures);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof WrongPinError) return wrongPinResult(ifWrong, time);
      await saveLockoutState(store, before); // not a PIN problem: do not count it
      throw error;
    }
  }

  function wrongPinResult(state: LockoutState, time: number): Exclude<UnlockResult, { ok: true }> {
    const waitUntil = retryAt(state, time, policy);
    return waitUntil === null
      ? { ok: false, reason: 'wrong-pin', attemptsLeft: attemptsLeft(state, policy) }
      : { ok: false, reason: 'locked-out', retryAt: waitUntil };
  }

  return {
    store: lockStore,

    async hasPin() {
      return (await readVault()) !== null;
    },

    setUpPin: (pin) =>
      exclusive(async () => {
        const message = validatePin(pin);
        if (message !== null) return { ok: false, reason: 'invalid-pin', message };
        if ((await readVault()) !== null) throw new PinAlreadySetUpError();
        const { vaultRecord, dataKey } = await createVault(pin);
        await store.set(storeKeys.vault, vaultRecord);
        await saveLockoutState(store, noFailures);
        setUnlocked(dataKey);
        return { ok: true };
      }),

    unlock: (pin) =>
      exclusive(async () => {
        const vault = await readVault();
        if (vault === null) throw new NoPinSetUpError();
        const result = await checkPin(() => unlockVault(vault, pin));
        if (!result.ok) return result;
        if (vaultNeedsUpgrade(vault)) {
          // Raise an older vault to the current iteration count while the PIN is at hand. If
          // this fails the old record still opens, and the next unlock tries again.
          await upgradeVault(vault, pin).then(
            (upgraded) => store.set(storeKeys.vault, upgraded),
            () => undefined,
          );
        }
        setUnlocked(result.value);
        return { ok: true };
      }),

    changePin: (oldPin, newPin) =>
      exclusive(async () => {
        const message = validatePin(newPin);
        if (message !== null) return { ok: false, reason: 'invalid-pin', message };
        const vault = await readVault();
        if (vault === null) throw new NoPinSetUpError();
        const result = await checkPin(() => rewrapVault(vault, oldPin, newPin));
        if (!result.ok) return result;
        await store.set(storeKeys.vault, result.value);
        return { ok: true };
      }),

    async lockoutStatus() {
      const state = await loadLockoutState(store);
      return { retryAt: retryAt(state, now(), policy), attemptsLeft: attemptsLeft(state, policy) };
    },

    lock() {
      lockStore.setState(lockedState, true);
    },

    isUnlocked() {
      return lockStore.getState().status === 'unlocked';
    },

    dataKey() {
      const state = lockStore.getState();
      if (state.status !== 'unlocked') throw new DeviceLockedError();
      return state.dataKey;
    },

    subscribe(listener) {
      return lockStore.subscribe((state) => listener(state));
    },
  };
}

/** One PIN operation at a time, so a double-tapped Continue cannot race the lockout count. */
function serialise() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}
