import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  await childOnDevice('c1', 'Tamsin Ellery');
  await childOnDevice('c2', 'Kofi Brannigan-Hale');
});
afterEach(() => setAppTransport(null));

// Redcar & Cleveland: home visits are recorded within 5 working days.
const lateVisit = finishedVisit('v-late', { childIds: ['c1'], occurredAt: '2026-03-02T10:00:00.000Z', completedAt: '2026-03-11T09:30:00.000Z' });
const onTimeVisit = finishedVisit('v-on-time', { childIds: ['c2'], occurredAt: '2026-03-09T10:00:00.000Z', completedAt: '2026-03-10T15:00:00.000Z' });
const directWork = {
  childId: 'c2', childName: '', date: { day: '5', month: '3', year: '2026' }, tools: ['three-houses'], toolsOther: '',
  childsWords: 'My house has three doors', analysis: 'Feels safe', photos: [], completedAt: '2026-03-05T12:00:00.000Z',
  childIds: ['c2'],
};

async function teamRecords() {
  await onServerAndDevice(server, { id: 'v-on-time', type: 'visit', status: 'submitted', body: onTimeVisit });
  await onServerAndDevice(server, { id: 'v-late', type: 'visit', status: 'submitted', body: lateVisit });
  await onServerAndDevice(server, { id: 'dw-1', type: 'direct-work', status: 'submitted', body: directWork });
  const signedOff = finishedVisit('v-old', { childIds: ['c1'], occurredAt: '2026-02-02T10:00:00.000Z', completedAt: '2026-02-03T10:00:00.000Z' });
  await onServerAndDevice(server, { id: 'v-old', type: 'visit', status: 'signed-off', body: signedOff, review: await reviewBy('signed-off', signedOff, 1, null) });
  await onServerAndDevice(server, {
    id: 'a-1',
    type: 'addendum',
    status: 'submitted',
    body: { parentId: 'v-old', text: 'Her brother was there too', writtenAt: '2026-03-12T09:00:00.000Z' },
  });
  await onServerAndDevice(server, { id: 'v-draft', type: 'visit', status: 'draft', body: finishedVisit('v-draft', { childIds: ['c1'], occurredAt: '2026-03-01T10:00:00.000Z', completedAt: '2026-03-01T11:00:00.000Z' }) });
}

describe('the sign-off list', () => {
  it("lists the team's records waiting for sign-off, oldest first, each with its recording timeliness", async () => {
    await signedInAs();
    await teamRecords();
    renderApp('/sign-off');

    const table = await screen.findByRole('table', { name: '4 records waiting for sign-off, oldest first' }, { timeout: 5_000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'Direct work: Kofi Brannigan-Hale, 5 March 2026',
      'Visit: Kofi Brannigan-Hale, 9 March 2026 at 10:00am',
      'Visit: Tamsin Ellery, 2 March 2026 at 10:00am',
      'Addendum: to the visit record for Tamsin Ellery, 2 February 2026 at 10:00am',
    ]);
    expect(rows[0]).toHaveTextContent('No recording timescale');
    expect(within(rows[1]!).getByText('On time')).toHaveClass('govuk-tag--green');
    // The year shows only when it is not this year's.
    expect(rows[1]).toHaveTextContent(/Recorded on time: due by Monday 16 March( 2026)?$/);
    expect(within(rows[2]!).getByText('Late')).toHaveClass('govuk-tag--red');
    expect(rows[2]).toHaveTextContent(/Recorded late: due by Monday 9 March( 2026)?, finished 9:30am on Wednesday 11 March( 2026)?$/);
    expect(within(rows[2]!).getByRole('link')).toHaveAttribute('href', '/sign-off/v-late');
  });

  it('tells a practitioner that only a manager signs off', async () => {
    await signedInAs(PRACTITIONER_SESSION);
    await teamRecords();
    renderApp('/sign-off');
    expect(await screen.findByText(/Only a team manager can sign off records/, {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
