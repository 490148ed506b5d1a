import { storeKeys } from '../device/crypto/key-value-store';
import { createVaultForTests } from '../device/crypto/vault';
import { deviceSession } from '../device/lock/device-session-store';
import { metaStore } from '../device/db/meta-store';
import type { SessionKey } from '../device/lock/session-key';
import { useAccount } from '../device/sync/account';
import { DEMO_SESSION } from '../device/sync/testing/fake-server';

/** The PIN of the test device's vault. */
export const TEST_PIN = '246810';

// Made once per test file at a low PBKDF2 count (tests only: see createVaultForTests), so an
// unlock costs microseconds. The real app always uses 600,000 or more.
const TEST_ITERATIONS = 1_000;
const testVault = await createVaultForTests(TEST_PIN, TEST_ITERATIONS);

/** Unlocks the device session in memory with the test data key. No storage is touched. */
export function unlockTestSessionNow(): SessionKey {
  const session = deviceSession();
  session.store.setState({ status: 'unlocked', dataKey: testVault.dataKey }, true);
  return session;
}

/**
 * A device with a PIN set up (TEST_PIN) and unlocked, as after first run. Call after
 * resetDatabase(): it writes the vault record to the meta table, so locking and unlocking
 * with TEST_PIN through the UI works too.
 */
export async function unlockTestDevice(): Promise<SessionKey> {
  await setUpTestVault();
  return unlockTestSessionNow();
}

/** A device with a PIN set up (TEST_PIN) but locked, as after a reload. */
export async function lockedTestDevice(): Promise<SessionKey> {
  await setUpTestVault();
  const session = deviceSession();
  session.lock();
  return session;
}

/**
 * A device on first run, just signed in (first run asks to sign in before the PIN): no PIN
 * yet, locked. Call after resetDatabase(). Set useAccount's `pending` to null for a device
 * that has not signed in yet.
 */
export function newTestDevice(): SessionKey {
  useAccount.setState({ pending: DEMO_SESSION });
  const session = deviceSession();
  session.lock();
  return session;
}

async function setUpTestVault(): Promise<void> {
  await metaStore.set(storeKeys.vault, testVault.vaultRecord);
}
