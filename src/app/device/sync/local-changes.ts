import { liveQuery } from 'dexie';
import { db } from '../db';
import { useSyncState } from './state';

/**
 * Follows the outbox: keeps pendingCount (records waiting) in the sync state, and calls
 * onChange when a new unsent change appears (a save anywhere: forms, import, a resolution).
 * The engine's own bookkeeping (sentAt, deletions) does not count as a change.
 */
export function watchOutbox(onChange: () => void): () => void {
  let known: Set<string> | null = null;
  const subscription = liveQuery(() => db.outbox.toArray()).subscribe({
    next(entries) {
      useSyncState.setState({ pendingCount: new Set(entries.map((e) => e.recordId)).size });
      const unsent = new Set(entries.filter((e) => e.sentAt === undefined).map((e) => e.mutationId));
      const fresh = known !== null && [...unsent].some((id) => !known!.has(id));
      known = unsent;
      if (fresh) onChange();
    },
    error(error) {
      console.error('Could not follow the outbox', error);
    },
  });
  return () => subscription.unsubscribe();
}
