import { escrowDataKey } from '../crypto/key-escrow';
import { storeKeys, type KeyValueStore } from '../crypto/key-value-store';

/**
 * How the lock reaches the server's key escrow (PUT/GET /api/key-escrow/:deviceId). The app
 * backs it with the sync transport; tests with the fake server. Both throw when offline,
 * signed out or refused.
 */
export interface KeyEscrowPort {
  deposit(deviceId: string, wrappedKey: string): Promise<void>;
  /** The wrapped half, given back only to the same user freshly signed in. */
  fetch(deviceId: string): Promise<string>;
}

export interface StoredEscrow {
  deviceId: string;
  /** The device's half (raw AES-256 key, base64). Useless without the server's half. */
  escrowKey: string;
}

export async function loadEscrow(store: KeyValueStore): Promise<StoredEscrow | null> {
  const value = (await store.get(storeKeys.escrow)) as Partial<StoredEscrow> | null | undefined;
  return value && typeof value.deviceId === 'string' && typeof value.escrowKey === 'string'
    ? { deviceId: value.deviceId, escrowKey: value.escrowKey }
    : null;
}

async function deviceIdOf(store: KeyValueStore): Promise<string> {
  const stored = await store.get(storeKeys.deviceId);
  if (typeof stored === 'string') return stored;
  const made = crypto.randomUUID();
  await store.set(storeKeys.deviceId, made);
  return made;
}

/**
 * Escrow the data key: wrap it under a fresh escrow key, send the wrapped half, and keep the
 * escrow key only once the server has confirmed (so the device never believes it is covered
 * when it is not). Returns false when the server could not be reached or refused; the next
 * unlock tries again. The wrapped half is never written to the device.
 */
export async function depositEscrow(store: KeyValueStore, port: KeyEscrowPort, extractableDataKey: CryptoKey): Promise<boolean> {
  try {
    const deviceId = await deviceIdOf(store);
    const halves = await escrowDataKey(extractableDataKey);
    await port.deposit(deviceId, halves.wrappedKey);
    await store.set(storeKeys.escrow, { deviceId, escrowKey: halves.escrowKey } satisfies StoredEscrow);
    return true;
  } catch (error) {
    // No key material in the message: only what kind of failure it was.
    console.warn(`The key copy could not be sent (${error instanceof Error ? error.name : 'unknown error'}); the next unlock tries again`);
    return false;
  }
}
