import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyObservationForm, type ObservationForm } from '../../../shared/model/observation-form';
import { setSealedMeta } from '../../device/db';
import { ACCOUNT_KEY, appScheduler, pullChanges, setAppTransport, useAccount, type Account } from '../../device/sync';
import { refreshTeam } from '../../device/sync/team';
import { COLLEAGUE, DEMO_SESSION, FakeServer, ME } from '../../device/sync/testing/fake-server';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { toObservationBody } from '../../../shared/model/observation-body.ts';

const DAY = 86_400_000;
const OBSERVER = '0190a000-0000-7000-8000-000000000009';

/** A completed observation as the observer's device pushes it (the form plus the rules' record). */
function observationOf(id: string, practitionerId: string, practitionerName: string, change: Partial<ObservationForm> = {}) {
  const form: ObservationForm = {
    ...emptyObservationForm(),
    step: 8,
    practitionerName,
    practitionerId,
    observerName: 'Olu Brennan',
    observerId: OBSERVER,
    observedOn: { day: '3', month: '11', year: '2025' },
    nature: 'home-visit',
    record: 'Warm, clear conversation with mum',
    strengths: 'Calm and respectful',
    completedAt: '2025-11-04T10:00:00.000Z',
    copyToPractitioner: true,
    copyToLineManager: true,
    qaLeadNotified: true,
    ...change,
  };
  return toObservationBody(form, id) as unknown as Record<string, unknown>;
}

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
  setAppTransport(server.transport);
  useAccount.setState({ account: undefined, pending: null });
});
// The app's sync engine runs while the account's session is current: let a round in flight end.
afterEach(async () => {
  cleanup();
  await waitFor(() => expect(appScheduler().running).toBe(false));
  setAppTransport(null);
  useAccount.setState({ account: undefined, pending: null });
});

async function signIn(account: Account) {
  await setSealedMeta(ACCOUNT_KEY, account);
  useAccount.setState({ account });
}

describe("the practitioner observed sees the observer's copy", () => {
  it('lists observations of their practice on the caseload, and opens one read only', async () => {
    server.write('obs-me', 'observation', 'submitted', observationOf('obs-me', ME, 'Alex Rowntree'), OBSERVER);
    server.write('obs-jess', 'observation', 'submitted', observationOf('obs-jess', COLLEAGUE, 'Jess Colleague'), OBSERVER);
    await pullChanges({ transport: server.transport });
    await signIn(DEMO_SESSION);
    const user = userEvent.setup();
    renderApp('/');

    const list = await screen.findByRole('list', { name: 'Observations of your practice' });
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['Observation of your practice by Olu Brennan on 3 November 2025']);
    await user.click(within(list).getByRole('link'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Observation of your practice' })).toBeInTheDocument();
    expect(screen.getByText(/^Observed by Olu Brennan on 3 November 2025\. Completed 4 November 2025 at 10:00am\.$/)).toBeInTheDocument();
    expect(screen.getByText('Only Olu Brennan can change this observation.')).toBeInTheDocument();
    expect(screen.getByText('Warm, clear conversation with mum')).toBeInTheDocument();
    expect(screen.getByText('Calm and respectful')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Continue|Complete observation|Change/ })).not.toBeInTheDocument();
  });

  it('opens someone else’s returned observation read only too (only the observer may change it)', async () => {
    server.write('obs-returned', 'observation', 'returned', observationOf('obs-returned', ME, 'Alex Rowntree'), OBSERVER);
    await pullChanges({ transport: server.transport });
    await signIn(DEMO_SESSION);
    renderApp('/observations/obs-returned');

    expect(await screen.findByRole('heading', { level: 1, name: 'Observation of your practice' })).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Continue' })).not.toBeInTheDocument();
  });

  it('keeps the form editable for an observation this account wrote, pulled back from the server', async () => {
    const draft = observationOf('obs-own', COLLEAGUE, 'Jess Colleague', { step: 1, completedAt: null });
    server.write('obs-own', 'observation', 'draft', draft, ME);
    await pullChanges({ transport: server.transport });
    await signIn(DEMO_SESSION);
    renderApp('/observations/obs-own');

    expect(await screen.findByRole('heading', { level: 1, name: 'About the observation' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
  });

  it('lists nothing when no observation on the device is about them', async () => {
    server.write('obs-jess', 'observation', 'submitted', observationOf('obs-jess', COLLEAGUE, 'Jess Colleague'), OBSERVER);
    await pullChanges({ transport: server.transport });
    await signIn(DEMO_SESSION);
    renderApp('/');
    await screen.findByRole('heading', { name: 'Practice observation' });
    expect(screen.queryByRole('list', { name: 'Observations of your practice' })).not.toBeInTheDocument();
  });
});

describe("the observed practitioner's manager", () => {
  const manager: Account = {
    user: { id: '0190a000-0000-7000-8000-000000000004', name: 'Morgan Ashby', email: 'morgan@example.test', role: 'manager', teamId: null, lineManagerId: null },
    expiresAt: new Date(Date.now() + 14 * DAY).toISOString(),
  };
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
  const partsOf = (d: Date) => ({ day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) });

  it('sees a pulled observation on the dashboard: it covers the yearly observation, and its follow-up shows until the QA lead is notified', async () => {
    // Jess has been in post 500 days: without an observation hers would be overdue.
    server.team.members = server.team.members.map((m) => (m.id === COLLEAGUE ? { ...m, startedAt: daysAgo(500).toISOString() } : m));
    const body = observationOf('obs-jess', COLLEAGUE, 'Jess Colleague', {
      observedOn: partsOf(daysAgo(10)),
      completedAt: daysAgo(9).toISOString(),
      qaLeadNotified: false,
    });
    server.write('obs-jess', 'observation', 'submitted', body, OBSERVER);
    await pullChanges({ transport: server.transport });
    await signIn(manager);
    await refreshTeam(server.transport);
    renderApp('/dashboard');

    const observations = await screen.findByRole('list', { name: 'Practice observations due or needing follow-up' });
    expect(within(observations).getAllByRole('listitem')).toHaveLength(1);
    expect(observations).toHaveTextContent(/Practice observation follow-up: for Jess Colleague's observation .*notify the QA lead \/ principal social worker/);
    expect(observations).not.toHaveTextContent('Overdue');
  });
});
