import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reloadPage } from '../device/pwa/reload-page';
import { registerServiceWorker } from '../device/pwa/register-service-worker';
import { UpdateBanner } from './update-banner';
import { useAppUpdate } from '../device/pwa/update-store';

// A stand-in for workbox-window: the test plays the part of the browser's service worker.
const workbox = vi.hoisted(() => ({
  instance: undefined as undefined | { emit: (type: string, event?: object) => void; messageSkipWaiting: () => void },
}));
vi.mock('workbox-window', () => ({
  Workbox: class {
    private listeners = new Map<string, ((event: object) => void)[]>();
    messageSkipWaiting = vi.fn();
    constructor() {
      workbox.instance = this;
    }
    addEventListener(type: string, listener: (event: object) => void) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    emit(type: string, event: object = {}) {
      for (const listener of this.listeners.get(type) ?? []) listener({ type, ...event });
    }
    register() {
      return Promise.resolve(undefined);
    }
  },
}));
vi.mock('../device/pwa/reload-page', () => ({ reloadPage: vi.fn() }));

beforeEach(() => {
  vi.mocked(reloadPage).mockClear();
  useAppUpdate.setState({ updateWaiting: false, takenOverElsewhere: false, applyUpdate: () => undefined });
  Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
});

function startApp() {
  registerServiceWorker('/sw.js');
  render(<UpdateBanner />);
  const wb = workbox.instance;
  if (!wb) throw new Error('no Workbox was created');
  return wb;
}

describe('a new version of Doorstep', () => {
  it('shows nothing while no new version is waiting', () => {
    startApp();
    expect(screen.queryByRole('region', { name: 'Update available' })).not.toBeInTheDocument();
  });

  it('is offered in a banner when it is waiting, and does not reload by itself', () => {
    const wb = startApp();
    act(() => wb.emit('waiting', { isUpdate: true }));

    const banner = screen.getByRole('region', { name: 'Update available' });
    expect(banner).toHaveTextContent('A new version of Doorstep is ready');
    expect(screen.getByRole('button', { name: 'Update now' })).toBeInTheDocument();
    expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('takes over and reloads only after "Update now" is pressed', async () => {
    const user = userEvent.setup();
    const wb = startApp();
    act(() => wb.emit('waiting', { isUpdate: true }));

    await user.click(screen.getByRole('button', { name: 'Update now' }));
    await waitFor(() => expect(wb.messageSkipWaiting).toHaveBeenCalledTimes(1));
    expect(reloadPage).not.toHaveBeenCalled(); // not until the new version is in control

    act(() => wb.emit('controlling', { isUpdate: true }));
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });

  it('does not reload this page when another tab pressed "Update now"', async () => {
    const user = userEvent.setup();
    const wb = startApp();
    act(() => wb.emit('waiting', { isUpdate: true, isExternal: true }));
    act(() => wb.emit('controlling', { isUpdate: true }));

    expect(reloadPage).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Update now' }));
    await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
    expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
  });

  it('does nothing in a browser without service workers', () => {
    Reflect.deleteProperty(navigator, 'serviceWorker');
    expect(registerServiceWorker('/sw.js')).toBeUndefined();
  });
});
