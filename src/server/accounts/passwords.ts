import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (memory-hard, built into Node: no dependency). N = 2^15,
 * r = 8 uses 32 MiB per hash, OWASP's recommended minimum for scrypt. The parameters are
 * stored in the hash, so they can be raised later without breaking old hashes.
 */
const DEFAULT_LOG2_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const maxmemFor = (n: number, r: number) => 128 * n * r * 2;

/** `scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>`. log2N below 15 is for tests only. */
export async function hashPassword(password: string, log2N = DEFAULT_LOG2_N): Promise<string> {
  const salt = randomBytes(16);
  const n = 2 ** log2N;
  const key = await scryptAsync(password, salt, { N: n, r: R, p: P, maxmem: maxmemFor(n, R) });
  return ['scrypt', log2N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !log2N || !r || !p || !salt || !key) return false;
  const n = 2 ** Number(log2N);
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), {
    N: n,
    r: Number(r),
    p: Number(p),
    maxmem: maxmemFor(n, Number(r)),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Checked against when the email is unknown, so a wrong email takes as long as a wrong
 * password and response times do not tell which accounts exist.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}
