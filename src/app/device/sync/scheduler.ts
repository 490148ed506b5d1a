import { createBackoff, type Backoff, type BackoffOptions } from './backoff';
import { OfflineError, SignedOutError } from './errors';
import { recordSuccess, useSyncState } from './state';

export interface SchedulerOptions {
  /** One sync (push then pull), reporting progress. */
  run: (onProgress: (done: number, total: number) => void) => Promise<unknown>;
  intervalMs?: number;
  debounceMs?: number;
  backoff?: BackoffOptions;
  /** Events that should start a sync: reconnects ('online'). Default: window. */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Local writes: calls back on each, returns an unsubscribe. */
  watchLocalChanges?: (onChange: () => void) => () => void;
  now?: () => number;
  /** Keeps the time of a successful sync (default: meta, via recordSuccess). */
  onSuccess?: (at: string) => Promise<void>;
}

export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** "Sync now": at once, whatever the backoff; resolves when that sync has finished. */
  syncNow(): Promise<void>;
  /** A local write: sync shortly after, once writes pause (debounced). */
  notifyLocalChange(): void;
  readonly running: boolean;
}

/**
 * When to sync: on reconnect, every interval, shortly after local writes, and on demand;
 * never two at once (a request during a sync runs one more afterwards); after a failure, the
 * next automatic try waits with exponential backoff and full jitter (a success resets it);
 * offline waits for the 'online' event or the interval; a 401 stops until the person signs in
 * again. The caller stops it while the device is locked.
 */
export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { run, intervalMs = 60_000, debounceMs = 2_000, now = Date.now, onSuccess = recordSuccess } = options;
  const target = options.target ?? (typeof window === 'undefined' ? undefined : window);
  const backoff: Backoff = createBackoff(options.backoff);
  let started = false;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let retryAt = 0;
  let interval: ReturnType<typeof setInterval> | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let unwatch: (() => void) | undefined;

  const set = useSyncState.setState;
  const onOnline = () => void trigger(true);

  function trigger(force: boolean): Promise<void> {
    if (!started) return Promise.resolve();
    if (!force && now() < retryAt) return Promise.resolve(); // backing off
    if (useSyncState.getState().status === 'signed-out') return Promise.resolve();
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = once().finally(() => {
      inFlight = null;
      if (again && started) {
        again = false;
        void trigger(false);
      }
    });
    return inFlight;
  }

  async function once(): Promise<void> {
    clearTimeout(retry);
    set({ status: 'syncing', progress: null, startedAt: now(), lastError: null });
    try {
      await run((done, total) => set({ progress: { done, total } }));
      backoff.reset();
      retryAt = 0;
      set({ status: 'idle', progress: null, startedAt: null, nextRetryAt: null });
      await onSuccess(new Date(now()).toISOString());
    } catch (error) {
      set({ progress: null, startedAt: null });
      if (error instanceof SignedOutError) {
        set({ status: 'signed-out', signedOutReason: 'session-ended', nextRetryAt: null });
        return;
      }
      if (error instanceof OfflineError) {
        set({ status: 'offline', nextRetryAt: null });
        return; // the 'online' event or the interval tries again
      }
      const wait = backoff.next();
      retryAt = now() + wait;
      set({ status: 'error', lastError: error instanceof Error ? error.message : String(error), nextRetryAt: retryAt });
      if (started) retry = setTimeout(() => void trigger(true), wait);
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      target?.addEventListener('online', onOnline);
      interval = setInterval(() => void trigger(false), intervalMs);
      unwatch = options.watchLocalChanges?.(() => this.notifyLocalChange());
      void trigger(true);
    },
    stop() {
      started = false;
      again = false;
      target?.removeEventListener('online', onOnline);
      clearInterval(interval);
      clearTimeout(debounce);
      clearTimeout(retry);
      unwatch?.();
      unwatch = undefined;
    },
    syncNow() {
      retryAt = 0;
      return trigger(true);
    },
    notifyLocalChange() {
      if (!started) return;
      clearTimeout(debounce);
      debounce = setTimeout(() => void trigger(false), debounceMs);
    },
    get running() {
      return inFlight !== null;
    },
  };
}
