/**
 * `npm run bench -- pin [seconds]`: what an offline guesser pays per PIN guess against a copied
 * vault (src/app/device/crypto/vault.ts): one PBKDF2-HMAC-SHA-256 at the app's iteration count
 * per guess (the AES-GCM unwrap that tells right from wrong is negligible beside it). Measured
 * with node's crypto.pbkdf2 on every core this machine offers (libuv's pool runs them in
 * parallel), then multiplied out over the key spaces the PIN rules allow. A CPU figure is a
 * floor on an attacker's speed: GPUs run PBKDF2-SHA-256 far faster, so treat the times as upper
 * bounds on how long a copied vault resists.
 */
import { pbkdf2 } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { PBKDF2_ITERATIONS } from '../src/app/device/crypto/key-derivation.ts';

const derive = promisify(pbkdf2);

/** Key spaces, smallest first. Passphrase figures assume the words or letters are random. */
export const KEY_SPACES: readonly { name: string; size: number }[] = [
  { name: '6-digit PIN (the pin-6 policy minimum)', size: 1e6 },
  { name: '8-digit PIN', size: 1e8 },
  { name: '12 random lower-case letters (passphrase policy minimum length)', size: 26 ** 12 },
  { name: '4 random words from a 7,776-word list', size: 7776 ** 4 },
];

export async function guessesPerSecond(seconds: number, parallel: number): Promise<number> {
  const salt = Buffer.alloc(16, 7);
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let done = 0;
  // `parallel` workers each deriving back to back until the time is up.
  await Promise.all(
    Array.from({ length: parallel }, async (_, worker) => {
      for (let guess = 0; performance.now() < end; guess++) {
        await derive(String(worker * 1e6 + guess).padStart(6, '0'), salt, PBKDF2_ITERATIONS, 32, 'sha256');
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

export function describeDuration(seconds: number): string {
  const units: [string, number][] = [
    ['years', 365.25 * 86_400],
    ['days', 86_400],
    ['hours', 3_600],
    ['minutes', 60],
  ];
  for (const [unit, size] of units) if (seconds >= size) return `${(seconds / size).toPrecision(3)} ${unit}`;
  return `${seconds.toPrecision(3)} seconds`;
}

export default async function run(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 10);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('usage: npm run bench -- pin [seconds > 0]');
  const cores = availableParallelism();
  process.env.UV_THREADPOOL_SIZE ??= String(cores);
  const one = await guessesPerSecond(seconds, 1);
  const all = cores > 1 ? await guessesPerSecond(seconds, cores) : one;
  console.log(`PBKDF2-HMAC-SHA-256, ${PBKDF2_ITERATIONS.toLocaleString('en-GB')} iterations (node ${process.version}, ${cores} cores)`);
  console.log(`  one core:  ${one.toFixed(2)} guesses/s`);
  console.log(`  ${cores} cores: ${all.toFixed(2)} guesses/s`);
  console.log('Time to try every secret (expect half on average), at the all-core rate:');
  for (const space of KEY_SPACES) {
    console.log(`  ${space.name}: ${space.size.toExponential(2)} → ${describeDuration(space.size / all)}`);
  }
}
