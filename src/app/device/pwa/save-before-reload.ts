import { whenDraftSavesSettled } from '../db';

/** Forms listen for this and save what is typed at once, instead of after the typing pause. */
export const SAVE_NOW_EVENT = 'doorstep:save-now';

/** Asks every open form to save now and waits until the saves have reached IndexedDB. */
export async function saveEverythingNow(): Promise<void> {
  window.dispatchEvent(new Event(SAVE_NOW_EVENT));
  await whenDraftSavesSettled();
}
