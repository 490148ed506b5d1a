import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, getRecord, saveRecord } from '../db';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { applyPage, getCursor, pullChanges } from './pull';
import { pushChanges } from './push';
import { recordSyncState } from './record-state';
import { openTheirs } from './sealing';
import { FakeServer } from './testing/fake-server';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
});
afterEach(() => vi.restoreAllMocks());

const child = (id: string, name: string) => ({ id, name, dateOfBirth: '2015-03-02', involvements: [] });

describe('pulling changes', () => {
  it('applies every page in order and stores the cursor after each', async () => {
    for (let i = 1; i <= 5; i++) server.write(`c${i}`, 'child', 'submitted', child(`c${i}`, `Child ${i}`));

    const applied = await pullChanges({ transport: server.transport, limit: 2 });

    expect(applied).toBe(5);
    expect(server.calls).toEqual(['pull:0', 'pull:2', 'pull:4']);
    expect(await getCursor()).toBe('5');
    const record = await getRecord<{ name: string }>('c3');
    expect(record).toMatchObject({ type: 'child', status: 'submitted', rev: 1, body: { name: 'Child 3' } });
    expect(await recordSyncState('c3')).toBe('synced');
    expect(await db.outbox.count()).toBe(0); // pulled changes are not sent back
  });

  it('leaves the cursor where it was when a page fails half way, and the retry applies the page again without harm', async () => {
    server.write('c1', 'child', 'submitted', child('c1', 'Ada'));
    server.write('c2', 'child', 'submitted', child('c2', 'Bo'));
    const put = db.records.put.bind(db.records);
    let calls = 0;
    vi.spyOn(db.records, 'put').mockImplementation((...args) => {
      if (++calls === 2) throw new Error('Disk full');
      return put(...args);
    });

    await expect(pullChanges({ transport: server.transport })).rejects.toThrow('Disk full');
    expect(await getCursor()).toBe('0');
    expect(await db.records.count()).toBe(0); // the first change of the page was rolled back with it

    vi.restoreAllMocks();
    await pullChanges({ transport: server.transport });
    expect(await getCursor()).toBe('2');
    expect((await getRecord<{ name: string }>('c2'))?.body.name).toBe('Bo');

    // The same page once more (a reply applied twice): nothing changes.
    const page = await server.transport.pull('0');
    await applyPage(page.changes, page.nextCursor);
    expect(await db.records.count()).toBe(2);
    expect((await getRecord('c1'))?.rev).toBe(1);
  });

  it('never overwrites unsent local edits: the pulled version becomes a conflict', async () => {
    server.write('c1', 'child', 'submitted', child('c1', 'Ada'));
    await pullChanges({ transport: server.transport });
    await saveRecord({ id: 'c1', type: 'child', status: 'submitted', body: child('c1', 'Ada Lovelace') });
    server.write('c1', 'child', 'submitted', child('c1', 'Ada Byron'));

    await pullChanges({ transport: server.transport });

    expect((await getRecord<{ name: string }>('c1'))?.body.name).toBe('Ada Lovelace');
    const conflict = await db.conflicts.get('c1');
    expect(conflict).toMatchObject({ theirsIs: 'server', serverRev: 2, conflictId: null });
    expect(await openTheirs(conflict!)).toMatchObject({ name: 'Ada Byron' });
    expect(await recordSyncState('c1')).toBe('conflict');

    // Pushing tells the server, which keeps my version as its conflict copy for other devices.
    await pushChanges({ transport: server.transport });
    expect((await db.conflicts.get('c1'))?.conflictId).toBe([...server.copies.keys()][0]);
    expect(server.copies.size).toBe(1);
  });

  it("shows another device's conflict copy here too, and clears it when someone resolves it", async () => {
    server.write('c1', 'child', 'submitted', child('c1', 'Ada'));
    await pullChanges({ transport: server.transport });
    const current = server.records.get('c1')!;
    const copy = server.keepCopy(
      { mutationId: '0190a000-0000-7000-8000-0000000000aa', recordId: 'c1', recordType: 'child', baseRev: null, record: { status: 'submitted', body: child('c1', 'Ada L') } },
      current,
    );

    await pullChanges({ transport: server.transport });
    const conflict = await db.conflicts.get('c1');
    expect(conflict).toMatchObject({ theirsIs: 'copy', conflictId: copy.id, serverRev: 1 });
    expect(await openTheirs(conflict!)).toMatchObject({ name: 'Ada L' });
    expect((await getRecord<{ name: string }>('c1'))?.body.name).toBe('Ada');

    const merged = server.write('c1', 'child', 'submitted', child('c1', 'Ada L.'));
    server.resolveCopy(copy.id, merged.rev);
    await pullChanges({ transport: server.transport });
    expect(await db.conflicts.get('c1')).toBeUndefined();
    expect((await getRecord<{ name: string }>('c1'))?.body.name).toBe('Ada L.');
  });
});
