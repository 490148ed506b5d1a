import type { KeyValueStore } from '../crypto/key-value-store';
import { db } from './database';

/** The lock's KeyValueStore (vault record, wrong-PIN count), kept in Dexie's meta table. */
export const metaStore: KeyValueStore = {
  async get(key) {
    return (await db.meta.get(key))?.value;
  },
  async set(key, value) {
    await db.meta.put({ key, value });
  },
};
