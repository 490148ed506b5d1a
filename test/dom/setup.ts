import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// One realm for binary data, as in a browser. Under jsdom the tests' ArrayBuffer is jsdom's,
// but Node's structuredClone (which fake-indexeddb uses for every value stored and read) and
// Node's WebCrypto make buffers of Node's realm. Dexie knows binary values by the global
// constructors, so its live-query cache copied a sealed body's ciphertext into an empty object
// with ArrayBuffer's prototype, and WebCrypto threw "ArrayBuffer.prototype.byteLength called on
// incompatible receiver". So WebCrypto's results and every value IndexedDB stores or gives
// back carry this realm's buffers.
const nodeStructuredClone = globalThis.structuredClone;
globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) =>
  intoThisRealm(nodeStructuredClone(value, options))) as typeof structuredClone;

const subtle = globalThis.crypto.subtle as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
const encrypt = subtle.encrypt!.bind(globalThis.crypto.subtle);
subtle.encrypt = async (...args: unknown[]) => intoThisRealm(await encrypt(...args));

function intoThisRealm(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') {
    return value instanceof ArrayBuffer ? value : new Uint8Array(value as ArrayBuffer).slice().buffer;
  }
  if (Array.isArray(value)) return value.map(intoThisRealm);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || (prototype as { constructor?: { name?: string } }).constructor?.name === 'Object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, intoThisRealm(inner)]));
  }
  return value;
}

// findBy… and waitFor give up after 5 s rather than Testing Library's 1 s: a loaded CI machine
// (two cores, WebCrypto key derivation, IndexedDB in JS) can take more than a second to show
// what a test is waiting for. Only how long a wait may last changes, never what is asserted.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  // A test that held the clock (src/app/testing/clock.ts) and failed midway must not
  // leave the next test on a fake clock.
  vi.useRealTimers();
});
