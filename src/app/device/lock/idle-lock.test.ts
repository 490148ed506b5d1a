import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleLock, type IdleLock } from './idle-lock';

const minute = 60_000;

class FakePage extends EventTarget {
  hidden = false;
  hide() {
    this.hidden = true;
    this.dispatchEvent(new Event('visibilitychange'));
  }
  show() {
    this.hidden = false;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

let page: FakePage;
let onLock: ReturnType<typeof vi.fn<() => void>>;
let idle: IdleLock;

beforeEach(() => {
  vi.useFakeTimers();
  page = new FakePage();
  onLock = vi.fn<() => void>();
});

afterEach(() => {
  idle?.stop();
  vi.useRealTimers();
});

function touch(type = 'pointerdown') {
  window.dispatchEvent(new Event(type));
}

describe('locking an idle tablet', () => {
  it('locks after 5 minutes with no one using it', () => {
    idle = createIdleLock({ onLock, page });
    idle.start();

    vi.advanceTimersByTime(5 * minute - 1);
    expect(onLock).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    expect(onLock).toHaveBeenCalledOnce();
    expect(idle.running).toBe(false);
  });

  it('does not lock at 5 minutes while the practitioner is still typing', () => {
    idle = createIdleLock({ onLock, page });
    idle.start();

    vi.advanceTimersByTime(4 * minute);
    touch('keydown');
    vi.advanceTimersByTime(4 * minute);
    touch('touchstart');
    vi.advanceTimersByTime(4 * minute);
    expect(onLock).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1 * minute);
    expect(onLock).toHaveBeenCalledOnce();
  });

  it.each(['pointerdown', 'keydown', 'touchstart', 'scroll'])('counts %s as someone using it', (type) => {
    idle = createIdleLock({ onLock, page });
    idle.start();

    vi.advanceTimersByTime(3 * minute);
    touch(type);
    vi.advanceTimersByTime(3 * minute);

    expect(onLock).not.toHaveBeenCalled();
  });

  it('hears a scroll inside the page, which does not bubble', () => {
    idle = createIdleLock({ onLock, page });
    idle.start();
    const notes = document.body.appendChild(document.createElement('div'));

    vi.advanceTimersByTime(3 * minute);
    notes.dispatchEvent(new Event('scroll', { bubbles: false }));
    vi.advanceTimersByTime(3 * minute);

    expect(onLock).not.toHaveBeenCalled();
    notes.remove();
  });

  it('follows the "lock after" setting', () => {
    idle = createIdleLock({ onLock, page, timeoutMinutes: 2 });
    idle.start();

    vi.advanceTimersByTime(2 * minute);
    expect(onLock).toHaveBeenCalledOnce();
  });

  it('locks at once when shown again after being hidden longer than the limit, even if timers were frozen', () => {
    let time = 0;
    // Timers that never fire, as in a tab the browser has frozen.
    const frozen = { setTimeout: () => 1, clearTimeout: () => undefined };
    idle = createIdleLock({ onLock, page, timers: frozen, now: () => time });
    idle.start();

    page.hide();
    time += 6 * minute;
    expect(onLock).not.toHaveBeenCalled();
    page.show();

    expect(onLock).toHaveBeenCalledOnce();
  });

  it('stays unlocked when shown again after a short time hidden', () => {
    idle = createIdleLock({ onLock, page });
    idle.start();

    page.hide();
    vi.advanceTimersByTime(2 * minute);
    page.show();

    expect(onLock).not.toHaveBeenCalled();
  });

  it('does nothing once stopped, and counts afresh when started again', () => {
    idle = createIdleLock({ onLock, page });
    idle.start();
    vi.advanceTimersByTime(4 * minute);
    idle.stop();
    vi.advanceTimersByTime(10 * minute);
    expect(onLock).not.toHaveBeenCalled();

    idle.start();
    vi.advanceTimersByTime(4 * minute);
    expect(onLock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1 * minute);
    expect(onLock).toHaveBeenCalledOnce();
  });

  it('counts a reset as activity', () => {
    idle = createIdleLock({ onLock, page });
    idle.start();

    vi.advanceTimersByTime(4 * minute);
    idle.reset();
    vi.advanceTimersByTime(4 * minute);

    expect(onLock).not.toHaveBeenCalled();
  });

  it('refuses a setting of zero minutes', () => {
    expect(() => createIdleLock({ onLock, page, timeoutMinutes: 0 })).toThrow(RangeError);
  });
});
