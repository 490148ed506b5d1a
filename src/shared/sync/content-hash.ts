/**
 * The content hash a manager signs off (invariant 3): SHA-256, as lower-case hex, of the
 * record body written as canonical JSON. Device and server compute it the same way, so the
 * hash names one exact content whatever order its keys were stored in.
 *
 * Canonical JSON here: JSON.stringify's text for every value (strings, numbers, true, false,
 * null; undefined and functions left out of objects, null in arrays) with no whitespace, and
 * object keys sorted by UTF-16 code units (JavaScript's default sort) at every depth.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    return `[${value.map((item) => (isOmitted(item) ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return canonicalJson(withToJson.toJSON());
  const entries = Object.keys(value)
    .sort()
    .filter((key) => !isOmitted((value as Record<string, unknown>)[key]))
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

const isOmitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * What this module needs of WebCrypto. Declared here because src/shared is compiled without
 * DOM or Node types; browsers and Node ≥ 19 both have `globalThis.crypto.subtle`.
 */
interface MinimalSubtleCrypto {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

function subtle(): MinimalSubtleCrypto {
  const crypto = (globalThis as { crypto?: { subtle?: MinimalSubtleCrypto } }).crypto;
  if (!crypto?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available here');
  return crypto.subtle;
}

/** UTF-8 bytes of a string (TextEncoder is not in every runtime's types). JSON text has no lone surrogates. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return Uint8Array.from(bytes);
}

/** Lower-case hex SHA-256 of the body's canonical JSON in UTF-8: what `review.contentSha256` carries. */
export async function contentHash(body: unknown): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', utf8Bytes(canonicalJson(body))));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
