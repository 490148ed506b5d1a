export interface StorageState {
  /** null when the browser cannot say. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

let persistOnStart: Promise<boolean | null> | undefined;

/**
 * Asks the browser once per page load to keep Doorstep's data even when the device runs
 * short of space, so drafts written offline are not evicted before they sync.
 */
export function requestPersistentStorageOnce(): Promise<boolean | null> {
  persistOnStart ??= requestPersistentStorage();
  return persistOnStart;
}

export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return null;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

export async function readStorageState(): Promise<StorageState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}

/** Bytes as megabytes, to one decimal place under 10 MB and whole numbers above. */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  const digits = megabytes < 10 ? 1 : 0;
  return `${megabytes.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })} MB`;
}
