import { beforeEach, describe, expect, it } from 'vitest';
import { countPendingChanges, createDraft, DoorstepDatabase, db, getMeta, getRecord, saveDraft, setMeta } from './index';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
});

describe('a draft', () => {
  it('keeps its id across saves, and a fresh connection finds it sealed with one change waiting', async () => {
    const first = await createDraft('visit', { notes: 'Met' });
    await saveDraft(first.id, 'visit', { notes: 'Met Tamsin at home' });

    // A reload: a new connection to the same IndexedDB database.
    const reopened = new DoorstepDatabase('doorstep');
    const record = await reopened.records.get(first.id);
    reopened.close();
    expect(record).toMatchObject({ id: first.id, type: 'visit', status: 'draft', localVersion: 2 });
    expect(record).not.toHaveProperty('body');
    expect((await getRecord(first.id))?.body).toEqual({ notes: 'Met Tamsin at home' });
    expect(await countPendingChanges()).toBe(1);
  });

  it('is not created when the save fails', async () => {
    const fail = () => {
      throw new Error('disk full');
    };
    db.records.hook('creating', fail);
    try {
      await expect(createDraft('visit', { notes: 'x' })).rejects.toThrow('disk full');
    } finally {
      db.records.hook('creating').unsubscribe(fail);
    }
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('device settings', () => {
  it('stores and reads a value', async () => {
    await setMeta('syncCursor', '0190-abc');
    expect(await getMeta<string>('syncCursor')).toBe('0190-abc');
    expect(await getMeta('missing')).toBeUndefined();
  });
});
