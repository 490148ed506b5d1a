import type { Queryable } from '../storage/storage.ts';

/**
 * The pull cursor is a change's position, `seq`. With several writers on PostgreSQL a plain
 * sequence is not enough: A draws 7, B draws 8, B commits, a reader sees 8 and moves its
 * cursor past 7, then A commits 7 — never to be pulled by that reader.
 *
 * So a position is only drawn under one transaction-scoped advisory lock, held until the
 * drawing transaction commits or rolls back. While A holds it nobody else can draw, so
 * positions become visible in the order they were drawn: any change a reader has not seen yet
 * will get a position greater than every one it has seen. (PostgreSQL makes a commit visible
 * before it releases the transaction's locks, so the next writer cannot commit "before" it.)
 * Writers take every row lock they need first and this lock last, so they cannot deadlock on
 * it, and it is held only for the last few statements of a mutation. Gaps (a rolled-back
 * draw) are harmless: a cursor only has to never skip, not be dense.
 * On PGlite there is one connection and transactions run one at a time; the lock is a no-op.
 */
const CHANGE_ORDER_LOCK_SQL = `select pg_advisory_xact_lock(hashtext('doorstep:change-order'))`;

/** Call inside the transaction that writes the change, after its row locks, just before writing. */
export async function nextChangePosition(tx: Queryable): Promise<string> {
  await tx.query(CHANGE_ORDER_LOCK_SQL);
  const { rows } = await tx.query<{ seq: string }>(`select nextval('change_seq')::text as seq`);
  return rows[0]!.seq;
}
