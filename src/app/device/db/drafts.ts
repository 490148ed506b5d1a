import { listRecordsByStatus, saveRecord } from './records';
import type { LocalRecord, RecordType } from './types';

const inFlight = new Set<Promise<unknown>>();

function track<T>(save: Promise<T>): Promise<T> {
  inFlight.add(save);
  void save.catch(() => undefined).finally(() => inFlight.delete(save));
  return save;
}

/** Resolves once every draft save started so far has finished (saved or failed). */
export async function whenDraftSavesSettled(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}

/** A new draft with its own UUIDv7, saved with its outbox entry. */
export function createDraft<Body>(type: RecordType, body: Body): Promise<LocalRecord<Body>> {
  return track(saveRecord({ type, status: 'draft', body }));
}

/** Saves a draft the form already has an id for (from createDraft or the route). */
export function saveDraft<Body>(id: string, type: RecordType, body: Body): Promise<LocalRecord<Body>> {
  return track(saveRecord({ id, type, status: 'draft', body }));
}

/** Every draft on the device, of any type, most recently saved first. */
export async function listDrafts<Body = unknown>(): Promise<LocalRecord<Body>[]> {
  const drafts = await listRecordsByStatus<Body>('draft');
  return drafts.filter((record) => record.type !== 'child');
}
