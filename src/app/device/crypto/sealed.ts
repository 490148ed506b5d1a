import { base64ToBytes, bytesToBase64, randomBytes } from './base64';
import { CryptoFormatError, SealedOpenError, isAuthenticationFailure } from './errors';

/**
 * A value encrypted under the data key, as stored in IndexedDB.
 *
 * Storage decision: the ciphertext is an ArrayBuffer in both variants (record JSON and photo
 * bytes). IndexedDB stores ArrayBuffers natively, so base64 would only add a third to the
 * size and a copy on every read. The 12-byte IV is base64 (16 characters): small, and easy to
 * compare and inspect. The AES-GCM tag is the last 16 bytes of `ct`.
 *
 * `ct` is not JSON-serialisable; anything that leaves IndexedDB as JSON must encode it itself.
 */
export interface Sealed {
  v: 1;
  iv: string;
  ct: ArrayBuffer;
}

export type BinaryInput = Blob | ArrayBuffer | ArrayBufferView;

const IV_BYTES = 12;

/**
 * Encrypt a JSON value. `aad` is the id of the record it belongs to: it is authenticated, not
 * stored, so the sealed value opens only under that same id and cannot be swapped between
 * records. A fresh random 96-bit IV is drawn every time (never reuse an IV under one key).
 */
export async function seal(dataKey: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('Only JSON values can be sealed');
  return encrypt(dataKey, new TextEncoder().encode(json), context('json', aad));
}

/** Decrypt a value made by seal() under the same record id. Throws SealedOpenError. */
export async function open<T = unknown>(dataKey: CryptoKey, sealed: Sealed, aad: string): Promise<T> {
  const plain = await decrypt(dataKey, sealed, context('json', aad));
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as T;
  } catch {
    throw new CryptoFormatError('Sealed value is not JSON');
  }
}

/** Encrypt binary content (a photo of a child's drawing), kept as an ArrayBuffer. */
export async function sealBytes(dataKey: CryptoKey, data: BinaryInput, aad: string): Promise<Sealed> {
  return encrypt(dataKey, await toBytes(data), context('bytes', aad));
}

/** Decrypt binary content made by sealBytes() under the same id. Throws SealedOpenError. */
export async function openBytes(dataKey: CryptoKey, sealed: Sealed, aad: string): Promise<ArrayBuffer> {
  return decrypt(dataKey, sealed, context('bytes', aad));
}

/** Check a value read back from storage. Throws CryptoFormatError. */
export function parseSealed(value: unknown): Sealed {
  const sealed = value as Partial<Sealed> | null;
  if (
    typeof sealed !== 'object' ||
    sealed === null ||
    sealed.v !== 1 ||
    typeof sealed.iv !== 'string' ||
    !isArrayBuffer(sealed.ct)
  ) {
    throw new CryptoFormatError('Not a sealed value this version can read');
  }
  return sealed as Sealed;
}

// The kind is bound in too, so a photo's bytes cannot be opened as a record or the reverse.
function context(kind: 'json' | 'bytes', aad: string): Uint8Array<ArrayBuffer> {
  if (aad === '') throw new TypeError('A sealed value must be bound to a record id');
  return new TextEncoder().encode(`doorstep/sealed/v1/${kind}/${aad}`);
}

async function encrypt(dataKey: CryptoKey, plain: Uint8Array<ArrayBuffer>, additionalData: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, dataKey, plain);
  return { v: 1, iv: bytesToBase64(iv), ct };
}

async function decrypt(dataKey: CryptoKey, value: Sealed, additionalData: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  const sealed = parseSealed(value);
  let iv: Uint8Array<ArrayBuffer>;
  try {
    iv = base64ToBytes(sealed.iv);
  } catch {
    throw new CryptoFormatError('Sealed value has an IV that is not base64');
  }
  if (iv.length !== IV_BYTES) throw new CryptoFormatError('Sealed value has the wrong IV length');
  try {
    // A view, not the buffer itself: Node's WebCrypto takes views of any realm's buffer but
    // only its own realm's ArrayBuffer (the tests' IndexedDB gives jsdom's). Same bytes, no copy.
    return await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, dataKey, new Uint8Array(sealed.ct));
  } catch (error) {
    if (isAuthenticationFailure(error)) throw new SealedOpenError();
    throw error;
  }
}

async function toBytes(data: BinaryInput): Promise<Uint8Array<ArrayBuffer>> {
  if (isArrayBuffer(data)) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) {
    const copy = new Uint8Array(data.byteLength);
    copy.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return copy;
  }
  return new Uint8Array(await data.arrayBuffer());
}

// Not instanceof: buffers from WebCrypto or IndexedDB can come from another realm (a worker,
// or jsdom in tests), where instanceof ArrayBuffer is false.
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}
