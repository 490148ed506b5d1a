import { WrongPinError } from '../crypto/errors';
import { storeKeys, type KeyValueStore } from '../crypto/key-value-store';
import type { DevicePinPolicy } from '../../../shared/sync/index.ts';
import { recoverDataKey } from '../crypto/key-escrow';
import { validatePin } from '../crypto/pin-rules';
import {
  changePin as rewrapVault,
  createVaultWithEscrowCopy,
  parseVaultRecord,
  unlockVault,
  unlockVaultWithEscrowCopy,
  upgradeVault,
  vaultNeedsUpgrade,
  type VaultRecord,
} from '../crypto/vault';
import { depositEscrow, loadEscrow, type KeyEscrowPort } from './key-escrow';
import { createLockStore, lockedState, type LockState, type LockStore } from './lock-store';
import {
  attemptsLeft,
  defaultLockoutPolicy,
  ERASE_AFTER_FAILURES,
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
  | { ok: false; reason: 'locked-out'; retryAt: number }
  /** Too many wrong PINs with the key escrowed: the vault is gone; recover() after a sign-in. */
  | { ok: false; reason: 'erased' };

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
  setUpPin(pin: string, policy?: DevicePinPolicy): Promise<SetUpPinResult>;
  unlock(pin: string): Promise<UnlockResult>;
  /** Checked against the same lockout as unlock, so it cannot be used to guess around it. */
  changePin(oldPin: string, newPin: string, policy?: DevicePinPolicy): Promise<ChangePinResult>;
  /** The vault was erased after too many wrong PINs (and the key is escrowed). */
  isErased(): Promise<boolean>;
  /**
   * After an erase and a fresh online sign-in: fetch the server's half of the escrow, rebuild
   * the data key and wrap it under a new PIN; unlocked afterwards. Throws what the escrow port
   * throws (offline, 403 sign in again, 404 another user) or CryptoFormatError.
   */
  recover(newPin: string, policy?: DevicePinPolicy): Promise<SetUpPinResult>;
  /** Settles when the key escrow started by the last set-up or unlock has finished (true: held). */
  escrowSettled(): Promise<boolean>;
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
  /** The server's key escrow; without it nothing is escrowed and the vault is never erased. */
  escrow?: KeyEscrowPort;
  /** Tests only (refused outside vitest): a cheaper PBKDF2 count for vaults made here. */
  vaultIterations?: number;
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
  escrow,
  vaultIterations,
}: SessionKeyOptions): SessionKey {
  const lockStore = createLockStore();
  const exclusive = serialise();
  const eraseAfter = policy.eraseAfterFailures ?? ERASE_AFTER_FAILURES;
  let escrowing: Promise<boolean> = Promise.resolve(false);

  const newVault = (pin: string, existing?: CryptoKey) => createVaultWithEscrowCopy(pin, { existing, iterations: vaultIterations });

  /** Send a copy of the key in the background: unlocking never waits for the network. */
  function escrowInBackground(escrowCopy: CryptoKey) {
    if (escrow) escrowing = depositEscrow(store, escrow, escrowCopy);
  }

  /**
   * Too many wrong PINs: erase the wrapped key, so the lock screen offers no more guesses. Only
   * when the server holds the escrowed copy; otherwise unsynced work would be lost, and the
   * lockout's waits (up to an hour per guess) stay the defence.
   */
  async function eraseIfTooMany(state: LockoutState): Promise<boolean> {
    if (!escrow || state.failures < eraseAfter || (await loadEscrow(store)) === null) return false;
    await store.set(storeKeys.erased, { at: now() });
    await store.set(storeKeys.vault, null);
    await saveLockoutState(store, noFailures);
    return true;
  }

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
    // A tab closed during the last allowed check left the count at the limit.
    if (await eraseIfTooMany(before)) return { ok: false, reason: 'erased' };
    const waitUntil = retryAt(before, time, policy);
    if (waitUntil !== null) return { ok: false, reason: 'locked-out', retryAt: waitUntil };

    const ifWrong = recordWrongPin(before, time, policy);
    await saveLockoutState(store, ifWrong);
    try {
      const value = await attempt();
      await saveLockoutState(store, noFailures);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof WrongPinError) {
        return (await eraseIfTooMany(ifWrong)) ? { ok: false, reason: 'erased' } : wrongPinResult(ifWrong, time);
      }
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

    setUpPin: (pin, pinPolicy) =>
      exclusive(async () => {
        const message = validatePin(pin, pinPolicy);
        if (message !== null) return { ok: false, reason: 'invalid-pin', message };
        if ((await readVault()) !== null || (await store.get(storeKeys.erased))) throw new PinAlreadySetUpError();
        const { vaultRecord, dataKey, escrowCopy } = await newVault(pin);
        await store.set(storeKeys.vault, vaultRecord);
        await saveLockoutState(store, noFailures);
        setUnlocked(dataKey);
        escrowInBackground(escrowCopy);
        return { ok: true };
      }),

    recover: (newPin, pinPolicy) =>
      exclusive(async () => {
        const message = validatePin(newPin, pinPolicy);
        if (message !== null) return { ok: false, reason: 'invalid-pin', message };
        const held = await loadEscrow(store);
        if (!escrow || held === null) throw new NoPinSetUpError();
        const wrappedKey = await escrow.fetch(held.deviceId);
        const recovered = await recoverDataKey({ escrowKey: held.escrowKey, wrappedKey });
        const { vaultRecord, dataKey } = await newVault(newPin, recovered);
        await store.set(storeKeys.vault, vaultRecord);
        await store.set(storeKeys.erased, null);
        await saveLockoutState(store, noFailures);
        setUnlocked(dataKey);
        return { ok: true };
      }),

    async isErased() {
      return Boolean(await store.get(storeKeys.erased));
    },

    escrowSettled: () => escrowing,

    unlock: (pin) =>
      exclusive(async () => {
        const vault = await readVault();
        if (vault === null) throw new NoPinSetUpError();
        // Not yet escrowed (a device set up offline or before escrow existed): the PIN is at
        // hand, so also take an extractable copy of the key to escrow.
        const needsEscrow = escrow !== undefined && (await loadEscrow(store)) === null;
        const result = await checkPin(async () =>
          needsEscrow ? unlockVaultWithEscrowCopy(vault, pin) : { dataKey: await unlockVault(vault, pin), escrowCopy: null },
        );
        if (!result.ok) return result;
        if (vaultNeedsUpgrade(vault)) {
          // Raise an older vault to the current iteration count while the PIN is at hand. If
          // this fails the old record still opens, and the next unlock tries again.
          await upgradeVault(vault, pin).then(
            (upgraded) => store.set(storeKeys.vault, upgraded),
            () => undefined,
          );
        }
        setUnlocked(result.value.dataKey);
        if (result.value.escrowCopy) escrowInBackground(result.value.escrowCopy);
        return { ok: true };
      }),

    changePin: (oldPin, newPin, pinPolicy) =>
      exclusive(async () => {
        const message = validatePin(newPin, pinPolicy);
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
