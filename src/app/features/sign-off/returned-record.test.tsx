import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, getRecord } from '../../device/db';
import { runSync, setAppTransport } from '../../device/sync';
import { FakeServer } from '../../device/sync/testing/fake-server';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { childOnDevice, finishedVisit, offlineTransport, onServerAndDevice, PRACTITIONER_SESSION, reviewBy, signedInAs } from '../../testing/sign-off-test-data';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
  setAppTransport(offlineTransport);
  await signedInAs(PRACTITIONER_SESSION);
  await childOnDevice('c1', 'Tamsin Ellery');
});
afterEach(() => setAppTransport(null));

const visit = finishedVisit('v1', { childIds: ['c1'], occurredAt: '2026-03-02T10:00:00.000Z', completedAt: '2026-03-03T16:00:00.000Z' });

async function returnedVisit() {
  await onServerAndDevice(server, { id: 'v1', type: 'visit', status: 'returned', body: visit, review: await reviewBy('returned', visit, 1, 'Say who else was in the house') });
}

describe('a record the manager returned', () => {
  it("opens for editing with the manager's comment at the top, and is sent for sign-off again", async () => {
    const user = userEvent.setup();
    await returnedVisit();
    renderApp('/visits/v1');

    const banner = await screen.findByRole('region', { name: 'Returned for changes' }, { timeout: 5_000 });
    expect(within(banner).getByText('Returned by Morgan Ashby: Say who else was in the house')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Check and finish' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Finish and record' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit recorded' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Returned for changes' })).not.toBeInTheDocument());
    expect((await getRecord('v1'))?.status).toBe('submitted');
    expect(await db.outbox.where('recordId').equals('v1').toArray()).toMatchObject([{ baseRev: 1 }]);

    await runSync({ transport: server.transport });
    expect(server.records.get('v1')).toMatchObject({ status: 'submitted', rev: 2 });
  });

  it('is listed with the comment among the drafts', async () => {
    await returnedVisit();
    renderApp('/drafts');
    expect(await screen.findByText('Returned by Morgan Ashby: Say who else was in the house', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Continue/ })).toHaveAttribute('href', '/visits/v1');
  });
});
