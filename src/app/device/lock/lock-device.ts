import { deviceSession } from '../db';
import { saveEverythingNow } from '../pwa/save-before-reload';

/**
 * Lock now or after the idle time: open forms save what is typed first (they need the key to
 * seal it), then the key is forgotten.
 */
export async function lockDevice(): Promise<void> {
  try {
    await saveEverythingNow();
  } finally {
    deviceSession().lock();
  }
}
