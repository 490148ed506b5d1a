import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getRecord, saveRecord } from '../../device/db';
import { renderForm as renderApp } from '../../testing/render-form';
import { renderApp as renderWholeApp } from '../../testing/render-app';
import { eventually, holdTheAutosaveClock } from '../../testing/clock';
import { resetDatabase } from '../../testing/reset-database';
import type { DirectWorkForm } from '../../../shared/model/direct-work';
import { checkRecordBody } from '../../../shared/sync/index.ts';
import { unlockTestSessionNow } from '../../testing/unlock-test-device';

beforeEach(resetDatabase);

const drawing = () => new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'drawing.png', { type: 'image/png' });
const recordIdIn = (pathname: string) => /^\/direct-work\/([^/]+)$/.exec(pathname)?.[1];

describe('direct work', () => {
  it('asks what the other tool or activity was once "Other" is ticked', async () => {
    const user = userEvent.setup();
    renderApp('/direct-work/new');
    const tools = await screen.findByRole('group', { name: /Tools and activities used/ });
    expect(within(tools).queryByLabelText('Other tool or activity')).not.toBeInTheDocument();

    await user.click(within(tools).getByLabelText('Other'));
    expect(within(tools).getByLabelText('Other').closest('fieldset')).toBe(tools);
    await user.type(within(tools).getByLabelText('Other tool or activity'), 'Feelings cards');
    expect(within(tools).getByLabelText('Other tool or activity')).toHaveValue('Feelings cards');

    await user.click(within(tools).getByLabelText('Other'));
    expect(within(tools).queryByLabelText('Other tool or activity')).not.toBeInTheDocument();
  });

  it('is saved as a draft within half a second of the first change, and the address names the record', async () => {
    const { router } = renderWholeApp('/direct-work/new');
    const analysis = await screen.findByLabelText('Your analysis');
    const clock = holdTheAutosaveClock();
    try {
      analysis.focus();
      fireEvent.change(analysis, { target: { value: 'Settled with her carer' } });
      clock.advanceBy(500);
      await eventually(() => expect(screen.getByText('Draft saved')).toHaveAttribute('role', 'status'));
    } finally {
      clock.release();
    }
    await waitFor(() => expect(recordIdIn(router.state.location.pathname)).toBeDefined());
    const record = await getRecord<DirectWorkForm>(recordIdIn(router.state.location.pathname)!);
    expect(record).toMatchObject({ type: 'direct-work', status: 'draft', body: { analysis: 'Settled with her carer' } });
    expect(checkRecordBody('direct-work', record?.body, 'draft')).toEqual({ ok: true });
    expect(screen.getByLabelText('Your analysis')).toHaveFocus();
  });

  it('is saved at once when the page is hidden, without waiting for the pause in typing', async () => {
    const { router } = renderApp('/direct-work/new');
    const childsWords = await screen.findByLabelText('What the child said, in their own words');
    const clock = holdTheAutosaveClock();
    try {
      fireEvent.change(childsWords, { target: { value: 'Closing the tablet now' } });
      window.dispatchEvent(new Event('pagehide'));
      // The clock has not moved, so the debounce has not fired: only the pagehide flush can save it.
      await eventually(async () => {
        const id = recordIdIn(router.state.location.pathname);
        expect(id && (await getRecord<DirectWorkForm>(id))?.body.childsWords).toBe('Closing the tablet now');
      });
    } finally {
      clock.release();
    }
  });

  it('shows a photo of a drawing as a thumbnail with alt text the worker can change, and keeps it when reopened', async () => {
    const user = userEvent.setup();
    const first = renderApp('/direct-work/new');
    const input = await screen.findByLabelText('Add photos');
    expect(input).toHaveAttribute('accept', 'image/*');
    expect(input).toHaveAttribute('capture', 'environment');
    await user.upload(input, drawing());

    expect(await screen.findByRole('img', { name: 'Drawing of' })).toHaveAttribute('src', expect.stringMatching(/^(data|blob):/));
    const alt = screen.getByLabelText('Description of photo 1');
    await user.type(alt, 'her family at the park');
    expect(await screen.findByRole('img', { name: 'Drawing of her family at the park' })).toBeInTheDocument();
    await waitFor(() => expect(recordIdIn(first.router.state.location.pathname)).toBeDefined());
    await screen.findByText('Draft saved');
    const path = first.router.state.location.pathname;
    first.unmount();

    renderApp(path);
    expect(await screen.findByRole('img', { name: 'Drawing of her family at the park' })).toBeInTheDocument();
  });

  it('removes a photo', async () => {
    const user = userEvent.setup();
    renderApp('/direct-work/new');
    await user.upload(await screen.findByLabelText('Add photos'), drawing());
    await screen.findByRole('img', { name: 'Drawing of' });
    await user.click(screen.getByRole('button', { name: 'Remove photo 1' }));
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('lists what is missing, each linking to its field', async () => {
    const user = userEvent.setup();
    renderApp('/direct-work/new');
    await user.click(await screen.findByRole('button', { name: 'Finish and record' }));

    const summary = screen.getByRole('heading', { name: 'There is a problem' }).closest('.govuk-error-summary') as HTMLElement;
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual([
      "Enter the child's name",
      'Enter the date of the direct work',
      'Select the tools and activities you used',
      'Enter what the child said, in their own words',
      'Enter your analysis',
    ]);
    await user.click(within(summary).getByRole('link', { name: 'Enter the date of the direct work' }));
    expect(screen.getByLabelText('Day')).toHaveFocus();
    expect(screen.getByLabelText("Child's name")).toHaveAccessibleDescription(/Error: Enter the child's name/);
  });

  it('is recorded with the child chosen from the device, and then shown read only', async () => {
    unlockTestSessionNow();
    await saveRecord({ id: 'child-1', type: 'child', status: 'submitted', body: { id: 'child-1', name: 'Robin', dateOfBirth: '2017-05-01', involvements: [] } });
    const user = userEvent.setup();
    const { router } = renderApp('/direct-work/new');
    await user.selectOptions(await screen.findByLabelText('Child'), 'Robin');
    await user.type(screen.getByLabelText('Day'), '2');
    await user.type(screen.getByLabelText('Month'), '3');
    await user.type(screen.getByLabelText('Year'), '2026');
    await user.click(screen.getByLabelText('Three houses'));
    await user.type(screen.getByLabelText('What the child said, in their own words'), 'I like it at nan’s');
    await user.type(screen.getByLabelText('Your analysis'), 'Feels safe with her nan');
    await user.click(screen.getByRole('button', { name: 'Finish and record' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Direct work recorded' })).toBeInTheDocument();
    const id = recordIdIn(router.state.location.pathname)!;
    const record = await getRecord<DirectWorkForm & { childIds: string[]; title: string }>(id);
    expect(record?.status).toBe('submitted');
    expect(record?.body).toMatchObject({ childId: 'child-1', childIds: ['child-1'], title: 'Three houses', tools: ['three-houses'] });
    expect(record?.body.completedAt).toEqual(expect.any(String));
    expect(checkRecordBody('direct-work', record?.body, 'submitted')).toEqual({ ok: true });
  });
});
