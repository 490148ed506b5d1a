import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addendumBodySchema, childSchema, directWorkBodySchema, observationBodySchema } from '../../shared/model/index.ts';
import { demoDrawingPng } from '../../shared/demo/demo-drawing.ts';
import { visitNoteBodySchema } from '../../shared/model/visit-note.ts';
import { checkRecordBody, pullResponseSchema, type ServerRecord } from '../../shared/sync/index.ts';
import { findUserByEmail } from '../accounts/accounts-store.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../accounts/demo-accounts.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { TestClient } from '../testing/http-client.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { startServer, type RunningServer } from '../testing/test-world.ts';
import { seedDemoCaseload } from './demo-caseload.ts';

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

async function signedIn(server: RunningServer, role: string): Promise<TestClient> {
  const client = new TestClient(server.url);
  const signIn = await client.signIn(account(role).email, account(role).password);
  expect(signIn.status).toBe(200);
  return client;
}

async function pulledRecords(server: RunningServer, role: string): Promise<ServerRecord[]> {
  const client = await signedIn(server, role);
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

    it('reaches the demo practitioner on their first sync: nine invented children and their records', async () => {
      const records = await pulledRecords(server, 'practitioner');
      expect(records).toHaveLength(written);
      const names = records.filter((r) => r.type === 'child').map((r) => childSchema.parse(r.body).name);
      expect(names).toHaveLength(9);
      expect(names).toContain('Tamsin Ellery');
      expect(new Set(records.map((r) => r.type))).toEqual(new Set(['child', 'visit', 'direct-work', 'observation', 'addendum']));
    });

    it('holds every record as its own form writes it: visits are visit notes, none an imported contact', async () => {
      const records = await pulledRecords(server, 'manager');
      for (const record of records) expect(checkRecordBody(record.type, record.body, record.status)).toEqual({ ok: true });
      const visits = records.filter((r) => r.type === 'visit').map((r) => ({ ...r, note: visitNoteBodySchema.parse(r.body) }));
      expect(visits.length).toBeGreaterThan(5);
      // Two siblings on one visit; a child not seen alone, with the reason and the manager told.
      expect(visits.some((v) => v.note.contact.children.length === 2)).toBe(true);
      const notAlone = visits.flatMap((v) => v.note.contact.children).filter((c) => c.seen && c.seenAlone === false);
      expect(notAlone).toEqual([expect.objectContaining({ seenAloneReason: "Child's young age", managerInformed: true })]);
      // One draft, past its recording deadline: the rest are finished, each with the child's words.
      const drafts = visits.filter((v) => v.status === 'draft');
      expect(drafts).toHaveLength(1);
      expect(drafts[0]!.note.contact.completedAt).toBeNull();
      for (const v of visits.filter((v) => v.status !== 'draft')) {
        expect(v.note.contact.completedAt).not.toBeNull();
        expect(v.note.note.whatHappened).not.toBe('');
      }
      expect(directWorkBodySchema.parse(records.find((r) => r.type === 'direct-work')!.body).completedAt).not.toBeNull();
    });

    it('has the demo manager’s return with its comment, and a sign-off with an addendum to it', async () => {
      const records = await pulledRecords(server, 'practitioner');
      const managerId = (await findUserByEmail(db.storage, account('manager').email))!.id;
      const returned = records.filter((r) => r.status === 'returned');
      expect(returned).toHaveLength(1);
      expect(returned[0]!.review).toMatchObject({ action: 'returned', by: managerId, comment: expect.stringContaining('in his own words') });
      const signedOff = records.filter((r) => r.status === 'signed-off');
      expect(signedOff).toHaveLength(1);
      expect(signedOff[0]!.review).toMatchObject({ action: 'signed-off', by: managerId });
      const addenda = records.filter((r) => r.type === 'addendum');
      expect(addenda.map((a) => addendumBodySchema.parse(a.body).parentId)).toEqual([signedOff[0]!.id]);
    });

    it('has a completed practice observation of the demo practitioner, written by the demo observer', async () => {
      const [observer, practitioner] = await Promise.all(['observer', 'practitioner'].map((role) => findUserByEmail(db.storage, account(role).email)));
      const seenByObserver = await pulledRecords(server, 'observer');
      expect(seenByObserver.map((r) => r.type)).toEqual(['observation']);
      const observation = seenByObserver[0]!;
      expect(observation).toMatchObject({ createdBy: observer!.id, observedPractitionerId: practitioner!.id, status: 'submitted' });
      const body = observationBodySchema.parse(observation.body);
      expect(body).toMatchObject({ practitionerName: 'Priya Lowell', observerName: 'Olu Brennan', practitionerId: practitioner!.id });
      expect(body.observation).toMatchObject({ observedPractitionerId: practitioner!.id, observerId: observer!.id, completedAt: expect.any(String) });
    });

    it('has a direct work session with the child’s drawing, uploaded and attached as a device does it', async () => {
      const manager = await signedIn(server, 'manager');
      const reply = await manager.get('/api/sync/pull?since=0&limit=1000');
      const [directWork] = pullResponseSchema
        .parse(reply.body)
        .changes.flatMap((change) => (change.kind === 'record' && change.record.type === 'direct-work' ? [change.record] : []));
      const body = directWorkBodySchema.parse(directWork!.body);
      expect(body.photos).toEqual([expect.objectContaining({ contentType: 'image/png', alt: expect.stringContaining('drawing of three houses') })]);
      expect(directWork!.blobs).toEqual([createHash('sha256').update(demoDrawingPng()).digest('hex')]);
      // Readable by the manager only because a record they may see holds it (record_photos).
      const photo = await manager.get(`/api/blobs/${directWork!.blobs[0]}`);
      expect(photo.status).toBe(200);
      expect(Buffer.from(photo.body as Buffer).equals(Buffer.from(demoDrawingPng()))).toBe(true);
    });

    it('is seen whole by the demo manager as their team’s', async () => {
      expect(await pulledRecords(server, 'manager')).toHaveLength(written);
    });

    it('is not written twice', async () => {
      expect(await seedDemoCaseload(db.storage)).toBe(0);
      expect(await pulledRecords(server, 'practitioner')).toHaveLength(written);
    });
  });
}
