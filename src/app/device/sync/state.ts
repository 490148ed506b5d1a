import { create } from 'zustand';
import { getMeta, setMeta } from '../db';

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out';

/** Why the device is signed out: never signed in here, or a session that ended (401, expiry). */
export type SignedOutReason = 'never' | 'session-ended';

export interface SyncState {
  status: SyncStatus;
  signedOutReason: SignedOutReason | null;
  /** Mutations sent and pages pulled in the current sync, out of what is known so far. */
  progress: { done: number; total: number } | null;
  /** When the current sync started (epoch ms), for showing progress only on long syncs. */
  startedAt: number | null;
  /** ISO instant of the last sync that finished without error; kept in meta across reloads. */
  lastSuccessAt: string | null;
  /** The last error's sentence for a person, while status is 'error'. */
  lastError: string | null;
  /** When the next automatic try is due after a failure (epoch ms), or null. */
  nextRetryAt: number | null;
  /** Records with changes waiting to go (distinct record ids in the outbox), kept live. */
  pendingCount: number;
}

export const initialSyncState: SyncState = {
  status: 'idle',
  signedOutReason: null,
  progress: null,
  startedAt: null,
  lastSuccessAt: null,
  lastError: null,
  nextRetryAt: null,
  pendingCount: 0,
};

/** The sync engine's state for the UI. Only the engine and the scheduler write it. */
export const useSyncState = create<SyncState>()(() => ({ ...initialSyncState }));

const LAST_SUCCESS_KEY = 'sync.lastSuccessAt';

export async function loadLastSuccess(): Promise<void> {
  const at = await getMeta<string>(LAST_SUCCESS_KEY);
  if (at) useSyncState.setState({ lastSuccessAt: at });
}

export async function recordSuccess(at: string): Promise<void> {
  await setMeta(LAST_SUCCESS_KEY, at);
  useSyncState.setState({ lastSuccessAt: at, lastError: null, nextRetryAt: null });
}
