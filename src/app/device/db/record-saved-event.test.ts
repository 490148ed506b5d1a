import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, saveRecord, saveRecords } from './index';
import { RECORD_SAVED_EVENT, type RecordSavedDetail } from './records';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { visitNoteBody } from '../../testing/visit-bodies';

let events: RecordSavedDetail[];
const listen = (event: Event) => events.push((event as CustomEvent<RecordSavedDetail>).detail);

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  events = [];
  window.addEventListener(RECORD_SAVED_EVENT, listen);
});
afterEach(() => window.removeEventListener(RECORD_SAVED_EVENT, listen));

describe('the doorstep:record-saved event', () => {
  it('is dispatched once per save, after the transaction that wrote the record and its outbox entry has committed', async () => {
    const order: string[] = [];
    const onCreating = (_key: unknown, _row: unknown, transaction: { on: (event: 'complete', fn: () => void) => void }) => {
      transaction.on('complete', () => order.push('committed'));
    };
    const onSaved = () => order.push('event');
    db.outbox.hook('creating', onCreating);
    window.addEventListener(RECORD_SAVED_EVENT, onSaved);
    try {
      const first = await saveRecord({ type: 'direct-work', status: 'draft', body: { childsWords: 'I' } });
      const second = await saveRecord({ id: first.id, type: 'direct-work', status: 'draft', body: { childsWords: 'I l' } });

      expect(order).toEqual(['committed', 'event', 'event']);
      expect(second.localVersion).toBe(2);
      expect(events).toEqual([
        { id: first.id, type: 'direct-work', localVersion: 1, startedAt: expect.any(Number), sealedAt: expect.any(Number) },
        { id: first.id, type: 'direct-work', localVersion: 2, startedAt: expect.any(Number), sealedAt: expect.any(Number) },
      ]);
    } finally {
      db.outbox.hook('creating').unsubscribe(onCreating);
      window.removeEventListener(RECORD_SAVED_EVENT, onSaved);
    }
  });

  it('carries ids and timings only, never content, with startedAt ≤ sealedAt ≤ dispatch', async () => {
    const before = performance.now();
    await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: visitNoteBody('v1', 'Seen at home') });
    const after = performance.now();

    expect(events).toHaveLength(1);
    const [detail] = events;
    expect(Object.keys(detail!).sort()).toEqual(['id', 'localVersion', 'sealedAt', 'startedAt', 'type']);
    expect(JSON.stringify(detail)).not.toContain('Seen at home');
    expect(before).toBeLessThanOrEqual(detail!.startedAt);
    expect(detail!.startedAt).toBeLessThanOrEqual(detail!.sealedAt);
    expect(detail!.sealedAt).toBeLessThanOrEqual(after);
  });

  it('is not dispatched when the transaction fails', async () => {
    const failOutbox = () => {
      throw new Error('disk full');
    };
    db.outbox.hook('creating', failOutbox);
    try {
      await expect(saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: visitNoteBody('v1', '') })).rejects.toThrow('disk full');
    } finally {
      db.outbox.hook('creating').unsubscribe(failOutbox);
    }
    expect(events).toEqual([]);
  });

  it('is not dispatched by the bulk saveRecords (import, demo)', async () => {
    await saveRecords([
      { id: 'c1', type: 'child', status: 'submitted', body: { id: 'c1', dateOfBirth: '2018-03-04', involvements: [] } },
      { id: 'v1', type: 'visit', status: 'submitted', body: visitNoteBody('v1', '') },
    ]);
    expect(await db.records.count()).toBe(2);
    expect(events).toEqual([]);
  });
});
