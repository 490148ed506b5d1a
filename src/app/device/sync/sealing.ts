import { open, seal, type Sealed } from '../crypto/sealed';
import { currentDataKey } from '../lock/device-session';
import type { SendingSnapshot, StoredConflict } from '../db/sync-tables';

// The other version of a conflicted record is sealed under its own AAD, so it can never be
// swapped into the record's row (sealed with the bare record id) or the other way round.
const conflictAad = (recordId: string) => `conflict:${recordId}`;

/** Seal the other version of a conflicted record. Call before opening a Dexie transaction. */
export function sealTheirs(recordId: string, body: unknown): Promise<Sealed> {
  return Promise.resolve(seal(currentDataKey(), body, conflictAad(recordId)));
}

export async function openTheirs<Body = unknown>(row: StoredConflict): Promise<Body | undefined> {
  if (!row.theirs) return undefined;
  return Promise.resolve(open<Body>(currentDataKey(), row.theirs, conflictAad(row.recordId)));
}

/** The body sent under a mutation id (sealed like the record row it was copied from). */
export async function openSnapshot(snapshot: SendingSnapshot): Promise<unknown> {
  if (!snapshot.sealed) return snapshot.body;
  return Promise.resolve(open(currentDataKey(), snapshot.sealed, snapshot.recordId));
}
