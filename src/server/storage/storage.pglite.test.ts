import { afterAll, describe } from 'vitest';
import { createPgliteStorage } from './pglite-storage.ts';
import { defineStorageContract } from './storage.contract.ts';
import type { Storage } from './storage.ts';

// Starting PGlite takes over a second, so the tests share one in-memory instance and each
// gets a fresh empty schema through search_path, as the PostgreSQL tests do.
let shared: Storage | undefined;
let schemas = 0;

afterAll(async () => {
  await shared?.close();
});

describe('PGlite storage (in memory)', () => {
  defineStorageContract({
    severalProcesses: false,
    async fresh() {
      shared ??= await createPgliteStorage();
      const storage = shared;
      const schema = `contract_${++schemas}`;
      await storage.exec(`create schema ${schema}; set search_path to ${schema};`);
      return {
        storage,
        dispose: () => storage.exec(`set search_path to public; drop schema ${schema} cascade;`),
      };
    },
  });
});
