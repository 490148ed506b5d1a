import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeKeys } from '../../device/crypto/key-value-store';
import { deviceSession, getSealedMeta, metaStore, setSealedMeta } from '../../device/db';
import { setAppTransport, useAccount } from '../../device/sync';
import { FakeServer } from '../../device/sync/testing/fake-server';
import { ERASE_AFTER_FAILURES } from '../../device/lock/lockout';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { TEST_PIN, unlockTestDevice } from '../../testing/unlock-test-device';
import { TEAM_KEY } from '../../device/sync/team';

const pin = '582019';
const passphrase = 'kettle on the blue stove';
let server: FakeServer;

beforeEach(async () => {
  await resetDatabase();
  server = new FakeServer();
  setAppTransport(server.transport);
  useAccount.setState({ account: undefined, pending: null });
});
afterEach(() => setAppTransport(null));

/** A device set up online (its key escrowed), with a sealed note, locked, one wrong PIN from the limit. */
async function escrowedDeviceOneTryFromErase() {
  const session = deviceSession();
  session.lock();
  expect(await session.setUpPin(pin)).toEqual({ ok: true });
  expect(await session.escrowSettled()).toBe(true);
  await setSealedMeta('test.note', { note: 'Tamsin likes her new school' });
  session.lock();
  await metaStore.set(storeKeys.lockout, { failures: ERASE_AFTER_FAILURES - 1, lockedUntil: null });
}

describe('a device that erased its key after too many wrong PINs', () => {
  it('says so, asks for an online sign-in, and after a new PIN the sealed records open again', { timeout: 60_000 }, async () => {
    const user = userEvent.setup();
    await escrowedDeviceOneTryFromErase();
    renderApp('/', { unlocked: false });

    await user.type(await screen.findByLabelText('PIN or passphrase'), '000000');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Doorstep' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(/Doorstep erased the key that opens the records on this device/)).toBeInTheDocument();
    expect(await metaStore.get(storeKeys.vault)).toBeNull();

    await user.type(screen.getByLabelText('Email address'), 'alex@example.test');
    await user.type(screen.getByLabelText('Password'), 'a-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Set a new PIN' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('PIN or passphrase'), passphrase);
    await user.type(screen.getByLabelText('Confirm PIN or passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(await getSealedMeta('test.note')).toEqual({ note: 'Tamsin likes her new school' });
    expect(server.calls).toContain(`get-key-escrow:${await metaStore.get(storeKeys.deviceId)}`);
  });
});

describe("the team's passphrase policy", () => {
  it('refuses a PIN at set-up and asks for a passphrase', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    server.team = { ...server.team, devicePinPolicy: 'passphrase' };
    useAccount.setState({ pending: (await server.transport.session()) });
    deviceSession().lock();
    renderApp('/', { unlocked: false });

    expect(await screen.findByText('Your organisation asks for a passphrase on this device, not a PIN.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('PIN or passphrase'), '58201934');
    await user.type(screen.getByLabelText('Confirm PIN or passphrase'), '58201934');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a passphrase of at least 12 characters that is not only numbers');
    expect(await deviceSession().hasPin()).toBe(false);
  });

  it('asks a device with a digits-only PIN to change to a passphrase right after unlocking', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    await unlockTestDevice();
    await metaStore.set('lock.pinKind', 'digits');
    await setSealedMeta(TEAM_KEY, { ...server.team, devicePinPolicy: 'passphrase' });
    renderApp('/', { unlocked: false });

    expect(await screen.findByRole('heading', { level: 1, name: 'Change your PIN to a passphrase' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Current PIN'), TEST_PIN);
    await user.type(screen.getByLabelText('New passphrase'), '12345678901234');
    await user.type(screen.getByLabelText('Confirm new passphrase'), '12345678901234');
    await user.click(screen.getByRole('button', { name: 'Change to passphrase' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a passphrase of at least 12 characters that is not only numbers');

    await user.clear(screen.getByLabelText('New passphrase'));
    await user.clear(screen.getByLabelText('Confirm new passphrase'));
    await user.type(screen.getByLabelText('New passphrase'), passphrase);
    await user.type(screen.getByLabelText('Confirm new passphrase'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Change to passphrase' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' }, { timeout: 15_000 })).toBeInTheDocument();
    deviceSession().lock();
    expect(await deviceSession().unlock(passphrase)).toEqual({ ok: true });
  });
});
