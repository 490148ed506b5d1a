import { db } from './database';
import { open, seal, type Sealed } from '../crypto/sealed';
import { currentDataKey } from '../lock/device-session';

/** Small device settings and bookmarks (sync cursor, current draft ids). Never personal data. */
export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta<T>(key: string, value: T): Promise<void> {
  await db.meta.put({ key, value });
}

/** A small personal value kept in meta (the practitioner's profile), sealed like a record. */
export async function setSealedMeta<T>(key: string, value: T): Promise<void> {
  const sealed = await Promise.resolve(seal(currentDataKey(), value, `meta:${key}`));
  await db.meta.put({ key, value: sealed });
}

export async function getSealedMeta<T>(key: string): Promise<T | undefined> {
  const stored = await db.meta.get(key);
  if (!stored) return undefined;
  return Promise.resolve(open<T>(currentDataKey(), stored.value as Sealed, `meta:${key}`));
}
