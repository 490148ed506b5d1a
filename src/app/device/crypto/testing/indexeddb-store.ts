import type { KeyValueStore } from '../key-value-store';

/**
 * A KeyValueStore over raw IndexedDB (fake-indexeddb in tests), so tests prove that what the
 * crypto modules produce survives IndexedDB's structured clone, as it will in Dexie's meta table.
 */
export async function openIndexedDbStore(name: string): Promise<KeyValueStore & { close(): void }> {
  const db = await request(
    (() => {
      const opening = indexedDB.open(name, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore('meta');
      return opening;
    })(),
  );
  const store = (mode: IDBTransactionMode) => db.transaction('meta', mode).objectStore('meta');
  return {
    async get(key) {
      return request(store('readonly').get(key));
    },
    async set(key, value) {
      await request(store('readwrite').put(value, key));
    },
    close: () => db.close(),
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
