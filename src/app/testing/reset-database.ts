import { db } from '../device/db';

/** Empties every table, so each test starts with a device that has never been used. */
export async function resetDatabase(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
