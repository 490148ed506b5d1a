import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';
import { CryptoFormatError, SealedOpenError } from './errors';
import { open, openBytes, parseSealed, seal, sealBytes, type Sealed } from './sealed';
import { openIndexedDbStore } from './testing/indexeddb-store';

const note = 'Tamsin said she likes her new school';

// A data key made directly: these tests are about sealing, not about the PIN.
let dataKey: CryptoKey;
let otherDevicesKey: CryptoKey;
beforeAll(async () => {
  const make = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  dataKey = await make();
  otherDevicesKey = await make();
});

describe('sealing a record', () => {
  it('opens to the same value under the same record id', async () => {
    const visit = { note, seenAlone: true, visitedOn: '2025-03-14' };

    const sealed = await seal(dataKey, visit, 'visit-018f');

    expect(await open(dataKey, sealed, 'visit-018f')).toEqual(visit);
  });

  it('does not show the words of a visit note in anything it stores, in any encoding', async () => {
    const sealed = await seal(dataKey, { note }, 'visit-018f');
    const ct = new Uint8Array(sealed.ct);
    const stored = JSON.stringify({ ...sealed, ct: bytesToBase64(ct) });

    for (const needle of ['Tamsin', 'new school', note]) {
      expect(containsBytes(ct, new TextEncoder().encode(needle))).toBe(false);
      expect(containsBytes(ct, utf16le(needle))).toBe(false);
      expect(stored).not.toContain(needle);
      expect(stored).not.toContain(btoa(needle).replace(/=+$/, ''));
      expect(hex(ct)).not.toContain(hex(new TextEncoder().encode(needle)));
    }
  });

  it('will not open a note moved onto another record', async () => {
    const sealed = await seal(dataKey, { note }, 'visit-018f');

    await expect(open(dataKey, sealed, 'visit-0190')).rejects.toBeInstanceOf(SealedOpenError);
  });

  it('will not open under another device’s key', async () => {
    const sealed = await seal(dataKey, { note }, 'visit-018f');

    await expect(open(otherDevicesKey, sealed, 'visit-018f')).rejects.toBeInstanceOf(SealedOpenError);
  });

  it('will not open after a single byte of the ciphertext is changed', async () => {
    const sealed = await seal(dataKey, { note }, 'visit-018f');
    const tampered = new Uint8Array(sealed.ct.slice(0));
    tampered[3] = (tampered[3] ?? 0) ^ 1;

    await expect(open(dataKey, { ...sealed, ct: tampered.buffer }, 'visit-018f')).rejects.toBeInstanceOf(SealedOpenError);
  });

  it('uses a fresh IV every time, so the same note sealed twice looks different', async () => {
    const first = await seal(dataKey, { note }, 'visit-018f');
    const second = await seal(dataKey, { note }, 'visit-018f');

    expect(first.iv).not.toBe(second.iv);
    expect(bytesToBase64(new Uint8Array(first.ct))).not.toBe(bytesToBase64(new Uint8Array(second.ct)));
  });

  it('refuses to seal without a record id to bind to', async () => {
    await expect(seal(dataKey, { note }, '')).rejects.toBeInstanceOf(TypeError);
  });

  it('refuses a stored value that is not a sealed record', () => {
    expect(() => parseSealed({ v: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'not bytes' })).toThrow(CryptoFormatError);
    expect(() => parseSealed({ v: 2, iv: 'AAAAAAAAAAAAAAAA', ct: new ArrayBuffer(16) })).toThrow(CryptoFormatError);
  });

  it('survives being stored in IndexedDB and read back', async () => {
    const store = await openIndexedDbStore('sealed-round-trip');
    await store.set('visit-018f', await seal(dataKey, { note }, 'visit-018f'));

    const stored = parseSealed(await store.get('visit-018f'));
    store.close();

    expect(await open(dataKey, stored, 'visit-018f')).toEqual({ note });
  });
});

describe('sealing a photo of a child’s drawing', () => {
  const drawing = Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 256);

  it('opens to the same bytes, kept as binary rather than base64', async () => {
    const sealed: Sealed = await sealBytes(dataKey, new Blob([drawing], { type: 'image/png' }), 'attachment-1');

    expect(Object.prototype.toString.call(sealed.ct)).toBe('[object ArrayBuffer]');
    expect(sealed.ct.byteLength).toBe(drawing.byteLength + 16); // the AES-GCM tag, no base64 growth
    expect(new Uint8Array(await openBytes(dataKey, sealed, 'attachment-1'))).toEqual(drawing);
  });

  it('takes an ArrayBuffer or a view onto part of one', async () => {
    const fromBuffer = await sealBytes(dataKey, drawing.buffer, 'attachment-1');
    const fromView = await sealBytes(dataKey, drawing.subarray(10, 20), 'attachment-2');

    expect(new Uint8Array(await openBytes(dataKey, fromBuffer, 'attachment-1'))).toEqual(drawing);
    expect(new Uint8Array(await openBytes(dataKey, fromView, 'attachment-2'))).toEqual(drawing.subarray(10, 20));
  });

  it('will not open under another attachment id, nor as a record under its own id', async () => {
    const sealed = await sealBytes(dataKey, drawing, 'attachment-1');

    await expect(openBytes(dataKey, sealed, 'attachment-2')).rejects.toBeInstanceOf(SealedOpenError);
    await expect(open(dataKey, sealed, 'attachment-1')).rejects.toBeInstanceOf(SealedOpenError);
  });
});

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
