import { describe, expect, it } from 'vitest';
import { createMemoryStore, storeKeys } from '../crypto/key-value-store';
import { open, seal } from '../crypto/sealed';
import { FakeServer } from '../sync/testing/fake-server';
import { OfflineError, RequestError } from '../sync/errors';
import type { KeyEscrowPort } from './key-escrow';
import { defaultLockoutPolicy, ERASE_AFTER_FAILURES } from './lockout';
import { createSessionKey, type UnlockResult } from './session-key';

const pin = '204817';
const newPassphrase = 'blue kettle on the stove';
const note = 'Tamsin said she likes her new school';
// Cheap PBKDF2 for vaults made here (allowed under vitest only); the logic is what is tested.
const vaultIterations = 1_000;

function escrowThrough(server: FakeServer): KeyEscrowPort {
  return {
    deposit: (deviceId, wrappedKey) => server.transport.putKeyEscrow!(deviceId, wrappedKey),
    fetch: (deviceId) => server.transport.getKeyEscrow!(deviceId),
  };
}

function device(server = new FakeServer(), store = createMemoryStore()) {
  let time = 1_700_000_000_000;
  const session = createSessionKey({ store, escrow: escrowThrough(server), vaultIterations, now: () => time });
  return { server, store, session, advance: (ms: number) => (time += ms) };
}

/** Wrong PINs, waiting out each lockout first, as a patient thief at the lock screen would. */
async function guessWrong(d: ReturnType<typeof device>, count: number): Promise<UnlockResult[]> {
  const results: UnlockResult[] = [];
  for (let i = 0; i < count; i += 1) {
    d.advance(defaultLockoutPolicy.maxWaitMs);
    results.push(await d.session.unlock(`00000${i % 10}`));
  }
  return results;
}

describe('erase after too many wrong PINs, and recovery through the key escrow', { timeout: 30_000 }, () => {
  it('escrows the key at set-up: the server holds only the wrapped half, the device only the escrow key', async () => {
    const d = device();
    await d.session.setUpPin(pin);
    expect(await d.session.escrowSettled()).toBe(true);

    const wrappedKey = [...d.server.keyEscrow.values()][0]!;
    const escrow = d.store.entries.get(storeKeys.escrow) as { deviceId: string; escrowKey: string };
    expect(d.server.keyEscrow.has(`${d.server.escrowUser}/${escrow.deviceId}`)).toBe(true);
    expect(JSON.stringify([...d.store.entries])).not.toContain(wrappedKey);
    expect(wrappedKey).not.toContain(escrow.escrowKey);
  });

  it(`erases the vault on the ${ERASE_AFTER_FAILURES}th wrong PIN in a row, not before`, async () => {
    const d = device();
    await d.session.setUpPin(pin);
    await d.session.escrowSettled();
    d.session.lock();

    const results = await guessWrong(d, ERASE_AFTER_FAILURES);

    // Wrong, then (from the 6th) locked out until the next wait is over: never erased before the 10th.
    expect(results.slice(0, -1).map((r) => !r.ok && r.reason)).toEqual([
      ...Array(defaultLockoutPolicy.freeAttempts - 1).fill('wrong-pin'),
      ...Array(ERASE_AFTER_FAILURES - defaultLockoutPolicy.freeAttempts).fill('locked-out'),
    ]);
    expect(results.at(-1)).toEqual({ ok: false, reason: 'erased' });
    expect(await d.session.hasPin()).toBe(false);
    expect(await d.session.isErased()).toBe(true);
    expect(d.store.entries.get(storeKeys.vault)).toBeNull();
  });

  it('a correct PIN before the limit resets the count', async () => {
    const d = device();
    await d.session.setUpPin(pin);
    await d.session.escrowSettled();
    d.session.lock();
    await guessWrong(d, ERASE_AFTER_FAILURES - 1);
    d.advance(defaultLockoutPolicy.maxWaitMs);
    expect(await d.session.unlock(pin)).toEqual({ ok: true });
    d.session.lock();

    expect((await guessWrong(d, ERASE_AFTER_FAILURES - 1)).some((r) => !r.ok && r.reason === 'erased')).toBe(false);
    expect(await d.session.hasPin()).toBe(true);
  });

  it('after a fresh sign-in, recovers the same data key under a new passphrase: sealed records open again', async () => {
    const d = device();
    await d.session.setUpPin(pin);
    await d.session.escrowSettled();
    const sealed = await seal(d.session.dataKey(), { note }, 'visit-1');
    d.session.lock();
    await guessWrong(d, ERASE_AFTER_FAILURES);

    expect(await d.session.recover(newPassphrase)).toEqual({ ok: true });

    expect(await open(d.session.dataKey(), sealed, 'visit-1')).toEqual({ note });
    expect(await d.session.isErased()).toBe(false);
    d.session.lock();
    expect(await d.session.unlock(pin)).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await d.session.unlock(newPassphrase)).toEqual({ ok: true });
    expect(await open(d.session.dataKey(), sealed, 'visit-1')).toEqual({ note });
  });

  it('gives nothing back to another user (404) or to a session that did not just sign in (403), and stays erased', async () => {
    const d = device();
    await d.session.setUpPin(pin);
    await d.session.escrowSettled();
    d.session.lock();
    await guessWrong(d, ERASE_AFTER_FAILURES);

    d.server.escrowUser = '0190a000-0000-7000-8000-0000000000ff';
    await expect(d.session.recover(newPassphrase)).rejects.toMatchObject({ status: 404 });
    d.server.escrowUser = new FakeServer().escrowUser;
    d.server.freshSignIn = false;
    await expect(d.session.recover(newPassphrase)).rejects.toBeInstanceOf(RequestError);

    expect(d.session.isUnlocked()).toBe(false);
    expect(await d.session.isErased()).toBe(true);
  });

  it('never erases a device whose key the server does not hold: it stays locked out instead', async () => {
    const d = device();
    d.server.failures.push(new OfflineError());
    await d.session.setUpPin(pin);
    expect(await d.session.escrowSettled()).toBe(false);
    d.session.lock();

    const results = await guessWrong(d, ERASE_AFTER_FAILURES + 2);

    expect(results.some((r) => !r.ok && r.reason === 'erased')).toBe(false);
    expect(await d.session.hasPin()).toBe(true);
    d.advance(defaultLockoutPolicy.maxWaitMs);
    expect(await d.session.unlock(pin)).toEqual({ ok: true });
  });

  it('a device set up without escrow escrows its key at the next online unlock', async () => {
    const store = createMemoryStore();
    const before = createSessionKey({ store, vaultIterations });
    await before.setUpPin(pin);
    expect(store.entries.has(storeKeys.escrow)).toBe(false);

    const d = device(new FakeServer(), store);
    expect(await d.session.unlock(pin)).toEqual({ ok: true });
    expect(await d.session.escrowSettled()).toBe(true);
    expect(store.entries.get(storeKeys.escrow)).toMatchObject({ escrowKey: expect.any(String) });
    expect(d.server.keyEscrow.size).toBe(1);
  });

  it("applies the team's passphrase policy to a new PIN, a changed PIN and a recovery PIN", async () => {
    const d = device();
    expect(await d.session.setUpPin(pin, 'passphrase')).toMatchObject({ ok: false, reason: 'invalid-pin' });
    expect(await d.session.setUpPin(pin, 'pin-6')).toEqual({ ok: true });
    expect(await d.session.changePin(pin, '99887766', 'passphrase')).toMatchObject({ ok: false, reason: 'invalid-pin' });
    expect(await d.session.changePin(pin, newPassphrase, 'passphrase')).toEqual({ ok: true });
  });
});
