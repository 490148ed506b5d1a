import { beforeEach, describe, expect, it } from 'vitest';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { countPendingChanges, db, getRecord, listRecords, RecordFrozenError, saveRecord } from './index';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { visitNoteBody } from '../../testing/visit-bodies';

/** A valid visit body for the record 'v1' (the first test lets the device make the id, so there only the contact id differs). */
const note = (whatHappened: string) => visitNoteBody('v1', whatHappened);

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
});

describe('saving a record on the device', () => {
  it('writes the record and its outbox entry together', async () => {
    const visit = await saveRecord({ type: 'visit', status: 'draft', body: note('Seen at home') });

    expect(isUuid(visit.id) && uuidVersion(visit.id)).toBe(7);
    expect(visit.localVersion).toBe(1);
    expect(await getRecord(visit.id)).toEqual(visit);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ recordId: visit.id, baseRev: null });
    expect(uuidVersion(outbox[0]!.mutationId)).toBe(7);
  });

  it('writes neither the record nor the outbox entry when the transaction fails', async () => {
    const failOutbox = () => {
      throw new Error('disk full');
    };
    db.outbox.hook('creating', failOutbox);
    try {
      await expect(saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: note('Lost?') })).rejects.toThrow('disk full');
    } finally {
      db.outbox.hook('creating').unsubscribe(failOutbox);
    }
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the earlier content when an update fails part-way', async () => {
    const visit = await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: note('First') });
    const failOutbox = () => {
      throw new Error('quota exceeded');
    };
    db.outbox.hook('updating', failOutbox);
    try {
      await expect(saveRecord({ ...visit, body: note('Second') })).rejects.toThrow('quota exceeded');
    } finally {
      db.outbox.hook('updating').unsubscribe(failOutbox);
    }
    expect((await getRecord(visit.id))?.body).toEqual(note('First'));
  });

  it('coalesces unsent saves of one record into one waiting change with a fresh mutation id', async () => {
    const first = await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: note('M') });
    const [before] = await db.outbox.toArray();
    await saveRecord({ id: first.id, type: 'visit', status: 'draft', body: note('Me') });
    const last = await saveRecord({ id: first.id, type: 'visit', status: 'draft', body: note('Met') });

    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.seq).toBe(before!.seq);
    expect(outbox[0]!.mutationId).not.toBe(before!.mutationId);
    expect(last.localVersion).toBe(3);
    expect(last.createdAt).toBe(first.createdAt);
  });

  it('queues a new change once the earlier one has been sent', async () => {
    const visit = await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: note('A') });
    await db.outbox.toCollection().modify({ sentAt: new Date().toISOString() });
    await saveRecord({ ...visit, body: note('AB') });

    expect(await db.outbox.count()).toBe(2);
    expect(await countPendingChanges()).toBe(1);
  });

  it('counts records waiting to sync, not saves', async () => {
    expect(await countPendingChanges()).toBe(0);
    const visit = await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: note('') });
    await saveRecord({ ...visit, body: note('more') });
    await saveRecord({ type: 'observation', status: 'draft', body: {} });
    await saveRecord({ type: 'direct-work', status: 'draft', body: {} });
    expect(await countPendingChanges()).toBe(3);
  });

  it('refuses to change a signed-off record', async () => {
    const visit = await saveRecord({ id: 'v1', type: 'visit', status: 'signed-off', body: note('Final') });
    await expect(saveRecord({ ...visit, status: 'draft', body: note('Changed') })).rejects.toBeInstanceOf(RecordFrozenError);
    expect((await getRecord(visit.id))?.body).toEqual(note('Final'));
  });

  it('lists records of one type, most recently changed first', async () => {
    const older = await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: visitNoteBody('v1', '') });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await saveRecord({ id: 'v2', type: 'visit', status: 'submitted', body: visitNoteBody('v2', '') });
    await saveRecord({ id: 'c1', type: 'child', status: 'submitted', body: { id: 'c1', dateOfBirth: '2018-03-04', involvements: [] } });

    expect((await listRecords('visit')).map((r) => r.id)).toEqual([newer.id, older.id]);
  });

  it('indexes ids, types, statuses and dates only, never content', () => {
    const schema = db.records.schema;
    const indexed = [schema.primKey.name, ...schema.indexes.map((index) => index.name)];
    expect(indexed.sort()).toEqual(['id', 'status', 'type', 'updatedAt']);
  });
});
