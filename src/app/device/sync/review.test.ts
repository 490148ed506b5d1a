import { beforeEach, describe, expect, it } from 'vitest';
import { db, getRecord, RecordChangedError, RecordFrozenError, saveRecord, type LocalRecord, type RecordReview } from '../db';
import { contentHash } from '../../../shared/sync/index.ts';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { applyPage, pullChanges } from './pull';
import { pushChanges } from './push';
import { recordSyncState } from './record-state';
import { runSync } from './sync';
import { FakeServer, MANAGER } from './testing/fake-server';
import { visitNoteBody } from '../../testing/visit-bodies';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
});

const body = (whatHappened: string) => visitNoteBody('v1', whatHappened);

/** A practitioner's submitted visit, on the server and pulled to the manager's device. */
async function submittedVisitOnDevice(): Promise<LocalRecord> {
  server.write('v1', 'visit', 'submitted', body('Seen at home with mum'));
  await pullChanges({ transport: server.transport });
  return (await getRecord('v1'))!;
}

async function review(record: LocalRecord, action: RecordReview['action'], comment: string | null) {
  const newReview: RecordReview = {
    action,
    rev: record.rev! + 1,
    contentSha256: await contentHash(record.body),
    by: MANAGER,
    byName: 'Morgan Ashby',
    at: new Date().toISOString(),
    comment,
  };
  return saveRecord({ id: record.id, type: record.type, status: action, body: record.body, newReview: { review: newReview, readRev: record.rev! } });
}

describe('signing off through the outbox', () => {
  it('pushes the revision read, its body unchanged and the content hash, and the server signs it off', async () => {
    const read = await submittedVisitOnDevice();
    await review(read, 'signed-off', 'Good analysis');

    expect((await getRecord('v1'))?.status).toBe('signed-off');
    await pushChanges({ transport: server.transport });

    const pushed = server.pushed[0]!;
    expect(pushed).toMatchObject({ baseRev: 1, record: { status: 'signed-off', body: body('Seen at home with mum') } });
    expect(pushed.record.review).toEqual({ contentSha256: await contentHash(body('Seen at home with mum')), comment: 'Good analysis' });
    expect(server.records.get('v1')).toMatchObject({ status: 'signed-off', rev: 2, review: { action: 'signed-off', comment: 'Good analysis' } });
    const local = (await getRecord('v1'))!;
    expect(local).toMatchObject({ status: 'signed-off', rev: 2, review: { action: 'signed-off', byName: 'Morgan Ashby' } });
    expect(await recordSyncState('v1')).toBe('synced');
    await expect(saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: body('changed') })).rejects.toBeInstanceOf(RecordFrozenError);
  });

  it('sends a return with its comment and no comment with a draft', async () => {
    const read = await submittedVisitOnDevice();
    await review(read, 'returned', 'Say who else was there');
    await pushChanges({ transport: server.transport });
    expect(server.pushed[0]!.record).toMatchObject({ status: 'returned', review: { comment: 'Say who else was there' } });

    await pullChanges({ transport: server.transport });
    await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: body('Seen at home with mum and her partner') });
    await pushChanges({ transport: server.transport });
    expect(server.pushed[1]!.record.status).toBe('draft');
    expect(server.pushed[1]!.record.review).toBeUndefined();
    // The practitioner's device keeps the manager's comment while the record is edited.
    expect((await getRecord('v1'))?.review).toMatchObject({ action: 'returned', comment: 'Say who else was there' });
  });

  it('refuses to record a review of a revision the device no longer holds', async () => {
    const read = await submittedVisitOnDevice();
    server.write('v1', 'visit', 'submitted', body('Seen at home with mum, added later'));
    await pullChanges({ transport: server.transport });

    await expect(review(read, 'signed-off', null)).rejects.toBeInstanceOf(RecordChangedError);
    expect((await getRecord('v1'))?.status).toBe('submitted');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('a review the server refuses because the record changed after it was read', () => {
  it('puts the record back as the server has it, never keeping a sign-off that did not happen, and says why', async () => {
    const read = await submittedVisitOnDevice();
    await review(read, 'signed-off', null);
    server.write('v1', 'visit', 'submitted', body('Seen at home with mum, added later'));

    await pushChanges({ transport: server.transport });
    const refused = (await getRecord('v1'))!;
    expect(refused.status).toBe('submitted');
    expect(refused.review).toBeNull();
    expect(await db.rejections.get('v1')).toMatchObject({ code: 'changed-since-read' });
    expect(server.records.get('v1')?.status).toBe('submitted');

    await pullChanges({ transport: server.transport });
    expect(await getRecord('v1')).toMatchObject({ status: 'submitted', rev: 2, body: body('Seen at home with mum, added later') });
    expect(await recordSyncState('v1')).toBe('rejected'); // the manager is still told, until they review it again
    expect(await db.conflicts.count()).toBe(0);
  });

  it('takes the server version that was pulled while the sign-off waited', async () => {
    const read = await submittedVisitOnDevice();
    await review(read, 'signed-off', null);
    const newer = server.write('v1', 'visit', 'submitted', body('Seen at home with mum, added later'));
    await applyPage([{ kind: 'record', cursor: '50', record: newer }], '50');
    expect(await db.conflicts.count()).toBe(1);

    await runSync({ transport: server.transport });

    expect(await getRecord('v1')).toMatchObject({ status: 'submitted', rev: 2, body: body('Seen at home with mum, added later') });
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.rejections.get('v1')).toMatchObject({ code: 'changed-since-read' });
  });

  it('a new review of the newer version clears the refusal once it is accepted', async () => {
    const read = await submittedVisitOnDevice();
    await review(read, 'signed-off', null);
    server.write('v1', 'visit', 'submitted', body('Seen at home with mum, added later'));
    await runSync({ transport: server.transport });

    await review((await getRecord('v1'))!, 'signed-off', null);
    expect(await db.rejections.count()).toBe(0);
    await runSync({ transport: server.transport });
    expect(await getRecord('v1')).toMatchObject({ status: 'signed-off', rev: 3 });
    expect(await recordSyncState('v1')).toBe('synced');
  });
});

describe('pulling reviews', () => {
  it('keeps the latest review of a pulled record, sealed', async () => {
    server.write('v1', 'visit', 'returned', body('Seen'), MANAGER, [], {
      action: 'returned',
      rev: 1,
      contentSha256: await contentHash(body('Seen')),
      by: MANAGER,
      byName: 'Morgan Ashby',
      at: '2026-03-02T10:00:00.000Z',
      comment: 'Add the analysis',
    });
    await pullChanges({ transport: server.transport });
    expect((await getRecord('v1'))?.review).toMatchObject({ action: 'returned', byName: 'Morgan Ashby', comment: 'Add the analysis' });
    const row = await db.records.get('v1');
    expect(JSON.stringify(row)).not.toContain('Add the analysis');
  });
});
