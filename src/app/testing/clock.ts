import { vi } from 'vitest';

// Clocks for the component tests. Each fakes only what it names; the dom tests' setup puts real
// timers back after every test. Use one per test: a second call replaces the first's fakes.

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
  // performance.now, not Date: a test may hold the date still (holdTheDate).
  const giveUpAt = performance.now() + limitMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (performance.now() > giveUpAt) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * Holds the date at `at` for the rest of the test, so a test whose outcome depends on the day
 * (working days, bank holidays, clock changes, "today" in London) gives the same result
 * whenever it runs. Only `Date` is faked, and it stands still: setTimeout, IndexedDB, WebCrypto,
 * React and Testing Library all run for real. The dom tests' setup puts real timers back after
 * every test.
 *
 * Choose a date in the past: sessions made at import time from the real clock
 * (`Date.now() + 14 days`) must still be current at `at`.
 */
export function holdTheDate(at: string | number | Date): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}
