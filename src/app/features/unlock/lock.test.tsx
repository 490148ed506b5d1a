import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeKeys } from '../../device/crypto/key-value-store';
import type { VaultRecord } from '../../device/crypto/vault';
import { deviceSession, metaStore } from '../../device/db';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { lockedTestDevice, newTestDevice, TEST_PIN, unlockTestDevice } from '../../testing/unlock-test-device';
import { setLockAfterMinutes } from '../../device/lock/lock-settings';

beforeEach(resetDatabase);
afterEach(() => {
  vi.useRealTimers();
});

function errorSummary() {
  return screen.getByRole('alert');
}

describe('setting up a PIN on first run', () => {
  it('explains what the PIN protects and that forgetting it means signing in online', async () => {
    newTestDevice();
    renderApp('/', { unlocked: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up a PIN' })).toBeInTheDocument();
    expect(screen.getByText(/protects the records on this device/)).toBeInTheDocument();
    expect(screen.getByText(/can only be opened again by signing in online/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Service navigation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lock now' })).not.toBeInTheDocument();
  });

  it('says what is wrong, links the error to the field, and sets the PIN once it is right', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    newTestDevice();
    renderApp('/', { unlocked: false });
    const pin = await screen.findByLabelText('PIN or passphrase');
    const confirm = screen.getByLabelText('Confirm PIN or passphrase');
    expect(pin).toHaveAttribute('autocomplete', 'new-password');

    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(errorSummary()).toHaveTextContent('Enter a PIN or passphrase');

    await user.type(pin, '1234');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    const link = within(errorSummary()).getByRole('link', {
      name: 'Enter a PIN of at least 6 digits, or a passphrase of at least 8 characters',
    });
    expect(link).toHaveAttribute('href', '#pin');
    await user.click(link);
    expect(pin).toHaveFocus();
    expect(pin).toHaveAccessibleDescription(/Error: Enter a PIN of at least 6 digits/);

    await user.clear(pin);
    await user.type(pin, '582019');
    await user.type(confirm, '582091');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(within(errorSummary()).getByRole('link', { name: /The PINs do not match/ })).toHaveAttribute('href', '#pin-confirm');

    await user.clear(confirm);
    await user.type(confirm, '582019');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' }, { timeout: 15_000 })).toBeInTheDocument();
    const vault = (await metaStore.get(storeKeys.vault)) as VaultRecord;
    expect(vault.kdf.iterations).toBeGreaterThanOrEqual(600_000);
  });
});

describe('unlocking', () => {
  it('turns away a wrong PIN with the tries left, then makes the user wait', async () => {
    const user = userEvent.setup();
    await lockedTestDevice();
    renderApp('/', { unlocked: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Doorstep' })).toBeInTheDocument();
    const pin = screen.getByLabelText('PIN or passphrase');
    expect(pin).toHaveAttribute('autocomplete', 'current-password');

    await user.type(pin, '000000');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The PIN is not correct. You have 4 tries left before you need to wait',
    );
    for (const left of [3, 2, 1]) {
      await user.type(pin, '000000');
      await user.click(screen.getByRole('button', { name: 'Unlock' }));
      await waitFor(() => expect(errorSummary()).toHaveTextContent(`You have ${left} ${left === 1 ? 'try' : 'tries'} left`));
    }
    await user.type(pin, '000000');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(errorSummary()).toHaveTextContent('Too many wrong PINs. Try again in 30 seconds.'));
    expect(errorSummary()).toHaveTextContent(/You can try again at \d{1,2}:\d{2}:\d{2}(am|pm)/);

    // Even the right PIN waits until the time is up.
    await user.type(pin, TEST_PIN);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(errorSummary()).toHaveTextContent(/Too many wrong PINs. Try again in \d+ seconds/));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Unlock Doorstep');
  });

  it('shows a lockout still running after a reload', async () => {
    await lockedTestDevice();
    await metaStore.set(storeKeys.lockout, { failures: 6, lockedUntil: Date.now() + 60_000 });
    renderApp('/', { unlocked: false });
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many wrong PINs. Try again in 1 minute.');
  });

  it('unlocks with the right PIN, with no network, and offers the number pad for a PIN of digits', async () => {
    const user = userEvent.setup();
    await lockedTestDevice();
    await metaStore.set('lock.pinKind', 'digits');
    // No network: the unlock must not need it (the key escrow it tries in the background fails quietly).
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    renderApp('/settings', { unlocked: false });
    const pin = await screen.findByLabelText('PIN or passphrase');
    await waitFor(() => expect(pin).toHaveAttribute('inputmode', 'numeric'));
    await user.type(pin, TEST_PIN);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Settings' }, { timeout: 10_000 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(fetchSpy.mock.calls.every(([url]) => String(url).startsWith('/api/key-escrow/'))).toBe(true);
    fetchSpy.mockRestore();
  });
});

describe('locking', () => {
  it('locks at once with "Lock now" in the header', async () => {
    const user = userEvent.setup();
    await unlockTestDevice();
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Caseload' });
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Lock now' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Unlock Doorstep' });
    expect(deviceSession().isUnlocked()).toBe(false);
    expect(screen.queryByRole('navigation', { name: 'Service navigation' })).not.toBeInTheDocument();
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('locks after the "Lock after" time with no one using it', async () => {
    await unlockTestDevice();
    await setLockAfterMinutes(1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Caseload' });
    await act(async () => {
      vi.advanceTimersByTime(59_000);
    });
    expect(deviceSession().isUnlocked()).toBe(true);
    await act(async () => {
      vi.advanceTimersByTime(2_000);
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Doorstep' })).toBeInTheDocument();
  });

  it('saves the "Lock after" choice in Settings', async () => {
    const user = userEvent.setup();
    await unlockTestDevice();
    renderApp('/settings');
    const group = await screen.findByRole('group', { name: 'Lock after' });
    await waitFor(() => expect(within(group).getByLabelText('5 minutes')).toBeChecked());
    await user.click(within(group).getByLabelText('15 minutes'));
    expect(await screen.findByText('Saved: 15 minutes')).toBeInTheDocument();
    expect(await metaStore.get('settings.lockAfterMinutes')).toBe(15);
  });
});
