import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { addChildOnDevice, answer, question, startVisit, usePolicyOnDevice, warningsBox } from '../../testing/visit-test-helpers';

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  await addChildOnDevice('Amira');
  await addChildOnDevice('Bobby');
});
afterEach(() => vi.useRealTimers());

describe('live warnings on a visit note', () => {
  it('a child not seen alone with no reason gets a warning naming that child, and choosing a reason clears it', async () => {
    const user = userEvent.setup();
    renderApp('/visits/new');
    await startVisit(user, { mode: 'Visit elsewhere', children: ['Amira', 'Bobby'] });
    await answer(user, 'Was Amira seen?', 'Yes');
    await answer(user, 'Was Amira seen alone?', 'Yes');
    await answer(user, 'Was Bobby seen?', 'Yes');
    await answer(user, 'Was Bobby seen alone?', 'No');

    const box = warningsBox();
    expect(box).not.toBeNull();
    const link = within(box as HTMLElement).getByRole('link', { name: /Reason not recorded: Bobby was not seen alone/ });
    expect(within(box as HTMLElement).queryByText(/Amira/)).toBeNull();

    // The link moves focus to the first reason.
    await user.click(link);
    expect(within(question('Why was Bobby not seen alone?')).getByRole('radio', { name: "Child's young age" })).toHaveFocus();

    await answer(user, 'Why was Bobby not seen alone?', "Child's young age");
    expect(warningsBox()).toBeNull();
  });

  it('reveals the reasons only on "No", which controls them (aria-controls), and "Other" needs its text', async () => {
    const user = userEvent.setup();
    renderApp('/visits/new');
    await startVisit(user, { mode: 'Visit elsewhere', children: ['Bobby'] });
    await answer(user, 'Was Bobby seen?', 'Yes');
    const no = within(question('Was Bobby seen alone?')).getByRole('radio', { name: 'No' });
    const reveal = document.getElementById(no.getAttribute('aria-controls') ?? '');
    expect(reveal).not.toBeNull();
    expect(reveal).not.toBeVisible();
    expect(screen.queryByRole('group', { name: 'Why was Bobby not seen alone?' })).toBeNull();

    await user.click(no);
    expect(reveal).toBeVisible();
    await answer(user, 'Why was Bobby not seen alone?', 'Other');
    expect(warningsBox()).toHaveTextContent('Reason not recorded: Bobby');
    await user.type(screen.getByLabelText('Give the reason'), 'Interpreter did not arrive');
    expect(warningsBox()).toBeNull();
  });

  it('asks about and warns on the bedroom only on home visits, for Redcar & Cleveland', async () => {
    const user = userEvent.setup();
    renderApp('/visits/new');
    await startVisit(user, { mode: 'Home visit', children: ['Bobby'] });
    await answer(user, 'Was Bobby seen?', 'Yes');
    await answer(user, 'Was Bobby seen alone?', 'Yes');
    expect(warningsBox()).toHaveTextContent("Bedroom not recorded: say whether Bobby's bedroom was seen");
    await answer(user, "Did you see Bobby's bedroom?", 'No');
    expect(warningsBox()).toHaveTextContent("Reason not recorded: Bobby's bedroom was not seen");
    await user.type(screen.getByLabelText("Why was Bobby's bedroom not seen?"), 'He was asleep in it');
    expect(warningsBox()).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Back' }));
    await user.click(screen.getByRole('link', { name: 'Back' }));
    await answer(user, 'How did the visit happen?', 'Visit elsewhere');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.queryByRole('group', { name: "Did you see Bobby's bedroom?" })).toBeNull();
    expect(warningsBox()).toBeNull();
  });

  it('gives no bedroom warning on a home visit for Middlesbrough', async () => {
    await usePolicyOnDevice('middlesbrough');
    const user = userEvent.setup();
    renderApp('/visits/new');
    await startVisit(user, { mode: 'Home visit', children: ['Bobby'] });
    await answer(user, 'Was Bobby seen?', 'Yes');
    await answer(user, 'Was Bobby seen alone?', 'Yes');
    expect(warningsBox()).toBeNull();
  });

  it('warns that the manager has not been told only for Middlesbrough', async () => {
    await usePolicyOnDevice('middlesbrough');
    const user = userEvent.setup();
    const first = renderApp('/visits/new');
    await startVisit(user, { mode: 'Visit elsewhere', children: ['Bobby'] });
    await answer(user, 'Was Bobby seen?', 'Yes');
    await answer(user, 'Was Bobby seen alone?', 'No');
    await answer(user, 'Why was Bobby not seen alone?', 'Parent or carer refused');
    expect(warningsBox()).toHaveTextContent('Manager not informed: Bobby was not seen alone');
    await answer(user, 'Have you told your team manager that Bobby was not seen alone?', 'Yes');
    expect(warningsBox()).toBeNull();
    first.unmount();

    await usePolicyOnDevice('redcar-cleveland');
    renderApp('/visits/new');
    await startVisit(user, { mode: 'Visit elsewhere', children: ['Bobby'] });
    await answer(user, 'Was Bobby seen?', 'Yes');
    await answer(user, 'Was Bobby seen alone?', 'No');
    await answer(user, 'Why was Bobby not seen alone?', 'Parent or carer refused');
    expect(warningsBox()).toBeNull();
  });
});

describe('the recording deadline', () => {
  it('says when to record by, and when it is overdue (Redcar & Cleveland: 5 working days)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-09T09:00:00Z')); // Monday 9 March
    const user = userEvent.setup();
    const first = renderApp('/visits/new');
    await startVisit(user, { mode: 'Home visit', children: ['Amira'], date: ['6', '3', '2026'] }); // Friday 6 March
    expect(screen.getByText(/Record by Friday 13 March/)).toBeInTheDocument();
    first.unmount();

    vi.setSystemTime(new Date('2026-03-14T09:00:00Z')); // Saturday 14 March
    renderApp('/visits/new');
    await startVisit(user, { mode: 'Home visit', children: ['Amira'], date: ['6', '3', '2026'] });
    expect(screen.getByText(/Recording overdue: this visit should have been recorded by Friday 13 March/)).toBeInTheDocument();
  });

  it('gives 24 hours to a Middlesbrough worker based in a children’s home', async () => {
    await usePolicyOnDevice('middlesbrough');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-06T16:00:00Z'));
    const user = userEvent.setup();
    renderApp('/visits/new');
    await screen.findByRole('heading', { level: 1, name: 'Visit details' });
    await answer(user, 'Where are you based?', "I'm based in a children's home or residential resource");
    await startVisit(user, { mode: 'Visit elsewhere', children: ['Amira'], date: ['6', '3', '2026'], time: '14:30' });
    expect(screen.getByText(/Record by 2:30pm on Saturday 7 March/)).toHaveTextContent('Due soon');
  });
});
