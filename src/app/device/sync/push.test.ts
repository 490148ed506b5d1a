import { beforeEach, describe, expect, it } from 'vitest';
import { countPendingChanges, db, getRecord, saveRecord } from '../db';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { OfflineError, SignedOutError } from './errors';
import { pushChanges } from './push';
import { recordSyncState } from './record-state';
import { openTheirs } from './sealing';
import { COLLEAGUE, FakeServer } from './testing/fake-server';
import { emptyObservationForm, type ObservationForm } from '../../../shared/model/observation-form';
import { pushedRecordSchema } from '../../../shared/sync/index.ts';
import { toObservationBody } from '../../../shared/model/observation-body.ts';
import type { VisitNoteBody } from '../../../shared/model/visit-note.ts';
import { visitNoteBody } from '../../testing/visit-bodies';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
});

const visit = (id: string, whatHappened: string) => ({ id, type: 'visit' as const, status: 'draft' as const, body: visitNoteBody(id, whatHappened) });

describe('pushing the outbox', () => {
  it('sends waiting changes oldest first and marks each record synced at the revision the server gave', async () => {
    await saveRecord(visit('v1', 'First visit'));
    await saveRecord(visit('v2', 'Second visit'));

    const summary = await pushChanges({ transport: server.transport });

    expect(summary).toMatchObject({ sent: 2, applied: 2, conflicts: 0, rejected: 0 });
    expect(server.pushed.map((m) => [m.recordId, m.baseRev, m.recordType])).toEqual([['v1', null, 'visit'], ['v2', null, 'visit']]);
    expect(server.records.get('v1')?.body).toEqual(visitNoteBody('v1', 'First visit'));
    expect((await getRecord('v1'))?.rev).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sending.count()).toBe(0);
    expect(await recordSyncState('v1')).toBe('synced');
  });

  it('sends in batches and reports progress', async () => {
    for (let i = 0; i < 7; i++) await saveRecord(visit(`v${i}`, `Visit ${i}`));
    const progress: string[] = [];
    await pushChanges({ transport: server.transport, batchSize: 3, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(server.calls.filter((c) => c.startsWith('push:'))).toHaveLength(3);
    expect(progress).toEqual(['3/7', '6/7', '7/7']);
    expect(await countPendingChanges()).toBe(0);
  });

  it('treats a duplicate (the reply to an earlier push was lost) as applied, resending the same content under the same id', async () => {
    await saveRecord(visit('v1', 'Seen at home'));
    server.beforePushReply = async () => {
      server.beforePushReply = null;
      throw new OfflineError('The connection dropped');
    };
    await expect(pushChanges({ transport: server.transport })).rejects.toBeInstanceOf(OfflineError);
    expect(server.records.get('v1')?.rev).toBe(1); // the server did apply it
    expect(await db.outbox.count()).toBe(1);

    const summary = await pushChanges({ transport: server.transport });
    expect(summary.applied).toBe(1);
    expect(server.pushed[1]!.mutationId).toBe(server.pushed[0]!.mutationId);
    expect(server.pushed[1]!.record.body).toEqual(server.pushed[0]!.record.body);
    expect((await getRecord('v1'))?.rev).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(server.records.get('v1')?.rev).toBe(1);
  });

  it('keeps an edit made while the push is in flight: newer content stays on the device and waits, based on the new revision', async () => {
    await saveRecord(visit('v1', 'Before'));
    server.beforePushReply = async () => {
      server.beforePushReply = null;
      await saveRecord(visit('v1', 'Typed while syncing'));
    };
    await pushChanges({ transport: server.transport });

    const record = await getRecord<VisitNoteBody>('v1');
    expect(record?.body.note.whatHappened).toBe('Typed while syncing');
    expect(record?.rev).toBe(1);
    const waiting = await db.outbox.toArray();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ recordId: 'v1', baseRev: 1 });
    expect(waiting[0]!.sentAt).toBeUndefined();
    expect(await recordSyncState('v1')).toBe('waiting');

    await pushChanges({ transport: server.transport });
    expect(server.records.get('v1')).toMatchObject({ rev: 2, body: { note: { whatHappened: 'Typed while syncing' } } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('leaves the outbox and every record as they were when the session has ended (401)', async () => {
    await saveRecord(visit('v1', 'Not yet sent'));
    await saveRecord(visit('v2', 'Nor this'));
    const before = await db.outbox.orderBy('seq').toArray();
    server.signedIn = false;

    await expect(pushChanges({ transport: server.transport })).rejects.toBeInstanceOf(SignedOutError);

    const after = await db.outbox.orderBy('seq').toArray();
    expect(after.map(({ mutationId, recordId, baseRev }) => ({ mutationId, recordId, baseRev }))).toEqual(
      before.map(({ mutationId, recordId, baseRev }) => ({ mutationId, recordId, baseRev })),
    );
    expect((await getRecord<VisitNoteBody>('v2'))?.body.note.whatHappened).toBe('Nor this');

    server.signedIn = true; // signed in again: the same mutations go
    await pushChanges({ transport: server.transport });
    expect(server.pushed.map((m) => m.mutationId)).toEqual(before.map((e) => e.mutationId));
  });

  it('keeps the server version as a conflict copy when my edit was based on an old revision, and keeps my version', async () => {
    server.write('v1', 'visit', 'submitted', visitNoteBody('v1', 'Their words'));
    await saveRecord(visit('v1', 'My words'));

    const summary = await pushChanges({ transport: server.transport });

    expect(summary.conflicts).toBe(1);
    expect((await getRecord<VisitNoteBody>('v1'))?.body.note.whatHappened).toBe('My words');
    const conflict = await db.conflicts.get('v1');
    expect(conflict).toMatchObject({ theirsIs: 'server', serverRev: 1, theirsStatus: 'submitted' });
    expect(conflict?.conflictId).toBe([...server.copies.keys()][0]);
    expect(await openTheirs(conflict!)).toEqual(visitNoteBody('v1', 'Their words'));
    expect(await recordSyncState('v1')).toBe('conflict');

    // Further edits wait for a person to resolve it; they are not pushed into a second conflict.
    await saveRecord(visit('v1', 'My words, edited'));
    await pushChanges({ transport: server.transport });
    expect(server.pushed).toHaveLength(1);
    expect(await countPendingChanges()).toBe(1);
  });

  it('keeps a refused record, marks it rejected with the reason, and clears that once a later version is accepted', async () => {
    await saveRecord(visit('v1', 'Shape the server refuses'));
    server.rejectRecord.add('v1');
    expect((await pushChanges({ transport: server.transport })).rejected).toBe(1);
    expect(await getRecord('v1')).toBeDefined();
    expect(await db.rejections.get('v1')).toMatchObject({ reason: 'The visit record does not match its schema', code: 'schema' });
    expect(await recordSyncState('v1')).toBe('rejected');
    expect(await db.outbox.count()).toBe(0);

    server.rejectRecord.clear();
    await saveRecord(visit('v1', 'Fixed'));
    await pushChanges({ transport: server.transport });
    expect(await recordSyncState('v1')).toBe('synced');
  });

  it('does not send a rejected record again unchanged: only an edit by its author sends it again', async () => {
    await saveRecord(visit('v1', 'Text the server refuses'));
    server.rejectRecord.add('v1');
    await pushChanges({ transport: server.transport });
    expect(server.pushed).toHaveLength(1);

    // Later syncs (the scheduler runs them after every backoff) leave it alone, kept and marked.
    for (let i = 0; i < 3; i++) expect(await pushChanges({ transport: server.transport })).toMatchObject({ sent: 0, rejected: 0 });
    expect(server.pushed).toHaveLength(1);
    expect(await recordSyncState('v1')).toBe('rejected');
    expect(await getRecord('v1')).toMatchObject({ body: visit('v1', 'Text the server refuses').body });

    server.rejectRecord.clear();
    await saveRecord(visit('v1', 'Text the author changed'));
    expect(await pushChanges({ transport: server.transport })).toMatchObject({ sent: 1, applied: 1 });
    expect(server.pushed.map((m) => m.record.body)).toEqual([visit('v1', 'Text the server refuses').body, visit('v1', 'Text the author changed').body]);
  });
});

describe("sending a practice observation's copy to the practitioner observed", () => {
  const completed = (change: Partial<ObservationForm> = {}): ObservationForm => ({
    ...emptyObservationForm(),
    step: 8,
    practitionerName: 'Jess Colleague',
    practitionerId: COLLEAGUE,
    observerName: 'Olu Brennan',
    observerId: 'o-1',
    observedOn: { day: '3', month: '11', year: '2025' },
    nature: 'home-visit',
    completedAt: '2025-11-04T10:00:00.000Z',
    copyToPractitioner: true,
    copyToLineManager: true,
    qaLeadNotified: true,
    ...change,
  });
  const observation = (id: string, status: 'draft' | 'submitted' | 'returned', form: ObservationForm) => ({
    id,
    type: 'observation' as const,
    status,
    body: toObservationBody(form, id),
  });
  const sentFor = (id: string) => server.pushed.find((m) => m.recordId === id)!.record;

  it('names the practitioner (their server user id) once the observation is completed with a copy to them or their line manager', async () => {
    await saveRecord(observation('both', 'submitted', completed()));
    await saveRecord(observation('practitioner-only', 'submitted', completed({ copyToLineManager: false, qaLeadNotified: false })));
    await saveRecord(observation('manager-only', 'submitted', completed({ copyToPractitioner: false })));

    await pushChanges({ transport: server.transport });

    for (const id of ['both', 'practitioner-only', 'manager-only']) {
      expect(sentFor(id).observedPractitionerId).toBe(COLLEAGUE);
      expect(pushedRecordSchema.safeParse(sentFor(id)).success).toBe(true);
    }
  });

  it('keeps naming them when a returned observation is changed and sent again', async () => {
    await saveRecord(observation('returned', 'returned', completed({ strengths: 'Warm and clear' })));
    await pushChanges({ transport: server.transport });
    expect(sentFor('returned').observedPractitionerId).toBe(COLLEAGUE);
  });

  it('names no one while a draft, when no copy was sent, or when the practitioner was typed in as a staff ID', async () => {
    await saveRecord(observation('draft', 'draft', completed({ completedAt: null })));
    await saveRecord(observation('no-copy', 'submitted', completed({ copyToPractitioner: false, copyToLineManager: false })));
    await saveRecord(observation('typed', 'submitted', completed({ practitionerId: 'p-1042' })));
    await saveRecord(visit('v1', 'Not an observation'));

    await pushChanges({ transport: server.transport });

    expect(server.pushed).toHaveLength(4);
    for (const mutation of server.pushed) expect(mutation.record).not.toHaveProperty('observedPractitionerId');
  });
});
