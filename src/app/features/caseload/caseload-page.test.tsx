import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { listRecords, saveRecords } from '../../device/db';
import type { ChildBody } from '../../../shared/model/record-bodies.ts';
import { loadDemoCaseload } from '../../testing/load-demo-caseload';
import { holdTheDate } from '../../testing/clock';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { emptyContactChild, emptyVisitNote } from '../../../shared/model/visit-note.ts';
import { checkRecordBody } from '../../../shared/sync/index.ts';
import type { Contact } from '../../../shared/model/contact.ts';
import { importedVisitBody } from '../../../shared/model/visit-body.ts';
import { unlockTestDevice } from '../../testing/unlock-test-device';

// An ordinary Tuesday, with no bank holiday in the weeks before: the demo's 9-day-old draft is past
// its 5-working-day recording deadline (with a bank holiday in those days it would only be due soon).
const NOW = Date.parse('2026-03-10T10:00:00Z');

beforeEach(async () => {
  holdTheDate(NOW);
  await resetDatabase();
  await unlockTestDevice();
});

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW - n * DAY).toISOString();

function caseloadFile(children: unknown[], contacts: unknown[] = [], name = 'caseload.json') {
  const json = { format: 'doorstep.caseload/1', policy: 'redcar-cleveland', asOf: new Date().toISOString(), children, contacts };
  return new File([JSON.stringify(json)], name, { type: 'application/json' });
}

const ravi = { id: 'child-ravi', name: 'Ravi Hollingsworth', dateOfBirth: '2016-05-01', involvements: [{ id: 'inv-1', type: 'child-protection', start: daysAgo(90) }] };
const juno = { id: 'child-juno', name: 'Juno Abernethy-Kaur', dateOfBirth: '2012-02-10', involvements: [{ id: 'inv-2', type: 'child-in-need', start: daysAgo(10) }] };
const raviSeen: Contact = {
  id: 'contact-1',
  occurredAt: daysAgo(30),
  mode: 'home-visit',
  significantEvent: false,
  completedAt: daysAgo(29),
  children: [{ childId: 'child-ravi', seen: true, seenAlone: true, bedroomSeen: true }],
};

describe('the caseload', () => {
  it('puts the child whose visit is overdue first, with the reason', async () => {
    await loadDemoCaseload();
    renderApp('/');
    const list = await screen.findByRole('list', { name: 'Your children, most urgent first' });
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(within(first).getByRole('link', { name: 'Tamsin Ellery' })).toHaveAttribute('href', expect.stringMatching(/^\/children\//));
    expect(within(first).getByText('Overdue')).toHaveClass('govuk-tag--red');
    expect(first).toHaveTextContent(/Tamsin/);
    expect(screen.getByText(/Redcar & Cleveland practice standards/)).toBeInTheDocument();
  });

  it('re-evaluates when the practice standards setting changes', async () => {
    const user = userEvent.setup();
    await loadDemoCaseload();
    renderApp('/settings');
    await user.click(await screen.findByLabelText('Middlesbrough'));
    await screen.findByText('Saved: Middlesbrough');
    await user.click(screen.getByRole('link', { name: 'Caseload' }));
    expect(await screen.findByText(/Middlesbrough practice standards/)).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Your children, most urgent first' });
    expect(within(within(list).getAllByRole('listitem')[0]!).getByText('Overdue')).toBeInTheDocument();
  });

  it('lists notes past their recording deadline and the observation due', async () => {
    await loadDemoCaseload();
    renderApp('/');
    await screen.findByRole('list', { name: 'Your children, most urgent first' });
    const notes = screen.getByRole('heading', { name: 'Notes to record' }).nextElementSibling as HTMLElement;
    expect(within(notes).getAllByText('Overdue').length).toBeGreaterThan(0);
    expect(within(notes).getAllByRole('link', { name: 'Open the note' })[0]).toHaveAttribute('href', expect.stringMatching(/^\/visits\//));
    const observation = screen.getByRole('heading', { name: 'Practice observation' }).nextElementSibling as HTMLElement;
    expect(observation).toHaveTextContent(/Alex Rowntree/);
  });

  it('fills the caseload from a good caseload file', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByText(/no children on your caseload/);
    await user.upload(screen.getByLabelText('Import a caseload file'), caseloadFile([ravi, juno], [raviSeen]));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported 2 children and 1 contact from caseload.json')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Your children, most urgent first' });
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(first).toHaveTextContent('Ravi Hollingsworth');
    expect(within(first).getByText('Overdue')).toBeInTheDocument();
    // What the import stored is what the server accepts when it is pushed.
    for (const type of ['child', 'visit'] as const) {
      const records = await listRecords(type);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(checkRecordBody(type, record.body, record.status)).toEqual({ ok: true });
    }
  });

  it('shows where a bad file is wrong and keeps what the device already has', async () => {
    const user = userEvent.setup();
    await saveRecords([{ id: juno.id, type: 'child', status: 'submitted', body: juno }]);
    renderApp('/');
    await screen.findByRole('link', { name: 'Juno Abernethy-Kaur' });
    const bad = { ...ravi, dateOfBirth: '1 May 2016' };
    await user.upload(screen.getByLabelText('Import a caseload file'), caseloadFile([ravi, bad]));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: /children\[1\]\.dateOfBirth/ });
    expect(link).toHaveAttribute('href', '#caseload-file');
    await waitFor(() => expect(summary.parentElement).toHaveFocus());
    expect((await listRecords<ChildBody>('child')).map((c) => c.body.name)).toEqual(['Juno Abernethy-Kaur']);
    expect(screen.getByLabelText('Import a caseload file')).toHaveAccessibleDescription(/Error: The file could not be imported/);
  });

  it('says so when the file is not JSON', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.upload(await screen.findByLabelText('Import a caseload file'), new File(['not json'], 'notes.json'));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file could not be imported: The file is not JSON');
  });
});

describe('warnings from visit drafts', () => {
  it('a draft visit where the child was seen but "seen alone" is not answered shows "seen alone not recorded"', async () => {
    const draft = emptyVisitNote('visit-draft-1');
    const body = {
      ...draft,
      step: 'seen' as const,
      // The other questions (significant event, critical worries) are not answered yet either.
      contact: { ...draft.contact, occurredAt: daysAgo(1), mode: 'visit-elsewhere' as const, children: [{ ...emptyContactChild(juno.id), seen: true }] },
    };
    await saveRecords([
      { id: juno.id, type: 'child', status: 'submitted', body: juno },
      { id: 'visit-draft-1', type: 'visit', status: 'draft', body },
    ]);
    renderApp('/');
    const list = await screen.findByRole('list', { name: 'Your children, most urgent first' });
    const row = within(list).getByRole('link', { name: 'Juno Abernethy-Kaur' }).closest('li') as HTMLElement;
    expect(within(row).getByText(/^Seen alone not recorded: say whether Juno Abernethy-Kaur was seen alone/)).toBeInTheDocument();
    expect(within(row).getByText('Check')).toBeInTheDocument();
  });
});

describe("a child's page", () => {
  it('shows details, involvements, recent contacts and direct work, each linking to the record', async () => {
    await saveRecords([
      { id: ravi.id, type: 'child', status: 'submitted', body: ravi },
      { id: raviSeen.id, type: 'visit', status: 'submitted', body: importedVisitBody(raviSeen) },
      { id: 'dw-1', type: 'direct-work', status: 'draft', body: { childIds: [ravi.id], title: 'Three houses' } },
    ]);
    renderApp(`/children/${ravi.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ravi Hollingsworth' })).toBeInTheDocument();
    expect(screen.getByText('Child protection')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Home visit on/ })).toHaveAttribute('href', '/visits/contact-1');
    expect(screen.getByRole('link', { name: /^Three houses/ })).toHaveAttribute('href', '/direct-work/dw-1');
    expect(screen.getAllByText('Overdue').length).toBeGreaterThan(0);
  });

  it("tags each of the child's records with its sync state", async () => {
    await saveRecords([
      { id: ravi.id, type: 'child', status: 'submitted', body: ravi },
      { id: raviSeen.id, type: 'visit', status: 'submitted', body: importedVisitBody(raviSeen) },
      { id: 'dw-1', type: 'direct-work', status: 'draft', body: { childIds: [ravi.id], title: 'Three houses' } },
    ]);
    renderApp(`/children/${ravi.id}`);
    const visit = (await screen.findByRole('link', { name: /^Home visit on/ })).closest('li')!;
    const work = screen.getByRole('link', { name: /^Three houses/ }).closest('li')!;
    expect(await within(visit).findByText('On this device only')).toBeInTheDocument();
    expect(within(visit).getByText('Sync status:', { exact: false })).toHaveClass('govuk-visually-hidden');
    expect(await within(work).findByText('On this device only')).toBeInTheDocument();
  });
});

describe('your drafts', () => {
  it('lists each draft with its type, children, last saved time and a Continue link', async () => {
    await saveRecords([
      { id: juno.id, type: 'child', status: 'submitted', body: juno },
      { id: 'visit-1', type: 'visit', status: 'draft', body: importedVisitBody({ ...raviSeen, id: 'visit-1', completedAt: null, children: [{ childId: juno.id, seen: true }] }) },
      { id: 'obs-1', type: 'observation', status: 'draft', body: {} },
      { id: 'done-1', type: 'visit', status: 'submitted', body: importedVisitBody(raviSeen) },
    ]);
    renderApp('/drafts');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your drafts' })).toBeInTheDocument();
    const visit = await screen.findByRole('link', { name: /^Continue ?visit draft for Juno Abernethy-Kaur$/ });
    expect(visit).toHaveAttribute('href', '/visits/visit-1');
    expect(screen.getByRole('link', { name: /^Continue ?practice observation draft$/ })).toHaveAttribute('href', '/observations/obs-1');
    expect(screen.getAllByRole('link', { name: /^Continue/ })).toHaveLength(2);
    expect(screen.getAllByText(/^Last saved/)).toHaveLength(2);
  });
});
