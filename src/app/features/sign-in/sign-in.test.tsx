import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, getSealedMeta, saveRecord, setSealedMeta } from '../../device/db';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { newTestDevice, unlockTestDevice } from '../../testing/unlock-test-device';
import { ACCOUNT_KEY, OfflineError, setAppTransport, useAccount, useSyncState, type Account } from '../../device/sync';
import { initialSyncState } from '../../device/sync/state';
import { DEMO_SESSION, FakeServer } from '../../device/sync/testing/fake-server';
import { emptyVisitNote } from '../../../shared/model/visit-note.ts';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  server = new FakeServer();
  setAppTransport(server.transport);
  useSyncState.setState({ ...initialSyncState }, true);
  useAccount.setState({ account: undefined, pending: null });
});
afterEach(() => setAppTransport(null));

describe('signing in on first run', () => {
  it('asks to sign in before the PIN set-up, then keeps the account sealed on the device', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    newTestDevice();
    useAccount.setState({ pending: null });
    renderApp('/', { unlocked: false });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Doorstep' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Service navigation' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter your email address' })).toHaveAttribute('href', '#email');
    expect(within(summary).getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password');

    await user.type(screen.getByLabelText('Email address'), 'alex@example.test');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Set up a PIN' });
    // Focus moves as the page appears; wait for it rather than racing React's commit.
    await waitFor(() => expect(heading).toHaveFocus());
    await user.type(screen.getByLabelText('PIN or passphrase'), '135792');
    await user.type(screen.getByLabelText('Confirm PIN or passphrase'), '135792');
    await user.click(screen.getByRole('button', { name: 'Set PIN' }));

    await waitFor(async () => expect((await getSealedMeta<Account>(ACCOUNT_KEY))?.user.id).toBe(DEMO_SESSION.user.id));
    const stored = await db.meta.get(ACCOUNT_KEY);
    expect(JSON.stringify(stored)).not.toContain('Alex'); // sealed, not plain
  });

  it('says plainly that the first sign-in needs the network', async () => {
    const user = userEvent.setup();
    newTestDevice();
    useAccount.setState({ pending: null });
    server.failures.push(new OfflineError());
    renderApp('/', { unlocked: false });
    await user.type(await screen.findByLabelText('Email address', {}, { timeout: 5_000 }), 'alex@example.test');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You need to be online to sign in for the first time on this device');
    expect(screen.queryByRole('heading', { name: 'Set up a PIN' })).not.toBeInTheDocument();
  });

  it('says when the email address or password is wrong', async () => {
    const user = userEvent.setup();
    newTestDevice();
    useAccount.setState({ pending: null });
    server.signedIn = false;
    renderApp('/', { unlocked: false });
    await user.type(await screen.findByLabelText('Email address', {}, { timeout: 5_000 }), 'alex@example.test');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email address or password is not correct');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });
});

describe('when the session ends', () => {
  it('asks to sign in again, keeps every unsynced change, and syncs after signing in', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    await unlockTestDevice();
    await setSealedMeta(ACCOUNT_KEY, DEMO_SESSION);
    await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: emptyVisitNote('v1') });
    const before = await db.outbox.toArray();
    server.signedIn = false;

    renderApp('/');
    expect(await screen.findByText('Your session has ended. Sign in again to sync — your work on this device is safe')).toBeInTheDocument();
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual(before.map((e) => e.mutationId));
    expect(server.records.size).toBe(0);

    await user.click(screen.getByRole('link', { name: 'Sign in again' }));
    server.signedIn = true;
    await user.type(await screen.findByLabelText('Email address', {}, { timeout: 5_000 }), 'alex@example.test');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sync' }, { timeout: 5_000 })).toBeInTheDocument();
    await waitFor(() => expect(server.records.get('v1')?.rev).toBe(1));
    expect(screen.queryByText(/Your session has ended/)).not.toBeInTheDocument();
  });

  it('refuses a different person on a device set up for someone else', async () => {
    const user = userEvent.setup();
    await unlockTestDevice();
    await setSealedMeta(ACCOUNT_KEY, { ...DEMO_SESSION, user: { ...DEMO_SESSION.user, id: '0190a000-0000-7000-8000-0000000000ff', name: 'Sam Other' } });
    renderApp('/sign-in');
    await user.type(await screen.findByLabelText('Email address', {}, { timeout: 5_000 }), 'alex@example.test');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This device is set up for Sam Other. Sign in with that account');
    expect(server.calls).toContain('sign-out');
  });
});
