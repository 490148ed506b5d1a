import { describe, expect, it } from 'vitest';
import { WrongPinError } from '../crypto/errors';
import { createMemoryStore, storeKeys, type KeyValueStore } from '../crypto/key-value-store';
import { open, seal } from '../crypto/sealed';
import { unlockVault, type VaultRecord } from '../crypto/vault';
import { openIndexedDbStore } from '../crypto/testing/indexeddb-store';
import { lockoutMessage } from './lockout';
import { DeviceLockedError, PinAlreadySetUpError, createSessionKey, type UnlockResult } from './session-key';

const pin = '204817';
const note = 'Tamsin said she likes her new school';

function clock(start = 1_700_000_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

async function deviceWithPin(store: KeyValueStore = createMemoryStore(), now = clock().now) {
  const session = createSessionKey({ store, now });
  await session.setUpPin(pin);
  session.lock();
  return session;
}

async function tryWrongPins(session: ReturnType<typeof createSessionKey>, count: number): Promise<UnlockResult[]> {
  const results: UnlockResult[] = [];
  for (let i = 0; i < count; i += 1) results.push(await session.unlock('000000'));
  return results;
}

describe('the device lock', { timeout: 60_000 }, () => {
  it('sets up a PIN on first run and is unlocked afterwards', async () => {
    const session = createSessionKey({ store: createMemoryStore() });
    expect(await session.hasPin()).toBe(false);

    expect(await session.setUpPin(pin)).toEqual({ ok: true });

    expect(await session.hasPin()).toBe(true);
    expect(session.isUnlocked()).toBe(true);
  });

  it('says what is wrong with a PIN that breaks the rules', async () => {
    const session = createSessionKey({ store: createMemoryStore() });

    expect(await session.setUpPin('1234')).toEqual({
      ok: false,
      reason: 'invalid-pin',
      message: 'Enter a PIN of at least 6 digits, or a passphrase of at least 8 characters',
    });
    expect(await session.hasPin()).toBe(false);
  });

  it('never replaces a PIN that is already set up, which would lose every record', async () => {
    const session = await deviceWithPin();

    await expect(session.setUpPin('654321')).rejects.toBeInstanceOf(PinAlreadySetUpError);
  });

  it('forgets the data key on lock, and tells whoever is listening', async () => {
    const session = createSessionKey({ store: createMemoryStore() });
    await session.setUpPin(pin);
    const seen: string[] = [];
    session.subscribe((state) => seen.push(state.status));

    session.lock();

    expect(seen).toEqual(['locked']);
    expect(session.isUnlocked()).toBe(false);
    expect(() => session.dataKey()).toThrow(DeviceLockedError);
  });

  it('never writes the data key or the PIN to storage', async () => {
    const store = createMemoryStore();
    const session = createSessionKey({ store });
    await session.setUpPin(pin);

    const stored = [...store.entries.values()];
    expect(JSON.stringify(stored)).not.toContain(pin);
    expect(stored.some((value) => value instanceof CryptoKey)).toBe(false);
  });

  it('unlocks with the right PIN, giving the same key that sealed the notes', async () => {
    const store = createMemoryStore();
    const first = createSessionKey({ store });
    await first.setUpPin(pin);
    const sealed = await seal(first.dataKey(), { note }, 'visit-1');

    const afterReload = createSessionKey({ store });
    expect(afterReload.isUnlocked()).toBe(false);
    expect(await afterReload.unlock(pin)).toEqual({ ok: true });

    expect(await open(afterReload.dataKey(), sealed, 'visit-1')).toEqual({ note });
  });

  it('turns away a wrong PIN and says how many tries are left', async () => {
    const session = await deviceWithPin();

    expect(await session.unlock('000000')).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 4 });
    expect(session.isUnlocked()).toBe(false);
  });

  it('locks out after five wrong PINs, with waits that double', async () => {
    const time = clock();
    const session = await deviceWithPin(createMemoryStore(), time.now);

    const results = await tryWrongPins(session, 5);

    expect(results.map((r) => (r.ok ? 'ok' : r.reason === 'wrong-pin' ? r.attemptsLeft : 'locked-out'))).toEqual([
      4,
      3,
      2,
      1,
      'locked-out',
    ]);
    expect(results[4]).toEqual({ ok: false, reason: 'locked-out', retryAt: time.now() + 30_000 });

    // While locked out even the right PIN is not checked.
    time.advance(29_000);
    expect(await session.unlock(pin)).toEqual({ ok: false, reason: 'locked-out', retryAt: time.now() + 1_000 });

    time.advance(1_000);
    expect(await session.unlock('000000')).toEqual({ ok: false, reason: 'locked-out', retryAt: time.now() + 60_000 });
    time.advance(60_000);
    const seventh = await session.unlock('000000');
    expect(seventh).toEqual({ ok: false, reason: 'locked-out', retryAt: time.now() + 120_000 });
    expect(lockoutMessage((seventh as { retryAt: number }).retryAt, time.now())).toBe(
      'Too many wrong PINs. Try again in 2 minutes.',
    );
  });

  it('keeps the lockout when the page is reloaded', async () => {
    const store = createMemoryStore();
    const time = clock();
    await tryWrongPins(await deviceWithPin(store, time.now), 5);

    const afterReload = createSessionKey({ store, now: time.now });

    expect(await afterReload.lockoutStatus()).toEqual({ retryAt: time.now() + 30_000, attemptsLeft: 0 });
    expect(await afterReload.unlock(pin)).toMatchObject({ ok: false, reason: 'locked-out' });
  });

  it('keeps the lockout across a reload with the state in IndexedDB', async () => {
    const time = clock();
    const before = await openIndexedDbStore('lockout-reload');
    await tryWrongPins(await deviceWithPin(before, time.now), 5);
    before.close();

    const after = await openIndexedDbStore('lockout-reload');
    const afterReload = createSessionKey({ store: after, now: time.now });

    expect((await afterReload.lockoutStatus()).retryAt).toBe(time.now() + 30_000);
    after.close();
  });

  it('starts counting again from nothing after the right PIN', async () => {
    const time = clock();
    const session = await deviceWithPin(createMemoryStore(), time.now);
    await tryWrongPins(session, 4);

    expect(await session.unlock(pin)).toEqual({ ok: true });

    expect(await session.lockoutStatus()).toEqual({ retryAt: null, attemptsLeft: 5 });
    expect(await session.unlock('000000')).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 4 });
  });

  it('counts each try before checking it, so closing the tab mid-check cannot dodge the count', async () => {
    const store = createMemoryStore();
    await deviceWithPin(store);
    const lockoutWrites: unknown[] = [];
    const watched: KeyValueStore = {
      get: (key) => store.get(key),
      async set(key, value) {
        if (key === storeKeys.lockout) lockoutWrites.push(value);
        await store.set(key, value);
      },
    };

    await createSessionKey({ store: watched }).unlock(pin);

    expect(lockoutWrites).toEqual([
      { failures: 1, lockedUntil: null },
      { failures: 0, lockedUntil: null },
    ]);
  });

  it('changes the PIN and keeps the notes readable, under the same lockout', async () => {
    const store = createMemoryStore();
    const session = createSessionKey({ store });
    await session.setUpPin(pin);
    const sealed = await seal(session.dataKey(), { note }, 'visit-1');

    expect(await session.changePin('999999', 'blue kettle on the hob')).toEqual({
      ok: false,
      reason: 'wrong-pin',
      attemptsLeft: 4,
    });
    expect(await session.changePin(pin, 'blue kettle on the hob')).toEqual({ ok: true });

    const vault = (await store.get(storeKeys.vault)) as VaultRecord;
    await expect(unlockVault(vault, pin)).rejects.toBeInstanceOf(WrongPinError);
    session.lock();
    expect(await session.unlock('blue kettle on the hob')).toEqual({ ok: true });
    expect(await open(session.dataKey(), sealed, 'visit-1')).toEqual({ note });
  });

  it('keeps the vault record at 600,000 iterations or more', async () => {
    const store = createMemoryStore();
    await deviceWithPin(store);

    const vault = (await store.get(storeKeys.vault)) as VaultRecord;

    expect(vault.kdf.iterations).toBeGreaterThanOrEqual(600_000);
  });
});
