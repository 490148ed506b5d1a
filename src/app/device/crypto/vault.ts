import { base64ToBytes, bytesToBase64, randomBytes } from './base64';
import { CryptoFormatError, WrongPinError, isAuthenticationFailure } from './errors';
import { MAX_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, deriveWrappingKey, newSalt } from './key-derivation';
import { assertValidPin } from './pin-rules';

/**
 * What is stored on the device: everything needed to turn the right PIN back into the data
 * key, and nothing that helps without it. Plain strings and numbers, so it survives IndexedDB,
 * JSON export and structured clone alike.
 */
export interface VaultRecord {
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  /** The raw 256-bit data key, AES-GCM encrypted under the PIN-derived key (tag included). */
  wrappedKey: string;
  iv: string;
}

export interface CreatedVault {
  vaultRecord: VaultRecord;
  /** Non-extractable: usable for encrypt/decrypt only, so script cannot read it out. */
  dataKey: CryptoKey;
}

const IV_BYTES = 12;
// Binds the wrapped key to its purpose, so these bytes cannot be fed to open() as a record.
const WRAP_CONTEXT = new TextEncoder().encode('doorstep/vault/v1');

/** First run: a fresh random data key, wrapped under the PIN. Throws InvalidPinError. */
export async function createVault(pin: string): Promise<CreatedVault> {
  return makeVault(pin, PBKDF2_ITERATIONS);
}

/**
 * Test-only: a vault at a low iteration count, so component tests can set one up in
 * milliseconds. Only src/app/testing calls it. Outside vitest (MODE 'test') it refuses any count
 * below PBKDF2_ITERATIONS; in a production build MODE is the literal 'production', so the low
 * path cannot run there at all.
 * @internal
 */
export async function createVaultForTests(pin: string, iterations: number): Promise<CreatedVault> {
  if (iterations < PBKDF2_ITERATIONS && import.meta.env.MODE !== 'test') {
    throw new RangeError(`A vault needs at least ${PBKDF2_ITERATIONS} PBKDF2 iterations`);
  }
  return makeVault(pin, iterations);
}

async function makeVault(pin: string, iterations: number): Promise<CreatedVault> {
  const { vaultRecord, dataKey } = await makeVaultWithEscrowCopy(pin, iterations);
  return { vaultRecord, dataKey };
}

/**
 * For key escrow only (lock/key-escrow.ts): a vault as createVault makes it, plus an extractable
 * handle on its data key to wrap for the server, which the caller must drop once escrowed. With
 * `existing` (a data key recovered from escrow) the vault wraps that key instead of a new one,
 * so records sealed under it open again. `iterations` below the default: tests only, as for
 * createVaultForTests. Throws InvalidPinError.
 */
export async function createVaultWithEscrowCopy(
  pin: string,
  { existing, iterations = PBKDF2_ITERATIONS }: { existing?: CryptoKey; iterations?: number } = {},
): Promise<CreatedVault & { escrowCopy: CryptoKey }> {
  if (iterations < PBKDF2_ITERATIONS && import.meta.env.MODE !== 'test') {
    throw new RangeError(`A vault needs at least ${PBKDF2_ITERATIONS} PBKDF2 iterations`);
  }
  return makeVaultWithEscrowCopy(pin, iterations, existing);
}

async function makeVaultWithEscrowCopy(pin: string, iterations: number, existing?: CryptoKey) {
  assertValidPin(pin);
  const salt = newSalt();
  const wrappingKey = await deriveWrappingKey(pin, salt, iterations);
  // Extractable only so that wrapKey can export it; the caller drops this handle.
  const exportable = existing ?? (await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']));
  const vaultRecord = await wrap(exportable, wrappingKey, salt, iterations);
  // Unwrapping the record we just made both checks it and yields the non-extractable copy.
  const dataKey = await unwrap(vaultRecord, wrappingKey, false);
  return { vaultRecord, dataKey, escrowCopy: exportable };
}

/** Returns the non-extractable data key, or throws WrongPinError (or CryptoFormatError). */
export async function unlockVault(vaultRecord: VaultRecord, pin: string): Promise<CryptoKey> {
  const record = parseVaultRecord(vaultRecord);
  const wrappingKey = await deriveWrappingKey(pin, decode(record.kdf.salt), record.kdf.iterations);
  return unwrap(record, wrappingKey, false);
}

/**
 * unlockVault plus an extractable handle on the data key, for a device that has not escrowed
 * its key yet (lock/key-escrow.ts). One PBKDF2 run: the second unwrap is cheap.
 */
export async function unlockVaultWithEscrowCopy(vaultRecord: VaultRecord, pin: string): Promise<{ dataKey: CryptoKey; escrowCopy: CryptoKey }> {
  const record = parseVaultRecord(vaultRecord);
  const wrappingKey = await deriveWrappingKey(pin, decode(record.kdf.salt), record.kdf.iterations);
  const dataKey = await unwrap(record, wrappingKey, false);
  return { dataKey, escrowCopy: await unwrap(record, wrappingKey, true) };
}

/**
 * Rewrap the same data key under a new PIN, with a new salt and the current iteration count.
 * Records sealed under the data key stay readable; nothing is re-encrypted.
 * Throws WrongPinError for the old PIN, InvalidPinError for the new one.
 */
export async function changePin(vaultRecord: VaultRecord, oldPin: string, newPin: string): Promise<VaultRecord> {
  assertValidPin(newPin);
  return rewrap(vaultRecord, oldPin, newPin);
}

/** True when the vault was made with fewer iterations than this version uses. */
export function vaultNeedsUpgrade(vaultRecord: VaultRecord): boolean {
  return vaultRecord.kdf.iterations < PBKDF2_ITERATIONS;
}

/**
 * Rewrap under the same PIN at the current iteration count. Skips the PIN rules on purpose:
 * a PIN accepted under older rules must keep working.
 */
export async function upgradeVault(vaultRecord: VaultRecord, pin: string): Promise<VaultRecord> {
  return rewrap(vaultRecord, pin, pin);
}

/** Check a value read back from storage. Throws CryptoFormatError. */
export function parseVaultRecord(value: unknown): VaultRecord {
  const record = value as Partial<VaultRecord> | null;
  const kdf = record?.kdf;
  const ok =
    typeof record === 'object' &&
    record !== null &&
    record.version === 1 &&
    typeof kdf === 'object' &&
    kdf !== null &&
    kdf.name === 'PBKDF2' &&
    kdf.hash === 'SHA-256' &&
    Number.isInteger(kdf.iterations) &&
    kdf.iterations >= 1 &&
    kdf.iterations <= MAX_PBKDF2_ITERATIONS &&
    typeof kdf.salt === 'string' &&
    typeof record.wrappedKey === 'string' &&
    typeof record.iv === 'string';
  if (!ok) throw new CryptoFormatError('Not a vault record this version can read');
  return record as VaultRecord;
}

async function rewrap(vaultRecord: VaultRecord, oldPin: string, newPin: string): Promise<VaultRecord> {
  const record = parseVaultRecord(vaultRecord);
  const oldWrappingKey = await deriveWrappingKey(oldPin, decode(record.kdf.salt), record.kdf.iterations);
  const exportable = await unwrap(record, oldWrappingKey, true);
  const salt = newSalt();
  const newWrappingKey = await deriveWrappingKey(newPin, salt, PBKDF2_ITERATIONS);
  return wrap(exportable, newWrappingKey, salt, PBKDF2_ITERATIONS);
}

async function wrap(
  dataKey: CryptoKey,
  wrappingKey: CryptoKey,
  salt: Uint8Array,
  iterations: number,
): Promise<VaultRecord> {
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, {
    name: 'AES-GCM',
    iv,
    additionalData: WRAP_CONTEXT,
  });
  return {
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    wrappedKey: bytesToBase64(new Uint8Array(wrapped)),
    iv: bytesToBase64(iv),
  };
}

async function unwrap(record: VaultRecord, wrappingKey: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  const wrapped = decode(record.wrappedKey);
  const iv = decode(record.iv);
  if (iv.length !== IV_BYTES) throw new CryptoFormatError('Vault record has the wrong IV length');
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      wrapped,
      wrappingKey,
      { name: 'AES-GCM', iv, additionalData: WRAP_CONTEXT },
      { name: 'AES-GCM' },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch (error) {
    if (isAuthenticationFailure(error)) throw new WrongPinError();
    throw error;
  }
}

function decode(field: string): Uint8Array<ArrayBuffer> {
  try {
    return base64ToBytes(field);
  } catch {
    throw new CryptoFormatError('Vault record is not valid base64');
  }
}
