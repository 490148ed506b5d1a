import type { Storage } from '../storage/storage.ts';

/**
 * A storage for a test server that can hold every sign-in's user lookup (the step just before
 * the password check) until the test releases it. This stands in for a slow password check, so
 * a test can have all of a burst of sign-ins past the limit check and before the outcome at
 * once: the interleaving a race needs is forced, not hoped for, and the assertions are exact.
 * Everything else passes straight through to the real database.
 */
export interface PasswordLookupGate {
  storage: Storage;
  /** Lookups are held from now until released. */
  hold(): void;
  /** Lets the first n held lookups go on, in the order they arrived; the rest stay held. */
  releaseFirst(n: number): void;
  /** Lets every held lookup go on and stops holding. */
  release(): void;
  /** How many lookups are held right now. */
  held(): number;
}

// accounts-store.ts findUserByEmail: the one query that reads a user by email.
const USER_LOOKUP = /\bfrom users u where u\.email = \$1/;

export function passwordLookupGate(storage: Storage): PasswordLookupGate {
  let holding = false;
  const waiting: (() => void)[] = [];
  const gated: Storage = {
    kind: storage.kind,
    async query<Row>(sql: string, params?: readonly unknown[]) {
      if (holding && USER_LOOKUP.test(sql)) await new Promise<void>((resolve) => waiting.push(resolve));
      return storage.query<Row>(sql, params);
    },
    exec: (sql) => storage.exec(sql),
    transaction: (fn) => storage.transaction(fn),
    migrate: () => storage.migrate(),
    close: () => storage.close(),
  };
  return {
    storage: gated,
    hold() {
      holding = true;
    },
    releaseFirst(n) {
      for (const go of waiting.splice(0, n)) go();
    },
    release() {
      holding = false;
      for (const go of waiting.splice(0)) go();
    },
    held: () => waiting.length,
  };
}

/** Polls until the condition holds; the test's own timeout bounds it (no timing is asserted). */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
}
