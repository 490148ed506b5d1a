import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackoff } from './backoff';
import { OfflineError, ServerError, SignedOutError } from './errors';
import { createSyncScheduler, type SchedulerOptions } from './scheduler';
import { initialSyncState, useSyncState } from './state';

beforeEach(() => {
  vi.useFakeTimers();
  useSyncState.setState({ ...initialSyncState }, true);
});
afterEach(() => vi.useRealTimers());

function scheduler(run: SchedulerOptions['run'], options: Partial<SchedulerOptions> = {}) {
  const target = new EventTarget();
  let onLocal = () => undefined as void;
  const s = createSyncScheduler({
    run,
    target: target as unknown as Window,
    watchLocalChanges: (cb) => {
      onLocal = cb;
      return () => undefined;
    },
    onSuccess: async () => undefined,
    backoff: { random: () => 0.5 },
    ...options,
  });
  return { s, target, localWrite: () => onLocal() };
}

describe('backoff', () => {
  it('grows exponentially with full jitter up to the cap, and resets', () => {
    const ceilings: number[] = [];
    const backoff = createBackoff({ baseMs: 2_000, capMs: 300_000, random: () => 0.999999 });
    for (let i = 0; i < 10; i++) ceilings.push(backoff.next());
    expect(ceilings.map((ms) => Math.round(ms / 1000))).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    backoff.reset();
    expect(backoff.next()).toBeLessThan(2_000);

    const jittered = createBackoff({ random: () => 0.25 });
    expect([jittered.next(), jittered.next(), jittered.next()]).toEqual([500, 1_000, 2_000]);
  });
});

describe('the sync scheduler', () => {
  it('syncs on start, on reconnect, on the interval, and on "Sync now"', async () => {
    const run = vi.fn(async () => undefined);
    const { s, target } = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
    await s.syncNow();
    expect(run).toHaveBeenCalledTimes(4);
    expect(useSyncState.getState().status).toBe('idle');
    s.stop();
  });

  it('syncs once, about 2 seconds after a burst of local writes', async () => {
    const run = vi.fn(async () => undefined);
    const { s, localWrite } = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    run.mockClear();
    localWrite();
    await vi.advanceTimersByTimeAsync(1_500);
    localWrite();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(1);
    s.stop();
  });

  it('never runs two syncs at once: a request during a sync runs one more afterwards', async () => {
    let active = 0;
    let most = 0;
    let finish: () => void = () => undefined;
    const run = vi.fn(async () => {
      most = Math.max(most, ++active);
      await new Promise<void>((resolve) => (finish = resolve));
      active--;
    });
    const { s } = scheduler(run);
    s.start();
    void s.syncNow();
    void s.syncNow();
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(most).toBe(1);
    expect(run).toHaveBeenCalledTimes(2);
    s.stop();
  });

  it('backs off after failures (longer each time, with jitter) and resets after a success', async () => {
    let fail = true;
    const run = vi.fn(async () => {
      if (fail) throw new ServerError('Service unavailable', 503);
    });
    const { s } = scheduler(run);
    const waits: number[] = [];
    s.start();
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(0);
      expect(useSyncState.getState().status).toBe('error');
      const wait = useSyncState.getState().nextRetryAt! - Date.now();
      waits.push(wait);
      await vi.advanceTimersByTimeAsync(wait); // the retry timer fires
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]); // random 0.5 of 2, 4, 8, 16 s
    expect(run).toHaveBeenCalledTimes(5);

    await vi.advanceTimersByTimeAsync(0);
    fail = false;
    await s.syncNow();
    expect(useSyncState.getState()).toMatchObject({ status: 'idle', nextRetryAt: null });
    fail = true;
    await s.syncNow();
    expect(useSyncState.getState().nextRetryAt! - Date.now()).toBe(1_000);
    s.stop();
  });

  it('does not retry on a timer while offline, and waits for the network', async () => {
    const run = vi.fn(async () => {
      throw new OfflineError();
    });
    const { s, target } = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(useSyncState.getState().status).toBe('offline');
    target.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    s.stop();
  });

  it('stops syncing when the session has ended, until the person signs in again', async () => {
    const run = vi.fn(async () => {
      throw new SignedOutError();
    });
    const { s, target } = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(useSyncState.getState()).toMatchObject({ status: 'signed-out', signedOutReason: 'session-ended' });
    target.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(1);
    s.stop();
  });

  it('does nothing once stopped (the device locked)', async () => {
    const run = vi.fn(async () => undefined);
    const { s, localWrite } = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    s.stop();
    localWrite();
    await vi.advanceTimersByTimeAsync(120_000);
    await s.syncNow();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
