/**
 * The only storage the crypto and lock modules need. The db layer backs it with Dexie's meta
 * table; values must survive IndexedDB's structured clone (plain objects, strings, numbers).
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** Where the lock modules keep their state in the store. */
export const storeKeys = {
  vault: 'lock.vault',
  lockout: 'lock.lockout',
  /** This device's id at the server's key escrow (a UUID), made on first escrow. */
  deviceId: 'lock.deviceId',
  /** { deviceId, escrowKey }: written only once the server holds the wrapped half. */
  escrow: 'lock.escrow',
  /** { at }: the vault was erased after too many wrong PINs; recovery needs a sign-in. */
  erased: 'lock.erased',
} as const;

/** An in-memory store for tests and for a session that must not touch disk. */
export function createMemoryStore(): KeyValueStore & { readonly entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    async get(key) {
      return structuredClone(entries.get(key));
    },
    async set(key, value) {
      entries.set(key, structuredClone(value));
    },
  };
}
