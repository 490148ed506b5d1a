import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, getRecord, listRecords } from '../../device/db';
import { setAppTransport } from '../../device/sync';
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

const visit = finishedVisit('v1', { childIds: ['c1'], occurredAt: '2026-03-02T10:00:00.000Z', completedAt: '2026-03-03T16:00:00.000Z', whatHappened: 'Tamsin showed me her drawings' });

async function signedOffVisit() {
  await onServerAndDevice(server, { id: 'v1', type: 'visit', status: 'signed-off', body: visit, review: await reviewBy('signed-off', visit, 1, 'Thorough note') });
}

describe('a signed-off record', () => {
  it('opens read only, saying who signed it off and when', async () => {
    await signedOffVisit();
    renderApp('/visits/v1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByText('Signed off by Morgan Ashby on 5 March 2026 at 2:05pm')).toBeInTheDocument();
    expect(screen.getByText('Management comment: Thorough note')).toBeInTheDocument();
    expect(screen.getByText('Tamsin showed me her drawings')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Finish and record|Continue/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Change/ })).not.toBeInTheDocument();
  });

  it('shows signed-off direct work read only too', async () => {
    const body = {
      childId: 'c1', childName: '', date: { day: '5', month: '3', year: '2026' }, tools: ['three-houses'], toolsOther: '',
      childsWords: 'My house has three doors', analysis: 'Feels safe', photos: [], completedAt: '2026-03-05T12:00:00.000Z', childIds: ['c1'],
    };
    await onServerAndDevice(server, { id: 'dw1', type: 'direct-work', status: 'signed-off', body, review: await reviewBy('signed-off', body, 1, null) });
    renderApp('/direct-work/dw1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Direct work' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByText('My house has three doors')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  });

  it('takes an addendum, which is submitted for sign-off and listed under the record', async () => {
    const user = userEvent.setup();
    await signedOffVisit();
    renderApp('/visits/v1');
    expect(await screen.findByText('No addenda have been written to this record.', {}, { timeout: 5_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Write an addendum' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Write an addendum' })).toBeInTheDocument();
    expect(screen.getByText(/Addendum to the visit record: Tamsin Ellery, 2 March 2026 at 10:00am/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit addendum' }));
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'Enter the addendum' })).toHaveAttribute('href', '#addendum');

    await user.type(screen.getByLabelText('Addendum'), 'Her brother Sol was there for the first half hour.');
    await user.click(screen.getByRole('button', { name: 'Submit addendum' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Addendum submitted' })).toBeInTheDocument();

    const [addendum] = await listRecords('addendum');
    expect(addendum).toMatchObject({ status: 'submitted', body: { parentId: 'v1', text: 'Her brother Sol was there for the first half hour.' } });
    expect(await db.outbox.where('recordId').equals(addendum!.id).count()).toBe(1);
    expect((await getRecord('v1'))?.status).toBe('signed-off');

    await user.click(screen.getByRole('link', { name: 'Read the visit record' }));
    const addenda = await screen.findByRole('region', { name: 'Addenda' });
    expect(await within(addenda).findByText('Her brother Sol was there for the first half hour.')).toBeInTheDocument();
    expect(within(addenda).getByText('Waiting for sign-off')).toBeInTheDocument();
  });
});
