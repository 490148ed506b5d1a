import { vi } from 'vitest';

/**
 * Autosave tests without racing the clock. `setTimeout` (the autosave debounce) runs on a fake
 * clock that only moves when the test says so; everything else (IndexedDB, WebCrypto, React)
 * runs for real. So "saved at once when the page is hidden" means saved while the debounce
 * provably has not fired, and "saved within half a second" means the save is made once the
 * clock has moved 500 ms — however slow the machine. How long the write itself takes is
 * measured by `npm run bench -- drafts`, not asserted here.
 *
 * While the clock is held, drive the page with `fireEvent` and wait with `eventually`: Testing
 * Library's async helpers (user-event, waitFor, findBy…) wait on a setTimeout of their own and
 * would hang. The dom tests' setup puts real timers back after every test, whatever happens.
 */
export function holdTheAutosaveClock(): { advanceBy: (ms: number) => void; release: () => void } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return {
    advanceBy: (ms) => void vi.advanceTimersByTime(ms),
    release: () => void vi.useRealTimers(),
  };
}

/**
 * Waits, without setTimeout, until `check` stops throwing: it yields to I/O between tries and
 * gives up after `limitMs` of real time with the check's last error.
 */
export async function eventually(check: () => unknown, limitMs = 10_000): Promise<void> {
  const giveUpAt = Date.now() + limitMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
