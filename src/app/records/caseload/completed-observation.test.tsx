import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCompliance } from '../../../cli/compliance-command.ts';
import { toObservationBody } from '../../../shared/model/observation-body.ts';
import { emptyObservationForm, type ObservationForm } from '../../../shared/model/observation-form';
import { setSealedMeta } from '../../device/db';
import { ACCOUNT_KEY, appScheduler, pullChanges, setAppTransport, useAccount, type Account } from '../../device/sync';
import { refreshTeam } from '../../device/sync/team';
import { DEMO_SESSION, FakeServer, ME } from '../../device/sync/testing/fake-server';
import { holdTheDate } from '../../testing/clock';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';

// Issue 12: the observer completed an observation of Alex on the day, the manager signed it off,
// and the caseload and the dashboard still said "needed a practice observation by Sat 3 Oct".
const OBSERVER = '0190a000-0000-7000-8000-000000000009';
const DAY = 86_400_000;

const manager: Account = {
  user: { id: '0190a000-0000-7000-8000-000000000004', name: 'Morgan Ashby', email: 'morgan@example.test', role: 'manager', teamId: null, lineManagerId: null },
  expiresAt: new Date(Date.now() + 14 * DAY).toISOString(), // from the real clock: current on the held dates too
};

const ravi = {
  id: 'child-ravi',
  name: 'Ravi Hollingsworth',
  dateOfBirth: '2016-05-01',
  involvements: [{ id: 'inv-ravi', type: 'child-in-need' as const, start: '2026-11-20T10:00:00Z' }],
};

/** The observation as the observer's device pushed it: the form plus the rules' record. */
function completedObservation(completedAt: string): Record<string, unknown> {
  const form: ObservationForm = {
    ...emptyObservationForm(),
    step: 8,
    practitionerName: 'Alex Rowntree',
    practitionerId: ME,
    observerName: 'Olu Brennan',
    observerId: OBSERVER,
    observedOn: { day: '3', month: '12', year: '2026' },
    nature: 'home-visit',
    record: 'Warm, clear conversation with mum',
    strengths: 'Calm and respectful',
    completedAt,
    copyToPractitioner: true,
    copyToLineManager: true,
    qaLeadNotified: true,
  };
  return toObservationBody(form, 'obs-alex') as unknown as Record<string, unknown>;
}

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
  setAppTransport(server.transport);
  useAccount.setState({ account: undefined, pending: null });
});
afterEach(async () => {
  cleanup();
  await waitFor(() => expect(appScheduler().running).toBe(false));
  setAppTransport(null);
  useAccount.setState({ account: undefined, pending: null });
  vi.restoreAllMocks();
});

/**
 * Alex started in post on 3 Oct 2025, so an observation was due by 3 Oct 2026; Olu observed
 * Alex on 3 Dec 2026 and completed it at `completedAt`, and Morgan signed it off; the device
 * then pulls it, as it would on the held date `now` (3 Dec 2026).
 */
async function observedAndSignedOff(now: string, completedAt: string, account: Account) {
  holdTheDate(now);
  server.team.members = server.team.members.map((m) => (m.id === ME ? { ...m, startedAt: '2025-10-03T09:00:00.000Z' } : m));
  // A child on Alex's caseload, so the dashboard has figures to show and a caseload to export.
  server.write('child-ravi', 'child', 'submitted', ravi, ME);
  server.write('obs-alex', 'observation', 'submitted', completedObservation(completedAt), OBSERVER);
  server.write('obs-alex', 'observation', 'signed-off', completedObservation(completedAt), '0190a000-0000-7000-8000-000000000004');
  await pullChanges({ transport: server.transport });
  await setSealedMeta(ACCOUNT_KEY, account);
  useAccount.setState({ account });
  await refreshTeam(server.transport);
}

/** Captures Blob downloads instead of letting jsdom try to navigate. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

// The form records the day observed only; the observer may complete it in the morning of that day.
const TIMES = [
  { when: 'in the morning, completed at once', now: '2026-12-03T09:40:00Z', completedAt: '2026-12-03T09:30:00.000Z' },
  { when: 'in the evening', now: '2026-12-03T19:30:00Z', completedAt: '2026-12-03T16:00:00.000Z' },
];

describe.each(TIMES)('an observation completed and signed off on the day it was made ($when)', ({ now, completedAt }) => {
  it("clears the practitioner's own “Practice observation due” on the caseload", async () => {
    await observedAndSignedOff(now, completedAt, DEMO_SESSION);
    renderApp('/');

    const mine = await screen.findByRole('list', { name: 'Observations of your practice' });
    expect(mine).toHaveTextContent('Observation of your practice by Olu Brennan on 3 December 2026');
    expect(screen.getByText('No practice observation due.')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/needed a practice observation/);
  });

  it('clears it on the dashboard, and the compliance command agrees on the exported caseload', async () => {
    const user = userEvent.setup();
    await observedAndSignedOff(now, completedAt, manager);
    const files = captureDownloads();
    renderApp('/dashboard');

    expect(await screen.findByText('No practice observation is due or needs following up.')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/needed a practice observation/);

    await user.click(await screen.findByRole('button', { name: 'Export caseload' }));
    const json = await files[0]!.blob.text();
    const exported = JSON.parse(json) as { practitioners: { id: string }[]; observations: { id: string }[] };
    // The command judges the same practitioner and observation the page did.
    expect(exported.practitioners.map((p) => p.id)).toEqual([ME]);
    expect(exported.observations.map((o) => o.id)).toEqual(['obs-alex']);
    const command = runCompliance(['caseload.json'], () => json);
    expect(command.code).toBe(0);
    const report = JSON.parse(command.stdout) as { warnings: { code: string }[] };
    expect(report.warnings.filter((w) => w.code.startsWith('OBSERVATION_'))).toEqual([]);
  });
});

describe('with no observation of Alex on the device', () => {
  it('says on the dashboard that it was due by Sat 3 Oct', async () => {
    holdTheDate('2026-12-03T19:30:00Z');
    server.team.members = server.team.members.map((m) => (m.id === ME ? { ...m, startedAt: '2025-10-03T09:00:00.000Z' } : m));
    await setSealedMeta(ACCOUNT_KEY, manager);
    useAccount.setState({ account: manager });
    await refreshTeam(server.transport);
    renderApp('/dashboard');

    const list = await screen.findByRole('list', { name: 'Practice observations due or needing follow-up' });
    expect(within(list).getByText(/Alex Rowntree needed a practice observation by Sat 3 Oct/)).toBeInTheDocument();
  });
});
