export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** 0 ≤ random() < 1; injected in tests. */
  random?: () => number;
}

export interface Backoff {
  /** The wait before the next try after one more failure: full jitter, random in [0, ceiling). */
  next(): number;
  /** After a success: the next failure waits about base again. */
  reset(): void;
  readonly failures: number;
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): after n failures the wait is random in [0, min(cap, base·2ⁿ⁻¹)), so many devices
 * coming back online at once do not all retry in step.
 */
export function createBackoff({ baseMs = 2_000, capMs = 5 * 60_000, random = Math.random }: BackoffOptions = {}): Backoff {
  let failures = 0;
  return {
    next() {
      failures++;
      const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
      return Math.floor(random() * ceiling);
    },
    reset() {
      failures = 0;
    },
    get failures() {
      return failures;
    },
  };
}
