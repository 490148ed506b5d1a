import { beforeEach, describe, expect, it } from 'vitest';
import { db, getRecord, saveRecord } from '../db';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { getConflict, listConflicts, resolveConflict } from './conflicts';
import { pullChanges } from './pull';
import { pushChanges } from './push';
import { recordSyncState } from './record-state';
import { FakeServer } from './testing/fake-server';
import type { VisitNoteBody } from '../../../shared/model/visit-note.ts';
import { visitNoteBody } from '../../testing/visit-bodies';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
});

type Visit = VisitNoteBody;
const visit = (whatHappened: string, analysis = 'Same') => visitNoteBody('v1', whatHappened, { analysis });

/** The same visit edited here and on another device: my push comes back as a conflict. */
async function conflictOnThisDevice() {
  server.write('v1', 'visit', 'draft', visit('Theirs'));
  await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: visit('Mine') });
  await pushChanges({ transport: server.transport });
  return [...server.copies.values()][0]!;
}

describe('resolving a conflict', () => {
  it('lists it with both versions side by side', async () => {
    await conflictOnThisDevice();
    expect(await listConflicts()).toEqual([expect.objectContaining({ recordId: 'v1', recordType: 'visit' })]);
    const view = await getConflict('v1');
    expect(view?.mine?.body).toEqual(visit('Mine'));
    expect(view?.theirs).toEqual({ status: 'draft', body: visit('Theirs') });
  });

  it('"Keep my version" saves mine on top of the server revision, syncs cleanly and settles the server copy', async () => {
    const copy = await conflictOnThisDevice();
    await resolveConflict('v1', { keep: 'mine' });

    expect(await listConflicts()).toEqual([]);
    expect((await db.conflicts.get('v1'))?.theirs).toBeUndefined(); // their copy is gone from the device
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ recordId: 'v1', baseRev: 1 })]);
    expect(await recordSyncState('v1')).toBe('waiting');

    await pushChanges({ transport: server.transport });
    expect(server.pushed.at(-1)?.resolvesConflicts).toEqual([copy.id]);
    expect(server.records.get('v1')).toMatchObject({ rev: 2, body: visit('Mine') });
    expect(server.copies.get(copy.id)?.resolvedByRev).toBe(2);
    expect(await db.conflicts.count()).toBe(0);
    expect(await recordSyncState('v1')).toBe('synced');
  });

  it('"Keep their version" makes theirs the device\'s version', async () => {
    await conflictOnThisDevice();
    await resolveConflict('v1', { keep: 'theirs' });
    expect((await getRecord<Visit>('v1'))?.body).toEqual(visit('Theirs'));
    await pushChanges({ transport: server.transport });
    expect(server.records.get('v1')?.body).toEqual(visit('Theirs'));
  });

  it('"Edit a merged version" saves the merged text', async () => {
    await conflictOnThisDevice();
    await resolveConflict('v1', { keep: 'merged', body: visit('Mine and theirs') });
    await pushChanges({ transport: server.transport });
    expect(server.records.get('v1')?.body).toEqual(visit('Mine and theirs'));
    expect((await getRecord<Visit>('v1'))?.body).toEqual(visit('Mine and theirs'));
  });

  it('takes the server version when someone else resolved the conflict, unless there are newer edits here', async () => {
    const copy = await conflictOnThisDevice();
    const merged = server.write('v1', 'visit', 'draft', visit('Merged elsewhere'));
    server.resolveCopy(copy.id, merged.rev);

    await pullChanges({ transport: server.transport });

    expect(await db.conflicts.count()).toBe(0);
    expect(await getRecord<Visit>('v1')).toMatchObject({ rev: 2, body: visit('Merged elsewhere') });
    expect(await db.outbox.count()).toBe(0);
  });

  it('on the other device, resolving the pulled copy settles it for everyone', async () => {
    server.write('v1', 'visit', 'draft', visit('Mine, on the server'));
    await pullChanges({ transport: server.transport });
    const copy = server.keepCopy(
      { mutationId: '0190a000-0000-7000-8000-0000000000bb', recordId: 'v1', recordType: 'visit', baseRev: null, record: { status: 'draft', body: visit('From the tablet') } },
      server.records.get('v1')!,
    );
    await pullChanges({ transport: server.transport });
    expect((await getConflict('v1'))?.theirs?.body).toEqual(visit('From the tablet'));

    await resolveConflict('v1', { keep: 'theirs' });
    await pushChanges({ transport: server.transport });

    expect(server.records.get('v1')).toMatchObject({ rev: 2, body: visit('From the tablet') });
    expect(server.copies.get(copy.id)?.resolvedAt).not.toBeNull();
    await pullChanges({ transport: server.transport });
    expect(await db.conflicts.count()).toBe(0);
  });
});
