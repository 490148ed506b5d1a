/**
 * Locks the device after a spell with no one using it, so a tablet left on a kitchen table
 * or in a car does not stay open on a child's records.
 */
export const DEFAULT_IDLE_MINUTES = 5;

/** What counts as someone using the app. pointermove is left out: a bumped table is not use. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'scroll'] as const;

type Listenable = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface IdleTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IdleLockOptions {
  onLock: () => void;
  /** The "lock after" setting. */
  timeoutMinutes?: number;
  /** Where activity is heard (window by default; capture phase, so element scrolls count). */
  activityTarget?: Listenable;
  /** The page whose visibility is watched (document by default). */
  page?: Listenable & { readonly hidden: boolean };
  timers?: IdleTimers;
  now?: () => number;
}

export interface IdleLock {
  /** Start watching; a no-op if already running. Call after each unlock. */
  start(): void;
  stop(): void;
  /** Count now as activity. */
  reset(): void;
  setTimeoutMinutes(minutes: number): void;
  readonly running: boolean;
}

// Looked up on each call, so vitest's fake timers apply even if installed after creation.
const globalTimers: IdleTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

const listenerOptions: AddEventListenerOptions = { capture: true, passive: true };

export function createIdleLock({
  onLock,
  timeoutMinutes = DEFAULT_IDLE_MINUTES,
  activityTarget = globalThis.window,
  page = globalThis.document,
  timers = globalTimers,
  now = () => Date.now(),
}: IdleLockOptions): IdleLock {
  let timeoutMs = toMs(timeoutMinutes);
  let running = false;
  let lastActivity = 0;
  let timer: unknown = null;

  // Activity only notes the time; the one timer works out the rest when it fires. Resetting a
  // timer on every scroll event would be wasted work.
  const onActivity = () => {
    lastActivity = now();
  };

  // A hidden tab's timers are throttled or frozen (an iPad asleep in a bag), so the timer
  // alone cannot be trusted: check again the moment the page is seen.
  const onVisibilityChange = () => {
    if (!page.hidden) check();
  };

  function check() {
    if (!running) return;
    const idleFor = now() - lastActivity;
    if (idleFor >= timeoutMs) {
      stop();
      onLock();
    } else {
      schedule(timeoutMs - idleFor);
    }
  }

  function schedule(ms: number) {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      check();
    }, ms);
  }

  function start() {
    if (running) return;
    running = true;
    lastActivity = now();
    for (const type of ACTIVITY_EVENTS) activityTarget.addEventListener(type, onActivity, listenerOptions);
    page.addEventListener('visibilitychange', onVisibilityChange);
    schedule(timeoutMs);
  }

  function stop() {
    if (!running) return;
    running = false;
    for (const type of ACTIVITY_EVENTS) activityTarget.removeEventListener(type, onActivity, listenerOptions);
    page.removeEventListener('visibilitychange', onVisibilityChange);
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  return {
    start,
    stop,
    reset: onActivity,
    setTimeoutMinutes(minutes) {
      timeoutMs = toMs(minutes);
      check();
    },
    get running() {
      return running;
    },
  };
}

function toMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError(`Idle lock minutes must be above 0: ${minutes}`);
  return minutes * 60_000;
}
