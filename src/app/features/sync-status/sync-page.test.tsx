import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveRecord, setSealedMeta } from '../../device/db';
import { holdTheDate } from '../../testing/clock';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { ACCOUNT_KEY, setAppTransport, useAccount, useSyncState } from '../../device/sync';
import { initialSyncState } from '../../device/sync/state';
import { DEMO_SESSION, FakeServer } from '../../device/sync/testing/fake-server';
import { emptyVisitNote } from '../../../shared/model/visit-note.ts';

// Mid-morning, far from midnight: "Last synced" gives the time alone for a sync today and the date
// too for one on another day, so a sync just before midnight, read back just after it, would differ.
const NOW = '2026-03-10T10:00:00.000Z';

let server: FakeServer;
beforeEach(async () => {
  holdTheDate(NOW);
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
  setAppTransport(server.transport);
  useSyncState.setState({ ...initialSyncState }, true);
  useAccount.setState({ account: undefined, pending: null });
});
afterEach(() => setAppTransport(null));

const draft = (id: string) => ({ id, type: 'visit' as const, status: 'draft' as const, body: emptyVisitNote(id) });

describe('the sync page', () => {
  it('shows what is waiting, and "Sync now" sends it and says when', async () => {
    const user = userEvent.setup();
    await saveRecord(draft('v1'));
    renderApp('/sync');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sync' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByText('Not synced yet on this device')).toBeInTheDocument();
    expect(await screen.findByText('On this device only')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Waiting to sync' })).toBeInTheDocument();

    await setSealedMeta(ACCOUNT_KEY, DEMO_SESSION);
    useAccount.setState({ account: DEMO_SESSION });
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(server.records.get('v1')?.rev).toBe(1));
    await waitFor(() => expect(useSyncState.getState().lastSuccessAt).toBe(NOW));
    expect(await screen.findByText('Last synced 10:00')).toBeInTheDocument();
    expect(await screen.findByText('Nothing is waiting. Everything on this device has been sent.')).toBeInTheDocument();
    expect(screen.getByText('Sync finished.')).toHaveAttribute('role', 'status');
  });

  it('shows a labelled progress bar on a long sync', async () => {
    renderApp('/sync');
    // The engine first reads the device's account (none here: "Sign in to sync"); only then
    // play a long sync, or that read would overwrite it.
    await screen.findByText('Sign in to sync the work on this device.', {}, { timeout: 5_000 });
    act(() => useSyncState.setState({ status: 'syncing', startedAt: Date.now() - 5_000, progress: { done: 3, total: 7 } }));
    const bar = await screen.findByRole('progressbar', { name: 'Syncing: 3 of 7' });
    expect(bar).toHaveAttribute('value', '3');
    expect(bar).toHaveAttribute('max', '7');
  });

  it("shows a record the server rejected with the server's reason, and that it is kept", async () => {
    await saveRecord(draft('v1'));
    server.rejectRecord.add('v1');
    await setSealedMeta(ACCOUNT_KEY, DEMO_SESSION);
    useAccount.setState({ account: DEMO_SESSION });
    renderApp('/sync');
    await waitFor(() => expect(server.pushed).toHaveLength(1), { timeout: 5_000 });
    expect(await screen.findByText('Rejected')).toBeInTheDocument();
    expect(
      await screen.findByText('The server did not accept it: The visit record does not match its schema. It is kept on this device.'),
    ).toBeInTheDocument();
  });

  it('tags each draft with its sync state', async () => {
    await saveRecord(draft('v1'));
    renderApp('/drafts');
    expect(await screen.findByText('On this device only')).toBeInTheDocument();
    expect(screen.getByText('Sync status:', { exact: false })).toHaveClass('govuk-visually-hidden');
  });

  it("never syncs on an admin's device: admins hold no case records", async () => {
    const admin = { ...DEMO_SESSION, user: { ...DEMO_SESSION.user, role: 'admin' as const, teamId: null } };
    await setSealedMeta(ACCOUNT_KEY, admin);
    await saveRecord(draft('v1'));
    renderApp('/sync');
    await screen.findByRole('heading', { level: 1, name: 'Sync' }, { timeout: 5_000 });
    await waitFor(() => expect(useAccount.getState().account?.user.role).toBe('admin'));
    // A practitioner's device starts a sync the moment its account is read, and v1 would go.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.calls).toEqual([]);
    expect(server.records.has('v1')).toBe(false);
  });
});
