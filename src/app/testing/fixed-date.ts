import { vi } from 'vitest';

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
