import { base64ToBytes, bytesToBase64, randomBytes } from './base64';
import { CryptoFormatError, isAuthenticationFailure } from './errors';

/**
 * Key escrow (design: .notes/app.md, "Key escrow"). The data key is wrapped under a random
 * escrow key: the device keeps the escrow key, the server keeps only the wrapped data key. A
 * copy of the device's storage has the first half, the server's database the second; only the
 * same user, freshly signed in with their password, can bring the two together.
 */
export interface EscrowHalves {
  /** Kept on the device (plain: it must outlive an erased vault). Raw AES-256 key, base64. */
  escrowKey: string;
  /** Sent to the server (PUT /api/key-escrow): 12-byte IV + AES-GCM wrap of the data key, base64. */
  wrappedKey: string;
}

const IV_BYTES = 12;
const ESCROW_CONTEXT = new TextEncoder().encode('doorstep/key-escrow/v1');

/** Split an extractable data key into the two halves. The data key itself is not changed. */
export async function escrowDataKey(extractableDataKey: CryptoKey): Promise<EscrowHalves> {
  const escrowKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['wrapKey', 'unwrapKey']);
  const iv = randomBytes(IV_BYTES);
  const wrapped = new Uint8Array(
    await crypto.subtle.wrapKey('raw', extractableDataKey, escrowKey, { name: 'AES-GCM', iv, additionalData: ESCROW_CONTEXT }),
  );
  const joined = new Uint8Array(IV_BYTES + wrapped.length);
  joined.set(iv);
  joined.set(wrapped, IV_BYTES);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', escrowKey));
  return { escrowKey: bytesToBase64(raw), wrappedKey: bytesToBase64(joined) };
}

/**
 * Join the halves back into the data key, extractable so the caller can wrap it under a new
 * PIN. Throws CryptoFormatError when they do not belong together (another device's or user's copy).
 */
export async function recoverDataKey({ escrowKey, wrappedKey }: EscrowHalves): Promise<CryptoKey> {
  let key: CryptoKey;
  let joined: Uint8Array<ArrayBuffer>;
  try {
    key = await crypto.subtle.importKey('raw', base64ToBytes(escrowKey), 'AES-GCM', false, ['unwrapKey']);
    joined = base64ToBytes(wrappedKey);
  } catch {
    throw new CryptoFormatError('The key copy is not in a shape this version can read');
  }
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      joined.slice(IV_BYTES),
      key,
      { name: 'AES-GCM', iv: joined.slice(0, IV_BYTES), additionalData: ESCROW_CONTEXT },
      { name: 'AES-GCM' },
      true,
      ['encrypt', 'decrypt'],
    );
  } catch (error) {
    if (isAuthenticationFailure(error)) throw new CryptoFormatError('The key copy does not belong to this device');
    throw error;
  }
}
