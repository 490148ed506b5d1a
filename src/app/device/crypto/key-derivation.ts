import { randomBytes } from './base64';

/**
 * OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA-256 at 600,000 iterations.
 * Each vault record stores its own count, so this can be raised later and older vaults
 * are rewrapped at the new count on their next unlock (see session-key.ts).
 */
export const PBKDF2_ITERATIONS = 600_000;

/** Refuse to run a stored count above this: a corrupt or hostile record must not hang the tab. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

export const SALT_BYTES = 16;

export function newSalt(): Uint8Array<ArrayBuffer> {
  return randomBytes(SALT_BYTES);
}

/**
 * Unicode normalisation (NFC) so a passphrase typed on another keyboard or OS, which may
 * compose accented letters differently, still derives the same key. Changing this would lock
 * every existing user out, so it is fixed for vault version 1.
 */
export function encodePin(pin: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(pin.normalize('NFC'));
}

/**
 * Derive the key-encryption key that wraps the data key. It is non-extractable and can only
 * wrap and unwrap, so it never encrypts record content directly.
 */
export async function deriveWrappingKey(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<CryptoKey> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations out of range: ${iterations}`);
  }
  const material = await crypto.subtle.importKey('raw', encodePin(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
