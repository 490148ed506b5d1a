import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMegabytes, readStorageState, requestPersistentStorage } from './storage';

afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

describe('persistent storage', () => {
  it('asks the browser to persist only when it is not persistent already', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    Object.defineProperty(navigator, 'storage', { value: { persisted: vi.fn().mockResolvedValue(true), persist }, configurable: true });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports the browser’s answer', async () => {
    Object.defineProperty(navigator, 'storage', {
      value: { persisted: vi.fn().mockResolvedValue(false), persist: vi.fn().mockResolvedValue(false) },
      configurable: true,
    });
    expect(await requestPersistentStorage()).toBe(false);
  });

  it('copes with a browser that has no storage API', async () => {
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
    expect(await requestPersistentStorage()).toBeNull();
    expect(await readStorageState()).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
  });

  it('formats sizes in megabytes', () => {
    expect(formatMegabytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatMegabytes(2048 * 1024 * 1024)).toBe('2,048 MB');
  });
});
