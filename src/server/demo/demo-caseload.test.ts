import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childSchema, contactSchema } from '../../shared/model/index.ts';
import { pullResponseSchema, type ServerRecord } from '../../shared/sync/index.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../accounts/demo-accounts.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { TestClient } from '../testing/http-client.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { startServer, type RunningServer } from '../testing/test-world.ts';
import { seedDemoCaseload } from './demo-caseload.ts';

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

async function pulledRecords(server: RunningServer, role: string): Promise<ServerRecord[]> {
  const client = new TestClient(server.url);
  const signIn = await client.signIn(account(role).email, account(role).password);
  expect(signIn.status).toBe(200);
  const reply = await client.get('/api/sync/pull?since=0&limit=1000');
  expect(reply.status).toBe(200);
  return pullResponseSchema.parse(reply.body).changes.flatMap((change) => (change.kind === 'record' ? [change.record] : []));
}

for (const database of testDatabases) {
  describe(`the demo caseload on a new server (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let written: number;

    beforeAll(async () => {
      db = await database.fresh();
      await seedDemoAccounts(db.storage);
      written = await seedDemoCaseload(db.storage);
      server = await startServer(db.storage);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    it('reaches the demo practitioner on their first sync: eight invented children and their visits', async () => {
      const records = await pulledRecords(server, 'practitioner');
      expect(records).toHaveLength(written);
      const names = records.filter((r) => r.type === 'child').map((r) => childSchema.parse(r.body).name);
      expect(names).toHaveLength(8);
      expect(names).toContain('Tamsin Ellery');
      const visits = records.filter((r) => r.type === 'visit');
      expect(visits.length).toBeGreaterThan(0);
      for (const visit of visits) expect(contactSchema.safeParse(visit.body.contact).success).toBe(true);
      // Elowen's note is still being written: it arrives as a draft, past its recording deadline.
      expect(visits.filter((v) => v.status === 'draft')).toHaveLength(1);
    });

    it('is seen by the demo manager as their team’s, and not by the observer', async () => {
      expect(await pulledRecords(server, 'manager')).toHaveLength(written);
      expect(await pulledRecords(server, 'observer')).toHaveLength(0);
    });

    it('is not written twice', async () => {
      expect(await seedDemoCaseload(db.storage)).toBe(0);
      expect(await pulledRecords(server, 'practitioner')).toHaveLength(written);
    });
  });
}
