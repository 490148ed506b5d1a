import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Whether the device is unlocked, and the data key while it is. Memory only: nothing here is
 * ever persisted, so a reload or a closed tab means the PIN is needed again.
 * A vanilla store, so this stays free of React; components read it with zustand's useStore.
 */
export type LockState = { status: 'locked'; dataKey: null } | { status: 'unlocked'; dataKey: CryptoKey };

export type LockStore = StoreApi<LockState>;

export const lockedState: LockState = { status: 'locked', dataKey: null };

export function createLockStore(): LockStore {
  return createStore<LockState>()(() => lockedState);
}
