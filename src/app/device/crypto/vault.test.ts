import { describe, expect, it } from 'vitest';
import { CryptoFormatError, WrongPinError } from './errors';
import { base64ToBytes, bytesToBase64 } from './base64';
import { PBKDF2_ITERATIONS, deriveWrappingKey } from './key-derivation';
import { InvalidPinError } from './pin-rules';
import { open, seal } from './sealed';
import { changePin, createVault, unlockVault, upgradeVault, vaultNeedsUpgrade, type VaultRecord } from './vault';
import { openIndexedDbStore } from './testing/indexeddb-store';

const note = 'Tamsin said she likes her new school';

// Each PBKDF2 run takes a few hundred ms; leave room on a busy CI machine.
describe('the vault that holds the data key', { timeout: 30_000 }, () => {
  it('unlocks with the PIN it was made with, and the key opens what it sealed', async () => {
    const { vaultRecord, dataKey } = await createVault('204817');
    const sealed = await seal(dataKey, { note }, 'visit-1');

    const unlocked = await unlockVault(vaultRecord, '204817');

    expect(await open(unlocked, sealed, 'visit-1')).toEqual({ note });
  });

  it('rejects a wrong PIN with a WrongPinError', async () => {
    const { vaultRecord } = await createVault('204817');

    await expect(unlockVault(vaultRecord, '204818')).rejects.toBeInstanceOf(WrongPinError);
  });

  it('stores PBKDF2-SHA-256 at 600,000 iterations or more, with a 16-byte salt', async () => {
    const { vaultRecord } = await createVault('204817');

    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(vaultRecord.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(vaultRecord.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(atob(vaultRecord.kdf.salt)).toHaveLength(16);
    expect(atob(vaultRecord.iv)).toHaveLength(12);
  });

  it('gives out a data key that cannot be exported', async () => {
    const { vaultRecord, dataKey } = await createVault('204817');
    const unlocked = await unlockVault(vaultRecord, '204817');

    expect(dataKey.extractable).toBe(false);
    expect(unlocked.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', unlocked)).rejects.toThrow();
  });

  it('makes a different salt and wrapped key for two devices with the same PIN', async () => {
    const first = await createVault('204817');
    const second = await createVault('204817');

    expect(first.vaultRecord.kdf.salt).not.toBe(second.vaultRecord.kdf.salt);
    expect(first.vaultRecord.wrappedKey).not.toBe(second.vaultRecord.wrappedKey);
  });

  it('refuses to set up a PIN that breaks the PIN rules', async () => {
    await expect(createVault('1234')).rejects.toBeInstanceOf(InvalidPinError);
  });

  it('keeps a practitioner’s notes readable after the PIN is changed', async () => {
    const { vaultRecord, dataKey } = await createVault('204817');
    const sealed = await seal(dataKey, { note }, 'visit-1');

    const changed = await changePin(vaultRecord, '204817', 'blue kettle on the hob');

    await expect(unlockVault(changed, '204817')).rejects.toBeInstanceOf(WrongPinError);
    const unlocked = await unlockVault(changed, 'blue kettle on the hob');
    expect(await open(unlocked, sealed, 'visit-1')).toEqual({ note });
    expect(changed.kdf.salt).not.toBe(vaultRecord.kdf.salt);
  });

  it('does not change the PIN when the old PIN is wrong', async () => {
    const { vaultRecord } = await createVault('204817');

    await expect(changePin(vaultRecord, '999999', '654321')).rejects.toBeInstanceOf(WrongPinError);
  });

  it('raises an older vault to the current iteration count without changing the PIN', async () => {
    const { vaultRecord, dataKey } = await createVault('204817');
    const sealed = await seal(dataKey, { note }, 'visit-1');
    const older = await weakenForTest(vaultRecord, '204817', 100_000);
    expect(vaultNeedsUpgrade(older)).toBe(true);

    const upgraded = await upgradeVault(older, '204817');

    expect(vaultNeedsUpgrade(upgraded)).toBe(false);
    expect(await open(await unlockVault(upgraded, '204817'), sealed, 'visit-1')).toEqual({ note });
  });

  it('refuses a damaged vault record rather than guessing', async () => {
    const { vaultRecord } = await createVault('204817');

    await expect(unlockVault({ ...vaultRecord, version: 2 } as unknown as VaultRecord, '204817')).rejects.toBeInstanceOf(
      CryptoFormatError,
    );
    await expect(
      unlockVault({ ...vaultRecord, kdf: { ...vaultRecord.kdf, iterations: 1e12 } }, '204817'),
    ).rejects.toBeInstanceOf(CryptoFormatError);
    await expect(unlockVault({ ...vaultRecord, iv: '***' }, '204817')).rejects.toBeInstanceOf(CryptoFormatError);
  });

  it('survives being stored in IndexedDB and read back', async () => {
    const store = await openIndexedDbStore('vault-round-trip');
    const { vaultRecord } = await createVault('204817');

    await store.set('lock.vault', vaultRecord);
    const stored = (await store.get('lock.vault')) as VaultRecord;
    store.close();

    expect(stored).toEqual(vaultRecord);
    await expect(unlockVault(stored, '204817')).resolves.toBeDefined();
  });
});

// Build a vault at a lower count by hand, as an older release would have stored it.
async function weakenForTest(record: VaultRecord, pin: string, iterations: number): Promise<VaultRecord> {
  const context = new TextEncoder().encode('doorstep/vault/v1');
  const current = await deriveWrappingKey(pin, base64ToBytes(record.kdf.salt), record.kdf.iterations);
  const exportable = await crypto.subtle.unwrapKey(
    'raw',
    base64ToBytes(record.wrappedKey),
    current,
    { name: 'AES-GCM', iv: base64ToBytes(record.iv), additionalData: context },
    { name: 'AES-GCM' },
    true,
    ['encrypt', 'decrypt'],
  );
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const weaker = await deriveWrappingKey(pin, salt, iterations);
  const wrapped = await crypto.subtle.wrapKey('raw', exportable, weaker, { name: 'AES-GCM', iv, additionalData: context });
  return {
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    wrappedKey: bytesToBase64(new Uint8Array(wrapped)),
    iv: bytesToBase64(iv),
  };
}
