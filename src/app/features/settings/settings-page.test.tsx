import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';

const MB = 1024 * 1024;

function fakeStorage(storage: Partial<StorageManager> | undefined) {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}

beforeEach(resetDatabase);
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

describe('the settings page', () => {
  it('says storage is persistent and how much space is used', async () => {
    fakeStorage({
      persisted: vi.fn().mockResolvedValue(true),
      estimate: vi.fn().mockResolvedValue({ usage: 3.5 * MB, quota: 2048 * MB }),
    });
    renderApp('/settings');
    expect(await screen.findByText('Storage: persistent (will not be cleared by the browser)')).toBeInTheDocument();
    expect(screen.getByText('Using 3.5 MB of 2,048 MB available.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ask to keep data on this device' })).not.toBeInTheDocument();
  });

  it('says when storage is not persistent and lets the user ask again', async () => {
    const persist = vi.fn().mockResolvedValue(false);
    fakeStorage({
      persisted: vi.fn().mockResolvedValue(false),
      persist,
      estimate: vi.fn().mockResolvedValue({ usage: 0, quota: 100 * MB }),
    });
    const user = userEvent.setup();
    renderApp('/settings');
    expect(await screen.findByText(/^Storage: not persistent/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Ask to keep data on this device' }));
    expect(persist).toHaveBeenCalled();
    expect(await screen.findByText('The browser has not agreed to keep Doorstep’s data.')).toBeInTheDocument();
  });

  it('explains when the browser has no storage API', async () => {
    fakeStorage(undefined);
    renderApp('/settings');
    expect(await screen.findByText('Storage: this browser cannot say whether it will keep Doorstep’s data')).toBeInTheDocument();
    expect(screen.getByText('This browser does not say how much space Doorstep is using.')).toBeInTheDocument();
  });
});
