import { db } from '../db';
import type { StoredConflict } from '../db/sync-tables';
import type { StoredRecord } from '../db/types';

// Rows holding sealed content are changed by get + put, never Table.update(): update() clones
// the row with Dexie's deep clone, which empties an ArrayBuffer that comes from another realm
// (.notes/app.md, "cache: 'immutable'"), and the sealed value would no longer open.

export async function patchRecord(id: string, changes: Partial<StoredRecord>): Promise<void> {
  const row = await db.records.get(id);
  if (row) await db.records.put({ ...row, ...changes });
}

export async function patchConflict(recordId: string, changes: Partial<StoredConflict>): Promise<void> {
  const row = await db.conflicts.get(recordId);
  if (row) await db.conflicts.put({ ...row, ...changes });
}
