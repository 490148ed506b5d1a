import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { countPendingChanges, getRecord } from '../../device/db';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { eventually, holdTheAutosaveClock } from '../../testing/clock';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import type { VisitNoteBody } from '../../../shared/model/visit-note.ts';
import { checkRecordBody } from '../../../shared/sync/index.ts';
import { addChildOnDevice, answer, continueTo, question } from '../../testing/visit-test-helpers';

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
});

const visitIdIn = (pathname: string) => /^\/visits\/(?!new$)([^/]+)$/.exec(pathname)?.[1];

describe('a visit note draft', () => {
  it('is saved on the device within half a second of a change, and the address becomes the draft’s own', async () => {
    const { router } = renderApp('/visits/new');
    await screen.findByRole('heading', { level: 1, name: 'Visit details' });
    const homeVisit = within(question('How did the visit happen?')).getByRole('radio', { name: 'Home visit' });
    const clock = holdTheAutosaveClock();
    try {
      homeVisit.focus();
      fireEvent.click(homeVisit);
      expect(await countPendingChanges()).toBe(0); // waiting for a pause in the changes
      clock.advanceBy(500);
      await eventually(() => expect(screen.getByText('Draft saved')).toHaveAttribute('role', 'status'));
    } finally {
      clock.release();
    }
    const id = visitIdIn(router.state.location.pathname);
    expect(id).toBeDefined();
    const record = await getRecord<VisitNoteBody>(id as string);
    expect(record?.status).toBe('draft');
    expect(checkRecordBody('visit', record?.body, 'draft')).toEqual({ ok: true });
    expect(record?.body.contact.mode).toBe('home-visit');
    expect(record?.body.contact.id).toBe(id);
    expect(await countPendingChanges()).toBe(1);
    // The same page carries on: the field keeps focus, nothing is reloaded under the user.
    await waitFor(() => expect(within(question('How did the visit happen?')).getByRole('radio', { name: 'Home visit' })).toHaveFocus());
  });

  it('reopens exactly where it was left, at the same step', async () => {
    await addChildOnDevice('Tamsin');
    const user = userEvent.setup();
    const first = renderApp('/visits/new');
    await screen.findByRole('heading', { level: 1, name: 'Visit details' });
    await answer(user, 'How did the visit happen?', 'Visit elsewhere');
    const heading = await continueTo(user, 'Children on the visit');
    await waitFor(() => expect(heading).toHaveFocus());
    await user.click(screen.getByRole('checkbox', { name: 'Tamsin' }));
    await continueTo(user, 'Seeing each child');
    await answer(user, 'Was Tamsin seen?', 'Yes');
    await waitFor(() => expect(visitIdIn(first.router.state.location.pathname)).toBeDefined());
    const id = visitIdIn(first.router.state.location.pathname) as string;
    first.unmount(); // leaving flushes anything still waiting for the typing pause

    renderApp(`/visits/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Seeing each child' })).toBeInTheDocument();
    expect(within(question('Was Tamsin seen?')).getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect(screen.getByText('New visit: step 3 of 6')).toBeInTheDocument();
  });

  it('is saved at once when the page is hidden, without waiting for the pause in typing', async () => {
    const { router } = renderApp('/visits/new');
    await screen.findByRole('heading', { level: 1, name: 'Visit details' });
    const clock = holdTheAutosaveClock();
    try {
      fireEvent.change(screen.getByLabelText('Time of the visit'), { target: { value: '09:15' } });
      window.dispatchEvent(new Event('pagehide'));
      // The clock has not moved, so the debounce has not fired: only the pagehide flush can save it.
      await eventually(async () => {
        const id = visitIdIn(router.state.location.pathname);
        expect((await getRecord<VisitNoteBody>(id ?? 'none'))?.body.when.time).toBe('09:15');
      });
    } finally {
      clock.release();
    }
  });

  it('says so when there is no such visit on the device', async () => {
    renderApp('/visits/0190-no-such-visit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit not found' })).toBeInTheDocument();
  });
});

/** Presses Tab until `target` has focus: the keyboard's way of getting to a field. */
async function tabTo(user: UserEvent, target: HTMLElement) {
  for (let i = 0; i < 60 && document.activeElement !== target; i++) await user.tab();
  expect(target).toHaveFocus();
}

describe('finishing a visit note', () => {
  it('can be done with the keyboard alone, and "Finish and record" sets completedAt and shows the confirmation', async () => {
    await addChildOnDevice('Sam');
    const user = userEvent.setup();
    const { router } = renderApp('/visits/new');
    await screen.findByRole('heading', { level: 1, name: 'Visit details' });

    await tabTo(user, within(question('How did the visit happen?')).getByRole('radio', { name: 'Home visit' }));
    await user.keyboard(' ');
    await tabTo(user, screen.getByRole('button', { name: 'Continue' }));
    await user.keyboard('{Enter}');
    const shown = await screen.findByRole('heading', { level: 1, name: 'Children on the visit' });
    // Focus moves as the page appears; wait for it rather than racing React's commit.
    await waitFor(() => expect(shown).toHaveFocus());

    await tabTo(user, screen.getByRole('checkbox', { name: 'Sam' }));
    await user.keyboard(' ');
    await tabTo(user, screen.getByRole('button', { name: 'Continue' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Seeing each child' });

    for (const legend of ['Was Sam seen?', 'Was Sam seen alone?', "Did you see Sam's bedroom?"]) {
      await tabTo(user, within(question(legend)).getByRole('radio', { name: 'Yes' }));
      await user.keyboard(' ');
    }
    await tabTo(user, screen.getByRole('button', { name: 'Continue' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Worries' });

    for (const legend of ['Was there a significant event or emergency?', 'Do you have critical worries about a child?']) {
      await tabTo(user, within(question(legend)).getByRole('radio', { name: 'Yes' }));
      await user.keyboard('{ArrowRight}'); // moves to and selects "No", as in a browser
    }
    await tabTo(user, screen.getByRole('button', { name: 'Continue' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Visit note' });

    await tabTo(user, screen.getByLabelText('What happened'));
    await user.keyboard('Sam showed me his room and his new bike.');
    await tabTo(user, screen.getByLabelText("Sam's voice"));
    await user.keyboard('"I like it here."');
    await tabTo(user, screen.getByRole('button', { name: 'Continue' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Check and finish' });
    expect(screen.queryByRole('region', { name: 'Check before you finish' })).toBeNull();

    await tabTo(user, screen.getByRole('button', { name: 'Finish and record' }));
    await user.keyboard('{Enter}');
    const recorded = await screen.findByRole('heading', { level: 1, name: 'Visit recorded' });
    // Focus moves as the page appears; wait for it rather than racing React's commit.
    await waitFor(() => expect(recorded).toHaveFocus());

    const id = visitIdIn(router.state.location.pathname) as string;
    const record = await getRecord<VisitNoteBody>(id);
    expect(record?.status).toBe('submitted');
    expect(record?.body.contact.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(record?.body.note.whatHappened).toBe('Sam showed me his room and his new bike.');
    expect(checkRecordBody('visit', record?.body, 'submitted')).toEqual({ ok: true });
    expect(record?.body.contact.significantEvent).toBe(false);
  });

  it('lists what is missing, and each link opens the step and focuses the field', async () => {
    await addChildOnDevice('Sam');
    const user = userEvent.setup();
    renderApp('/visits/new');
    await screen.findByRole('heading', { level: 1, name: 'Visit details' });
    await answer(user, 'How did the visit happen?', 'Phone call');
    await continueTo(user, 'Children on the visit');
    await user.click(screen.getByRole('checkbox', { name: 'Sam' }));
    for (const step of ['Seeing each child', 'Worries', 'Visit note', 'Check and finish']) await continueTo(user, step);

    await user.click(screen.getByRole('button', { name: 'Finish and record' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByText('There is a problem')).toBeInTheDocument();
    await user.click(within(summary).getByRole('link', { name: 'Enter what happened' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit note' })).toBeInTheDocument();
    expect(screen.getByLabelText('What happened')).toHaveFocus();
    expect(screen.getByLabelText('What happened')).toHaveAccessibleDescription(/Error: Enter what happened/);
  });
});

describe('each step of the visit note', () => {
  it('has one h1, and no id twice in the page', async () => {
    await addChildOnDevice('Sam');
    const user = userEvent.setup();
    renderApp('/visits/new');
    await screen.findByRole('heading', { level: 1, name: 'Visit details' });
    await answer(user, 'How did the visit happen?', 'Home visit');
    const noDuplicateIds = () => {
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    };
    noDuplicateIds();
    await continueTo(user, 'Children on the visit');
    await user.click(screen.getByRole('checkbox', { name: 'Sam' }));
    noDuplicateIds();
    await continueTo(user, 'Seeing each child');
    await answer(user, 'Was Sam seen?', 'Yes');
    await answer(user, 'Was Sam seen alone?', 'No');
    noDuplicateIds();
    for (const step of ['Worries', 'Visit note', 'Check and finish']) {
      await continueTo(user, step);
      noDuplicateIds();
    }
  });
});
