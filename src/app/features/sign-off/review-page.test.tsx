import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/sync/index.ts';
import { db, getRecord } from '../../device/db';
import { runSync, setAppTransport } from '../../device/sync';
import { FakeServer } from '../../device/sync/testing/fake-server';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { childOnDevice, finishedVisit, offlineTransport, onServerAndDevice, PRACTITIONER_SESSION, signedInAs } from '../../testing/sign-off-test-data';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
  setAppTransport(offlineTransport);
  await signedInAs();
  await childOnDevice('c1', 'Tamsin Ellery');
});
afterEach(() => setAppTransport(null));

const visit = finishedVisit('v1', {
  childIds: ['c1'],
  occurredAt: '2026-03-02T10:00:00.000Z',
  completedAt: '2026-03-03T16:00:00.000Z',
  whatHappened: 'Tamsin showed me her drawings',
});

async function openForSignOff() {
  await onServerAndDevice(server, { id: 'v1', type: 'visit', status: 'submitted', body: visit });
  renderApp('/sign-off/v1');
  await screen.findByRole('heading', { level: 1, name: 'Visit' }, { timeout: 5_000 });
}

describe('signing off a record', () => {
  it('shows the whole visit, then signs off that exact version on the device, offline, through the outbox', async () => {
    const user = userEvent.setup();
    await openForSignOff();
    expect(screen.getByText('Tamsin showed me her drawings')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Tamsin Ellery' })).toBeInTheDocument();
    expect(screen.getByText('Home visit')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Change/ })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Management comment'), 'Clear analysis');
    await user.click(screen.getByRole('button', { name: 'Sign off' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Visit signed off' });
    // Focus moves as the page appears; wait for it rather than racing React's commit.
    await waitFor(() => expect(heading).toHaveFocus());
    const saved = (await getRecord('v1'))!;
    expect(saved.status).toBe('signed-off');
    expect(saved.body).toEqual(visit);
    expect(saved.review).toMatchObject({ action: 'signed-off', rev: 2, byName: 'Morgan Ashby', comment: 'Clear analysis', contentSha256: await contentHash(visit) });
    expect(await db.outbox.where('recordId').equals('v1').toArray()).toMatchObject([{ baseRev: 1 }]);

    await runSync({ transport: server.transport });
    expect(server.records.get('v1')).toMatchObject({ status: 'signed-off', rev: 2, review: { action: 'signed-off', comment: 'Clear analysis' } });
  });

  it('asks for a comment before returning a record, then returns it with the comment', async () => {
    const user = userEvent.setup();
    await openForSignOff();

    await user.click(screen.getByRole('button', { name: 'Return with comments' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter a management comment to say what needs to change' })).toHaveAttribute('href', '#management-comment');
    expect(screen.getByLabelText('Management comment')).toHaveAccessibleDescription(expect.stringContaining('Enter a management comment'));
    expect((await getRecord('v1'))?.status).toBe('submitted');
    expect(await db.outbox.where('recordId').equals('v1').count()).toBe(0);

    await user.click(screen.getByLabelText('Management comment'));
    await user.paste('x'.repeat(5001));
    await user.click(screen.getByRole('button', { name: 'Return with comments' }));
    expect(await screen.findByRole('link', { name: 'Management comment must be 5,000 characters or fewer' })).toBeInTheDocument();
    expect(await db.outbox.where('recordId').equals('v1').count()).toBe(0);

    await user.clear(screen.getByLabelText('Management comment'));
    await user.type(screen.getByLabelText('Management comment'), 'Say who else was in the house');
    await user.click(screen.getByRole('button', { name: 'Return with comments' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Visit returned' })).toBeInTheDocument();
    expect(await getRecord('v1')).toMatchObject({ status: 'returned', review: { action: 'returned', comment: 'Say who else was in the house' } });
    expect(await db.outbox.where('recordId').equals('v1').count()).toBe(1);
  });

  it('tells the manager when the record changed after they opened it, and shows the new version when asked', async () => {
    const user = userEvent.setup();
    await openForSignOff();
    server.write('v1', 'visit', 'submitted', { ...visit, note: { ...visit.note, whatHappened: 'Tamsin showed me her drawings and her new bike' } });

    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    await screen.findByRole('heading', { level: 1, name: 'Visit signed off' });
    await runSync({ transport: server.transport });

    expect(await screen.findByText('This record changed after you opened it')).toBeInTheDocument();
    expect(screen.getByText(/Your decision was not saved/)).toBeInTheDocument();
    expect(server.records.get('v1')?.status).toBe('submitted');
    expect(await getRecord('v1')).toMatchObject({ status: 'submitted', rev: 2, review: null });

    await user.click(screen.getByRole('button', { name: 'Read the latest version' }));
    expect(await screen.findByText('Tamsin showed me her drawings and her new bike')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    await screen.findByRole('heading', { level: 1, name: 'Visit signed off' });
    await runSync({ transport: server.transport });
    await waitFor(async () => expect(await getRecord('v1')).toMatchObject({ status: 'signed-off', rev: 3 }));
  });

  it('is for managers only', async () => {
    await signedInAs(PRACTITIONER_SESSION);
    await onServerAndDevice(server, { id: 'v1', type: 'visit', status: 'submitted', body: visit });
    renderApp('/sign-off/v1');
    expect(await screen.findByText('Only a team manager can sign off records.', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign off' })).not.toBeInTheDocument();
  });
});
