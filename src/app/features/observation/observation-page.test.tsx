import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getRecord, saveRecord } from '../../device/db';
import { unlockTestSessionNow } from '../../testing/unlock-test-device';
import { resetDatabase } from '../../testing/reset-database';
import { renderForm } from '../../testing/render-form';
import type { ObservationBody } from '../../device/db';
import { emptyObservationForm, type ObservationForm } from '../../../shared/model/observation-form';
import { checkRecordBody } from '../../../shared/sync/index.ts';

beforeEach(resetDatabase);

/** Presses Tab until `target` has focus: how a keyboard user reaches a field. */
async function tabTo(user: UserEvent, target: HTMLElement) {
  for (let presses = 0; presses < 80 && document.activeElement !== target; presses += 1) await user.tab();
  expect(target).toHaveFocus();
}

async function typeInto(user: UserEvent, label: string, text: string) {
  await tabTo(user, screen.getByLabelText(label));
  await user.keyboard(text);
}

async function tick(user: UserEvent, label: string) {
  await tabTo(user, screen.getByLabelText(label));
  await user.keyboard(' ');
  expect(screen.getByLabelText(label)).toBeChecked();
}

async function continueTo(user: UserEvent, heading: string) {
  await tabTo(user, screen.getByRole('button', { name: /^(Continue|Complete observation)$/ }));
  await user.keyboard('{Enter}');
  const h1 = await screen.findByRole('heading', { level: 1, name: heading });
  await waitFor(() => expect(h1).toHaveFocus());
}

const recordIdIn = (pathname: string) => /^\/observations\/([^/]+)$/.exec(pathname)?.[1];

describe('a practice observation', () => {
  // Some sixty fields and key presses: allow for a busy machine.
  it('can be taken through every step to complete with the keyboard alone', { timeout: 30_000 }, async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderForm('/observations/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'About the observation' })).toBeInTheDocument();

    await typeInto(user, 'Name of practitioner observed', 'Sam Practitioner');
    await typeInto(user, "Practitioner's staff ID", 'p1');
    await typeInto(user, 'Your name (observer)', 'Alex Observer');
    await typeInto(user, 'Your staff ID', 'm1');
    await typeInto(user, 'Day', '3');
    await typeInto(user, 'Month', '11');
    await typeInto(user, 'Year', '2025');
    await tick(user, 'Home visit');
    await continueTo(user, 'Before the observation');

    await typeInto(user, 'Focus agreed with the practitioner beforehand', 'Seeing the child alone');
    const purpose = screen.getByRole('group', { name: /purpose of the observation/ });
    await tabTo(user, within(purpose).getByLabelText('Yes'));
    await user.keyboard(' ');
    const permission = screen.getByRole('group', { name: /permission/ });
    await tabTo(user, within(permission).getByLabelText('Yes'));
    await user.keyboard(' ');
    await typeInto(user, 'How power imbalance and equalities were considered', 'Sat apart, explained my role');
    await continueTo(user, 'Record of observation');

    await typeInto(user, 'Record of observation', 'Warm, clear conversation with mum');
    await continueTo(user, 'Feedback');

    await typeInto(user, 'Strengths identified', 'Calm and respectful');
    await typeInto(user, 'Areas for development identified', 'Summarise agreements at the end');
    await typeInto(user, "The practitioner's own reflection", 'Felt rushed at the end');
    await typeInto(user, 'Conclusions agreed together', 'Good visit; plan the ending');
    await continueTo(user, 'Actions and supervision');

    await typeInto(user, 'Who', 'Sam');
    await typeInto(user, 'What', 'Write up the safety plan');
    await typeInto(user, 'Day', '10');
    await typeInto(user, 'Month', '11');
    await typeInto(user, 'Year', '2025');
    await typeInto(user, 'Points for discussion and reflection at the next supervision', 'Endings');
    await continueTo(user, 'Knowledge and Skills Statements');

    await tick(user, '1. Relationships and effective direct work');
    await tick(user, '2. Communication');
    await continueTo(user, 'Copies and notifications');

    await tick(user, 'A copy has been sent to the practitioner');
    await tick(user, 'A copy has been sent to their line manager');
    await tick(user, 'The QA lead or principal social worker has been notified');
    await continueTo(user, 'Check and complete');

    expect(screen.getByText('Sam Practitioner (staff ID p1)')).toBeInTheDocument();
    await continueTo(user, 'Observation complete');

    const record = await getRecord<ObservationBody & ObservationForm>(recordIdIn(router.state.location.pathname)!);
    expect(record?.status).toBe('submitted');
    expect(checkRecordBody('observation', record?.body, 'submitted')).toEqual({ ok: true });
    expect(record?.body.observation).toEqual({
      id: record?.id,
      observedPractitionerId: 'p1',
      observerId: 'm1',
      observedAt: '2025-11-03T12:00:00Z',
      completedAt: record?.body.completedAt,
      copyToPractitioner: true,
      copyToLineManager: true,
      qaLeadNotified: true,
    });
    expect(record?.body.knowledgeAndSkills).toEqual(['kss-1', 'kss-2']);
    expect(record?.body.actions).toMatchObject([{ who: 'Sam', what: 'Write up the safety plan', byWhen: { day: '10', month: '11', year: '2025' } }]);
  });

  it('says what is missing before moving on, each message linking to its field', async () => {
    const user = userEvent.setup();
    renderForm('/observations/new');
    await user.click(await screen.findByRole('button', { name: 'Continue' }));

    const summary = screen.getByRole('heading', { name: 'There is a problem' }).closest('.govuk-error-summary') as HTMLElement;
    expect(summary).toHaveFocus();
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Enter the name of the practitioner you observed',
      "Enter the practitioner's staff ID",
      'Enter your name',
      'Enter your staff ID',
      'Enter the date of the observation',
      'Select what you observed',
    ]);
    await user.click(within(summary).getByRole('link', { name: 'Select what you observed' }));
    expect(screen.getByLabelText('Home visit')).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Nature of observation' })).toHaveAccessibleDescription(/Error: Select what you observed/);
    expect(screen.getByRole('heading', { level: 1, name: 'About the observation' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('Other'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('link', { name: 'Enter what you observed' }));
    expect(screen.getByLabelText('What did you observe?')).toHaveFocus();
  });

  it('opens again at the step the observer was on, with what they wrote', async () => {
    const user = userEvent.setup();
    const first = renderForm('/observations/new');
    await user.type(await screen.findByLabelText('Name of practitioner observed'), 'Sam Practitioner');
    await user.type(screen.getByLabelText("Practitioner's staff ID"), 'p1');
    await user.type(screen.getByLabelText('Your name (observer)'), 'Alex Observer');
    await user.type(screen.getByLabelText('Your staff ID'), 'm1');
    await user.type(screen.getByLabelText('Day'), '3');
    await user.type(screen.getByLabelText('Month'), '11');
    await user.type(screen.getByLabelText('Year'), '2025');
    await user.click(screen.getByLabelText('Telephone call'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Focus agreed with the practitioner beforehand'), 'Tone on the phone');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Draft saved'), { timeout: 5_000 });
    const path = first.router.state.location.pathname;
    expect(recordIdIn(path)).toBeDefined();
    first.unmount();

    renderForm(path);
    expect(await screen.findByRole('heading', { level: 1, name: 'Before the observation' })).toBeInTheDocument();
    expect(screen.getByLabelText('Focus agreed with the practitioner beforehand')).toHaveValue('Tone on the phone');
    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(await screen.findByLabelText('Telephone call')).toBeChecked();
  });

  it('takes several actions, and checks each one that is started has who, what and by when', async () => {
    unlockTestSessionNow();
    await saveRecord({ id: 'obs-1', type: 'observation', status: 'draft', body: { ...emptyObservationForm(), step: 5 } });
    const user = userEvent.setup();
    renderForm('/observations/obs-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Actions and supervision' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add another action' }));
    const second = screen.getByRole('group', { name: 'Action 2' });
    await user.type(within(second).getByLabelText('What'), 'Book a joint visit');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = screen.getByRole('heading', { name: 'There is a problem' }).closest('.govuk-error-summary') as HTMLElement;
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Enter who will do action 2',
      'Enter a real date for when action 2 is due',
    ]);
    await user.click(within(summary).getByRole('link', { name: 'Enter who will do action 2' }));
    expect(within(second).getByLabelText('Who')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Remove action 2' }));
    expect(screen.queryByRole('group', { name: 'Action 2' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Knowledge and Skills Statements' });
    // Focus moves as the page appears; wait for it rather than racing React's commit.
    await waitFor(() => expect(heading).toHaveFocus());
  });
});
