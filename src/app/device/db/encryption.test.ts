import { beforeEach, describe, expect, it } from 'vitest';
import {
  createDraft,
  db,
  DeviceLockedError,
  getBlob,
  getRecord,
  getSealedMeta,
  listBlobIds,
  listDrafts,
  listRecords,
  saveBlob,
  saveDraft,
  saveRecord,
  sealPlaintextRecords,
  setSealedMeta,
  whenDraftSavesSettled,
} from './index';
import { resetDatabase } from '../../testing/reset-database';
import { newTestDevice, unlockTestDevice } from '../../testing/unlock-test-device';
import type { ChildBody } from '../../../shared/model/record-bodies.ts';
import type { VisitNoteBody } from '../../../shared/model/visit-note.ts';
import { visitNoteBody } from '../../testing/visit-bodies';

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
});

const childName = 'Tamsin Ellery';
const noteText = 'Tamsin showed me her drawing of the three houses';

/** Everything in a stored row as text: JSON plus every ArrayBuffer decoded as UTF-8. */
function everythingIn(row: unknown): string {
  const buffers: string[] = [];
  const json = JSON.stringify(row, (_key, value: unknown) => {
    if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') {
      buffers.push(new TextDecoder().decode(value as ArrayBuffer));
      return '[buffer]';
    }
    return value;
  });
  return json + buffers.join('');
}

describe('records at rest', () => {
  it('keeps a visit note and a child name out of the stored rows', async () => {
    const child = await saveRecord<ChildBody>({
      type: 'child',
      status: 'submitted',
      body: { id: 'c1', name: childName, dateOfBirth: '2015-03-02', involvements: [] },
    });
    const visit = await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: visitNoteBody('v1', noteText) });

    for (const id of [child.id, visit.id]) {
      const raw = everythingIn(await db.table('records').get(id));
      expect(raw).not.toContain('Tamsin');
      expect(raw).not.toContain('three houses');
      expect(raw).not.toContain('2015-03-02');
    }
    expect((await db.table('records').get(visit.id)).sealed.ct.byteLength).toBeGreaterThan(noteText.length);
    expect((await getRecord<VisitNoteBody>(visit.id))?.body.note).toEqual(visitNoteBody('v1', noteText).note);
  });

  it('cannot read or write a record while the device is locked', async () => {
    const visit = await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: visitNoteBody('v1', noteText) });
    newTestDevice();
    await expect(getRecord(visit.id)).rejects.toBeInstanceOf(DeviceLockedError);
    await expect(listRecords('visit')).rejects.toBeInstanceOf(DeviceLockedError);
    await expect(saveRecord({ id: 'v2', type: 'visit', status: 'draft', body: visitNoteBody('v2', '') })).rejects.toBeInstanceOf(DeviceLockedError);
    expect(await db.outbox.count()).toBe(1);
  });

  it('will not open a sealed body moved onto another record', async () => {
    const a = await saveRecord({ id: 'va', type: 'visit', status: 'draft', body: visitNoteBody('va', 'A') });
    const b = await saveRecord({ id: 'vb', type: 'visit', status: 'draft', body: visitNoteBody('vb', 'B') });
    const rowA = await db.records.get(a.id);
    await db.records.update(b.id, { sealed: rowA!.sealed });
    await expect(getRecord(b.id)).rejects.toThrow('could not be decrypted');
  });

  it('seals a row written before encryption on the next unlock', async () => {
    await db.records.put({
      id: 'old-1',
      type: 'visit',
      status: 'draft',
      body: visitNoteBody('old-1', noteText),
      localVersion: 1,
      rev: null,
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
    });
    expect((await getRecord('old-1'))?.body).toEqual(visitNoteBody('old-1', noteText));
    expect(await sealPlaintextRecords()).toBe(1);
    expect(everythingIn(await db.records.get('old-1'))).not.toContain('three houses');
    expect((await getRecord('old-1'))?.body).toEqual(visitNoteBody('old-1', noteText));
  });

  it('keeps the practitioner profile sealed in meta', async () => {
    await setSealedMeta('practitioner', { id: 'p1', name: 'Dana Okafor' });
    expect(everythingIn(await db.meta.get('practitioner'))).not.toContain('Dana');
    expect(await getSealedMeta('practitioner')).toEqual({ id: 'p1', name: 'Dana Okafor' });
  });
});

describe('photos at rest', () => {
  it('keeps a photo sealed and gives back the same bytes and type', async () => {
    const record = await createDraft('direct-work', { childIds: [] });
    const photo = new Blob(['PNG drawing of three houses'], { type: 'image/png' });
    await saveBlob(record.id, 'photo-1', photo);

    expect(everythingIn(await db.table('blobs').get('photo-1'))).not.toContain('three houses');
    const back = await getBlob('photo-1');
    expect(back?.type).toBe('image/png');
    expect(await back?.text()).toBe('PNG drawing of three houses');
    expect(await listBlobIds(record.id)).toEqual(['photo-1']);
    expect(await getBlob('missing')).toBeUndefined();
  });
});

describe('several drafts at once', () => {
  it('creates, saves and lists drafts of every type, newest first', async () => {
    const visit = await createDraft('visit', visitNoteBody('new-visit', 'First'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const work = await createDraft('direct-work', { childIds: ['c1'] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    void saveDraft(visit.id, 'visit', visitNoteBody(visit.id, 'Second'));
    await whenDraftSavesSettled();
    await saveRecord<ChildBody>({ id: 'c9', type: 'child', status: 'draft', body: { id: 'c9', dateOfBirth: '2019-01-02', involvements: [] } });

    const drafts = await listDrafts();
    expect(drafts.map((d) => d.id)).toEqual([visit.id, work.id]);
    expect(drafts[0]?.body).toEqual(visitNoteBody(visit.id, 'Second'));
    expect(drafts[0]?.localVersion).toBe(2);
  });
});
