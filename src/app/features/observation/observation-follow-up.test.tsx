import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyObservationForm, type ObservationForm } from '../../../shared/model/observation-form';
import { getRecord, listDrafts, saveRecord, setSealedMeta, type ObservationBody } from '../../device/db';
import { pushChanges, useAccount, type Account } from '../../device/sync';
import { TEAM_KEY, type StoredTeam } from '../../device/sync/team';
import { COLLEAGUE, FakeServer, MANAGER, ME } from '../../device/sync/testing/fake-server';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { renderForm } from '../../testing/render-form';

const OBSERVER = '0190a000-0000-7000-8000-000000000009';
const observer: Account = {
  user: { id: OBSERVER, name: 'Olu Brennan', email: 'olu@example.test', role: 'observer', teamId: null, lineManagerId: null },
  expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
};
const team: StoredTeam = {
  members: [
    { id: ME, name: 'Alex Rowntree', role: 'practitioner', lineManagerId: MANAGER, startedAt: null },
    { id: COLLEAGUE, name: 'Jess Colleague', role: 'practitioner', lineManagerId: MANAGER, startedAt: null },
    { id: MANAGER, name: 'Morgan Ashby', role: 'manager', lineManagerId: null, startedAt: null },
    { id: OBSERVER, name: 'Olu Brennan', role: 'observer', lineManagerId: null, startedAt: null },
  ],
};

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  useAccount.setState({ account: undefined, pending: null });
});
afterEach(() => useAccount.setState({ account: undefined, pending: null }));

async function onTheDevice(account: Account, members: StoredTeam['members']) {
  await setSealedMeta<StoredTeam>(TEAM_KEY, { members });
  useAccount.setState({ account });
}

describe('choosing the practitioner observed from the team', () => {
  it("offers the team's practitioners (not the observer or the manager) and fills the practitioner from the choice", async () => {
    await onTheDevice(observer, team.members);
    const user = userEvent.setup();
    renderForm('/observations/new');

    const select = await screen.findByRole('combobox', { name: 'Practitioner observed' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Choose a practitioner',
      'Alex Rowntree',
      'Jess Colleague',
      'Someone not listed',
    ]);
    expect(screen.queryByLabelText('Name of practitioner observed')).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Practitioner's staff ID")).not.toBeInTheDocument();

    await user.selectOptions(select, 'Jess Colleague');
    await waitFor(async () => {
      const [draft] = await listDrafts();
      expect(draft?.body).toMatchObject({ practitionerName: 'Jess Colleague', practitionerId: COLLEAGUE });
    });
    expect(select).toHaveValue(COLLEAGUE);
  });

  it('asks for a choice, linking to the select', async () => {
    await onTheDevice(observer, team.members);
    const user = userEvent.setup();
    renderForm('/observations/new');
    await user.click(await screen.findByRole('button', { name: 'Continue' }));

    const summary = screen.getByRole('heading', { name: 'There is a problem' }).closest('.govuk-error-summary') as HTMLElement;
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Select the practitioner you observed',
      'Enter the date of the observation',
      'Select what you observed',
    ]);
    await user.click(within(summary).getByRole('link', { name: 'Select the practitioner you observed' }));
    const select = screen.getByRole('combobox', { name: 'Practitioner observed' });
    expect(select).toHaveFocus();
    expect(select).toHaveAccessibleDescription(/Error: Select the practitioner you observed/);
  });

  it('shows the name and staff ID fields for someone not listed', async () => {
    await onTheDevice(observer, team.members);
    const user = userEvent.setup();
    renderForm('/observations/new');
    const select = await screen.findByRole('combobox', { name: 'Practitioner observed' });
    await user.selectOptions(select, 'Jess Colleague');
    await user.selectOptions(select, 'Someone not listed');

    expect(screen.getByLabelText('Name of practitioner observed')).toHaveValue('');
    await user.type(screen.getByLabelText('Name of practitioner observed'), 'Sam Agency');
    await user.type(screen.getByLabelText("Practitioner's staff ID"), 'a-77');
    expect(select).toHaveValue('not-listed');
    await waitFor(async () => {
      const [draft] = await listDrafts();
      expect(draft?.body).toMatchObject({ practitionerName: 'Sam Agency', practitionerId: 'a-77' });
    });
  });

  it('keeps the free-text fields when the team has no other practitioner (the practitioner signed in themselves)', async () => {
    const practitioner: Account = { ...observer, user: { ...observer.user, id: ME, name: 'Alex Rowntree', role: 'practitioner' } };
    await onTheDevice(practitioner, team.members.filter((m) => m.id !== COLLEAGUE));
    renderForm('/observations/new');
    expect(await screen.findByLabelText('Name of practitioner observed')).toBeInTheDocument();
    expect(screen.getByLabelText("Practitioner's staff ID")).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Practitioner observed' })).not.toBeInTheDocument();
  });

  it("fills in the observer from the signed-in account, and keeps what an observer has written", async () => {
    await onTheDevice(observer, team.members);
    const user = userEvent.setup();
    renderForm('/observations/new');
    expect(await screen.findByLabelText('Your name (observer)')).toHaveValue('Olu Brennan');
    expect(screen.getByLabelText('Your staff ID')).toHaveValue(OBSERVER);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Practitioner observed' }), 'Alex Rowntree');
    await waitFor(async () => {
      const [draft] = await listDrafts();
      expect(draft?.body).toMatchObject({ observerName: 'Olu Brennan', observerId: OBSERVER });
    });

    await user.clear(screen.getByLabelText('Your name (observer)'));
    await user.type(screen.getByLabelText('Your name (observer)'), 'Olu B');
    expect(screen.getByLabelText('Your name (observer)')).toHaveValue('Olu B');
  });

  it('leaves the observer empty on a device with no account', async () => {
    await setSealedMeta<StoredTeam>(TEAM_KEY, team);
    renderForm('/observations/new');
    expect(await screen.findByLabelText('Your name (observer)')).toHaveValue('');
    expect(screen.getByLabelText('Your staff ID')).toHaveValue('');
  });
});

/** Every step filled in for Jess, chosen from the team; the observer is on "Copies and notifications". */
function atCopies(): ObservationForm {
  return {
    ...emptyObservationForm(),
    step: 7,
    practitionerName: 'Jess Colleague',
    practitionerId: COLLEAGUE,
    observerName: 'Olu Brennan',
    observerId: OBSERVER,
    observedOn: { day: '3', month: '11', year: '2025' },
    nature: 'home-visit',
    focus: 'Seeing the child alone',
    purposeExplained: 'yes',
    permissionObtained: 'yes',
    powerAndEqualities: 'Sat apart',
    record: 'Warm, clear conversation',
    strengths: 'Calm',
    areasForDevelopment: 'Endings',
    practitionerReflection: 'Rushed the end',
    conclusions: 'Plan endings',
    knowledgeAndSkills: ['kss-1'],
  };
}

const COPIES = [
  'A copy has been sent to the practitioner',
  'A copy has been sent to their line manager',
  'The QA lead or principal social worker has been notified',
];

/** Opens the saved observation at "Copies and notifications", ticks `ticked` and completes it. */
async function completeWith(ticked: string[]) {
  await onTheDevice(observer, team.members);
  await saveRecord({ id: 'obs-1', type: 'observation', status: 'draft', body: atCopies() });
  const user = userEvent.setup();
  const form = renderForm('/observations/obs-1');
  expect(await screen.findByRole('heading', { level: 1, name: 'Copies and notifications' })).toBeInTheDocument();
  expect(screen.getByLabelText(COPIES[0]!)).toHaveAccessibleDescription('They will see it in Doorstep once you complete the observation and this device syncs.');
  for (const label of ticked) await user.click(screen.getByLabelText(label));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(await screen.findByRole('button', { name: 'Complete observation' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Observation complete' })).toBeInTheDocument();
  form.unmount();
  useAccount.setState({ account: undefined }); // the caseload below runs no sync engine
}

/** The warnings under the caseload's "Practice observation" heading. */
async function practiceObservationSection(): Promise<HTMLElement> {
  renderApp('/');
  const heading = await screen.findByRole('heading', { name: 'Practice observation' });
  return heading.nextElementSibling as HTMLElement;
}

describe('completing an observation: copies and the follow-up reminder', () => {
  it('with all three done, sends the copy to the practitioner chosen and gives no follow-up warning', async () => {
    await completeWith(COPIES);

    const server = new FakeServer();
    await pushChanges({ transport: server.transport });
    expect(server.pushed).toHaveLength(1);
    expect(server.pushed[0]!.record).toMatchObject({ status: 'submitted', observedPractitionerId: COLLEAGUE });
    expect((await getRecord<ObservationBody>('obs-1'))?.body.observation).toMatchObject({ observedPractitionerId: COLLEAGUE, qaLeadNotified: true });

    const section = await practiceObservationSection();
    expect(section).toHaveTextContent('No practice observation due.');
    expect(section).not.toHaveTextContent(/follow-up/);
  });

  it('with the QA lead not notified, still sends the copy and reminds the observer', async () => {
    await completeWith(COPIES.slice(0, 2));

    const server = new FakeServer();
    await pushChanges({ transport: server.transport });
    expect(server.pushed[0]!.record.observedPractitionerId).toBe(COLLEAGUE);

    const section = await practiceObservationSection();
    expect(section).toHaveTextContent(/Practice observation follow-up: for .*notify the QA lead \/ principal social worker$/);
    expect(section).not.toHaveTextContent(/send a copy/);
  });

  it('with no copy sent, names no one to the server and reminds the observer to send both', async () => {
    await completeWith(COPIES.slice(2));

    const server = new FakeServer();
    await pushChanges({ transport: server.transport });
    expect(server.pushed[0]!.record).not.toHaveProperty('observedPractitionerId');

    const section = await practiceObservationSection();
    expect(section).toHaveTextContent(/send a copy to the practitioner, send a copy to their line manager$/);
  });
});
