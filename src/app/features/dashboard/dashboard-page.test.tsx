import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCompliance } from '../../../cli/compliance-command.ts';
import { importedVisitBody, parseCaseload, type CaseloadRecords, type Contact } from '../../../shared/model';
import { civilFromDay, evaluate, localDay } from '../../../shared/rules';
import { saveRecords, setSealedMeta } from '../../device/db';
import { ACCOUNT_KEY, appScheduler, pullChanges, setAppTransport, useAccount, type Account } from '../../device/sync';
import { refreshTeam } from '../../device/sync/team';
import { COLLEAGUE, FakeServer, ME } from '../../device/sync/testing/fake-server';
import { holdTheDate } from '../../testing/clock';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { periodBetween, periodEndingAt } from './periods';
import { measuresOver } from './team-figures';

const DAY = 86_400_000;
// The page works its figures out from the clock when it renders, the tests from the clock when
// they check: held still, both read the same instant, even at midnight (when "today" and the
// periods change) or at New Year (when messages start naming the year). An ordinary Tuesday.
const NOW = Date.parse('2026-03-10T10:00:00Z');
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();
const POLICY = 'redcar-cleveland';

const ravi = { id: 'child-ravi', name: 'Ravi Hollingsworth', dateOfBirth: '2016-05-01', involvements: [{ id: 'inv-ravi', type: 'child-protection' as const, start: ago(120) }] };
const juno = { id: 'child-juno', name: 'Juno Abernethy-Kaur', dateOfBirth: '2012-02-10', involvements: [{ id: 'inv-juno', type: 'child-in-need' as const, start: ago(70) }] };

function visit(id: string, childId: string, occurred: number, completed: number | null, seenAlone: boolean): Contact {
  return {
    id,
    occurredAt: ago(occurred),
    mode: 'home-visit',
    significantEvent: false,
    completedAt: completed === null ? null : ago(completed),
    children: [{ childId, seen: true, seenAlone, seenAloneReason: seenAlone ? null : 'Child asleep', bedroomSeen: true }],
  };
}

// Notes are due within 5 working days (Redcar & Cleveland): old and recent in time, the others late.
const mine = [visit('visit-old', 'child-ravi', 60, 59, true), visit('visit-late', 'child-ravi', 20, 5, false)];
const colleagues = [visit('visit-recent', 'child-juno', 3, 2, true), visit('visit-missing', 'child-juno', 14, null, true)];
const allRecords: CaseloadRecords = { children: [ravi, juno], contacts: [...mine, ...colleagues] };

const manager: Account = {
  user: { id: '0190a000-0000-7000-8000-000000000004', name: 'Morgan Quist', email: 'morgan@example.test', role: 'manager', teamId: null, lineManagerId: null },
  expiresAt: new Date(Date.now() + 14 * DAY).toISOString(), // from the real clock, when loaded: current at NOW too
};

let server: FakeServer;
beforeEach(async () => {
  holdTheDate(NOW);
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
  setAppTransport(server.transport);
  useAccount.setState({ account: undefined, pending: null });
});
// The page runs the app's sync engine (the account's session is current). Unmount, then let a
// round in flight finish, so it cannot write this test's sync cursor into the next test's device.
afterEach(async () => {
  cleanup();
  await waitFor(() => expect(appScheduler().running).toBe(false));
  setAppTransport(null);
  vi.restoreAllMocks();
});

/**
 * Ravi and two visits written on this device; Juno and two visits pulled from a colleague
 * (Jess Colleague in the fake server's team, which the device then fetches).
 */
async function fillDevice() {
  await saveRecords([
    { id: ravi.id, type: 'child', status: 'submitted', body: ravi },
    ...mine.map((contact) => ({ id: contact.id, type: 'visit' as const, status: 'submitted' as const, body: importedVisitBody(contact) })),
  ]);
  server.write(juno.id, 'child', 'submitted', juno);
  for (const contact of colleagues) server.write(contact.id, 'visit', contact.completedAt ? 'submitted' : 'draft', importedVisitBody(contact));
  await pullChanges({ transport: server.transport });
  await signIn(manager);
  await refreshTeam(server.transport);
}

/** The account as the device keeps it: sealed in meta (read again on unlock) and in the store. */
async function signIn(account: Account) {
  await setSealedMeta(ACCOUNT_KEY, account);
  useAccount.setState({ account });
}

/** The figures in a measure's table row: [numerator, denominator, percentage]. */
function rowOf(tableName: RegExp, name: string): string[] {
  const table = screen.getByRole('table', { name: tableName });
  const row = within(table).getByRole('rowheader', { name }).closest('tr')!;
  return within(row).getAllByRole('cell').map((cell) => cell.textContent ?? '');
}
const asRowOrNone = (m: { numerator: number; denominator: number }) => (m.denominator === 0 ? ['0', '0', 'None due'] : asRow(m));
const asRow = ({ numerator, denominator }: { numerator: number; denominator: number }) => [
  String(numerator),
  String(denominator),
  `${Math.round((numerator / denominator) * 100)}%`,
];

/** Chooses "Choose dates", types From and To (day numbers, or the boxes as typed) and applies them. */
async function chooseDates(user: ReturnType<typeof userEvent.setup>, from: number | string[], to: number | string[]) {
  await user.selectOptions(screen.getByLabelText('Period'), 'Choose dates');
  for (const [legend, date] of [['From', from], ['To', to]] as const) {
    const group = screen.getByRole('group', { name: legend });
    const boxes = typeof date === 'number' ? (({ day, month, year }) => [day, month, year].map(String))(civilFromDay(date)) : date;
    for (const [i, label] of ['Day', 'Month', 'Year'].entries()) {
      const input = within(group).getByLabelText(label);
      await user.clear(input);
      if (boxes[i]) await user.type(input, boxes[i]);
    }
  }
  await user.click(screen.getByRole('button', { name: 'Apply dates' }));
}

/** The error summary's messages, and each one's link target. */
function summaryErrors() {
  const summary = screen.getByRole('heading', { name: 'There is a problem' }).closest('.govuk-error-summary') as HTMLElement;
  return within(summary)
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
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

describe('the team dashboard', () => {
  it('is in the service navigation and says it is for team managers', async () => {
    renderApp('/dashboard');
    expect(await screen.findByRole('heading', { level: 1, name: 'Team dashboard' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Service navigation' });
    expect(within(nav).getByRole('link', { name: 'Team dashboard' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText(/For team managers/)).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Team dashboard – Doorstep'));
  });

  it('says there is nothing to count when the device has no records', async () => {
    renderApp('/dashboard');
    expect(await screen.findByText(/There are no children or visits on this device yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument();
  });

  it('shows the same figures as the rules give for the last 4 weeks, as a table and a chart', async () => {
    await fillDevice();
    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, from/ });
    const expected = measuresOver(allRecords, POLICY, periodEndingAt('last-4-weeks', NOW));

    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(['1', '3', '33%']);
    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(asRow(expected.recordedInTimescale));
    expect(rowOf(/^Children seen alone/, 'Team')).toEqual(['1', '2', '50%']);
    expect(rowOf(/^Children seen alone/, 'Team')).toEqual(asRow(expected.seenAlone));
    expect(rowOf(/^Visits in timescale/, 'Team')).toEqual(asRow(expected.visitsInTimescale));

    expect(screen.getByRole('img', { name: /^Notes recorded in timescale: Team, 33% \(1 of 3\);/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Children seen alone: Team, 50% \(1 of 2\);/ })).toBeInTheDocument();
  });

  it('changes the figures when another period is chosen', async () => {
    const user = userEvent.setup();
    await fillDevice();
    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, from/ });

    await user.selectOptions(screen.getByLabelText('Period'), 'Everything up to now');

    const table = await screen.findByRole('table', { name: /^Notes recorded in timescale, everything up to/ });
    expect(table).toBeInTheDocument();
    const expected = evaluate(allRecords, POLICY, NOW).measures;
    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(['2', '4', '50%']);
    expect(rowOf(/^Children seen alone/, 'Team')).toEqual(asRow(expected.seenAlone));
    expect(rowOf(/^Visits in timescale/, 'Team')).toEqual(asRow(expected.visitsInTimescale));
    expect(screen.getByText(/^Showing everything up to/)).toHaveAttribute('role', 'status');
  });

  it('gives each practitioner a row: the signed-in manager by name, pulled records under their creator’s name', async () => {
    const user = userEvent.setup();
    await fillDevice();
    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale/ });
    await user.selectOptions(screen.getByLabelText('Period'), 'Everything up to now');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, everything up to/ });

    expect(rowOf(/^Notes recorded in timescale/, 'Morgan Quist (you)')).toEqual(['1', '2', '50%']);
    expect(rowOf(/^Notes recorded in timescale/, 'Jess Colleague')).toEqual(['1', '2', '50%']);
    const table = screen.getByRole('table', { name: /^Children seen alone/ });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Practitioner', 'Seen alone', 'Children seen', 'Percentage']);
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Team', 'Morgan Quist (you)', 'Jess Colleague']);
    expect(screen.queryByText(/You are signed in as/)).not.toBeInTheDocument();
  });

  it('lists what is overdue now with whose it is, and the practice observation due', async () => {
    await fillDevice();
    await setSealedMeta('practitioner', { id: 'p-morgan', name: 'Morgan Quist', startedAt: ago(800) });
    renderApp('/dashboard');
    const table = await screen.findByRole('table', { name: /overdue now/ });
    const overdue = evaluate(allRecords, POLICY, NOW).warnings.filter((w) => w.code === 'VISIT_OVERDUE' || w.code === 'RECORDING_OVERDUE');
    expect(within(table).getAllByRole('row')).toHaveLength(overdue.length + 1);
    const missingNote = within(table)
      .getAllByRole('row')
      .find((row) => row.textContent?.includes(overdue.find((w) => w.contactId === 'visit-missing')!.message));
    expect(missingNote).toHaveTextContent('Jess Colleague');
    expect(missingNote).toHaveTextContent('Overdue');

    const observations = screen.getByRole('list', { name: 'Practice observations due or needing follow-up' });
    expect(observations).toHaveTextContent(/Morgan Quist/);
  });

  it('splits the figures between two named practitioners of the team and shows the observation due for one of them', async () => {
    const user = userEvent.setup();
    // Only pulled records, written by Alex and by Jess; the manager has written nothing here.
    server.write(ravi.id, 'child', 'submitted', ravi, ME);
    for (const contact of mine) server.write(contact.id, 'visit', 'submitted', importedVisitBody(contact), ME);
    server.write(juno.id, 'child', 'submitted', juno, COLLEAGUE);
    for (const contact of colleagues) server.write(contact.id, 'visit', contact.completedAt ? 'submitted' : 'draft', importedVisitBody(contact), COLLEAGUE);
    // Jess has been in post 500 days and never observed; Alex started 100 days ago; the manager's date gives nothing.
    server.team.members = server.team.members.map((m) => ({ ...m, startedAt: ago(m.id === COLLEAGUE ? 500 : m.id === ME ? 100 : 3000) }));
    await pullChanges({ transport: server.transport });
    await signIn(manager);
    await refreshTeam(server.transport);

    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale/ });
    await user.selectOptions(screen.getByLabelText('Period'), 'Everything up to now');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, everything up to/ });

    const table = screen.getByRole('table', { name: /^Notes recorded in timescale/ });
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Team', 'Alex Rowntree', 'Jess Colleague']);
    expect(rowOf(/^Notes recorded in timescale/, 'Alex Rowntree')).toEqual(['1', '2', '50%']);
    expect(rowOf(/^Notes recorded in timescale/, 'Jess Colleague')).toEqual(['1', '2', '50%']);
    // Each practitioner's notes alone give their figures: the same as the rules for those notes.
    const notesOf = (contacts: Contact[]) => evaluate({ children: [], contacts }, POLICY, NOW).measures;
    expect(rowOf(/^Children seen alone/, 'Alex Rowntree')).toEqual(asRow(notesOf(mine).seenAlone));
    expect(rowOf(/^Children seen alone/, 'Jess Colleague')).toEqual(asRow(notesOf(colleagues).seenAlone));
    expect(rowOf(/^Notes recorded in timescale/, 'Jess Colleague')).toEqual(asRow(notesOf(colleagues).recordedInTimescale));

    const observations = screen.getByRole('list', { name: 'Practice observations due or needing follow-up' });
    expect(within(observations).getAllByRole('listitem')).toHaveLength(1);
    expect(observations).toHaveTextContent(/Jess Colleague/);
    expect(observations).toHaveTextContent('Overdue');
    expect(observations).not.toHaveTextContent(/Alex Rowntree|Morgan/);
  });

  it('tells a practitioner that the page is meant for managers', async () => {
    await fillDevice();
    await signIn({ ...manager, user: { ...manager.user, role: 'practitioner' } });
    renderApp('/dashboard');
    expect(await screen.findByText(/You are signed in as a practitioner/)).toBeInTheDocument();
  });

  it('downloads the compliance CSV, the same as the command prints for the exported caseload', async () => {
    const user = userEvent.setup();
    await fillDevice();
    const files = captureDownloads();
    renderApp('/dashboard');
    await user.click(await screen.findByRole('button', { name: 'Export caseload' }));
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^doorstep-caseload-\d{4}-\d{2}-\d{2}\.json$/),
      expect.stringMatching(/^doorstep-warnings-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    const json = await files[0]!.blob.text();
    const parsed = parseCaseload(JSON.parse(json));
    expect(parsed.ok && parsed.value.contacts.map((c) => c.id).sort()).toEqual(['visit-late', 'visit-missing', 'visit-old', 'visit-recent']);
    const command = runCompliance(['--csv', 'caseload.json'], () => json);
    expect(command.code).toBe(0);
    const csv = await files[1]!.blob.text();
    expect(csv).toBe(command.stdout);
    expect(csv).toMatch(/^RECORDING_OVERDUE,,,visit-missing,/m);
  });

  it('downloads the figures as CSV', async () => {
    const user = userEvent.setup();
    await fillDevice();
    const files = captureDownloads();
    renderApp('/dashboard');
    await user.click(await screen.findByRole('button', { name: 'Download figures as CSV' }));
    const lines = (await files[0]!.blob.text()).split('\r\n');
    expect(lines[0]).toBe('from,to,practitioner,measure,numerator,denominator,percentage');
    expect(lines).toContainEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},Team,recordedInTimescale,1,3,33$/));
    expect(lines).toContainEqual(expect.stringMatching(/,Morgan Quist \(you\),seenAlone,0,1,0$/));
  });

  it('works the figures out over chosen dates, from 00:00 on From to the end of To', async () => {
    const user = userEvent.setup();
    await fillDevice();
    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, from/ });
    expect(screen.queryByRole('group', { name: 'From' })).not.toBeInTheDocument();

    // Only visit-old (60 days ago, note finished the next day, child seen alone) falls in 62 to 50 days ago.
    const today = localDay(NOW);
    await chooseDates(user, today - 62, today - 50);

    const text = ({ day, month, year }: { day: number; month: number; year: number }) =>
      `${day} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]} ${year}`;
    const status = await screen.findByText(`Showing from ${text(civilFromDay(today - 62))} to ${text(civilFromDay(today - 50))}.`);
    expect(status).toHaveAttribute('role', 'status');
    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(['1', '1', '100%']);
    expect(rowOf(/^Children seen alone/, 'Team')).toEqual(['1', '1', '100%']);
    expect(rowOf(/^Notes recorded in timescale/, 'Jess Colleague')).toEqual(['0', '0', 'None due']);
    const expected = measuresOver(allRecords, POLICY, periodBetween(today - 62, today - 50, NOW));
    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(asRowOrNone(expected.recordedInTimescale));
    expect(rowOf(/^Children seen alone/, 'Team')).toEqual(asRowOrNone(expected.seenAlone));
    expect(rowOf(/^Visits in timescale/, 'Team')).toEqual(asRowOrNone(expected.visitsInTimescale));

    // A day later on both ends leaves visit-old out; from then to today takes in the other three notes.
    await chooseDates(user, today - 20, today);
    await screen.findByText(new RegExp(`^Showing from ${text(civilFromDay(today - 20))} to ${text(civilFromDay(today))}\\.$`));
    const recent = measuresOver(allRecords, POLICY, periodBetween(today - 20, today, NOW));
    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(asRow(recent.recordedInTimescale));
    expect(rowOf(/^Children seen alone/, 'Team')).toEqual(asRow(recent.seenAlone));

    // Back to a period ending now: the date inputs go and the figures are that period's again.
    await user.selectOptions(screen.getByLabelText('Period'), 'Everything up to now');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, everything up to/ });
    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(['2', '4', '50%']);
    expect(screen.queryByRole('group', { name: 'From' })).not.toBeInTheDocument();
  });

  it('says which chosen dates and downloads the figures for them', async () => {
    const user = userEvent.setup();
    await fillDevice();
    const files = captureDownloads();
    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, from/ });
    await chooseDates(user, ['1', '9', '2025'], ['30', '9', '2025']);
    expect(await screen.findByText('Showing from 1 September 2025 to 30 September 2025.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('table', { name: /^Notes recorded in timescale, from 1 September 2025 to 30 September 2025/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download figures as CSV' }));
    const lines = (await files[0]!.blob.text()).split('\r\n');
    expect(lines[1]).toBe('2025-09-01,2025-09-30,Team,seenAlone,0,0,');
    expect(lines.filter((line) => line !== '' && !line.startsWith('from,')).every((line) => line.startsWith('2025-09-01,2025-09-30,'))).toBe(true);
  });

  it('asks for real dates for From and To, and keeps the figures it had', async () => {
    const user = userEvent.setup();
    await fillDevice();
    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, from/ });
    await chooseDates(user, ['', '', ''], ['31', '2', '2025']);

    expect(summaryErrors()).toEqual([
      ['Enter a real date for From', '#dashboard-from-day'],
      ['Enter a real date for To', '#dashboard-to-day'],
    ]);
    expect(screen.getByRole('group', { name: 'From' })).toHaveAccessibleDescription(/Enter a real date for From/);
    expect(screen.getByRole('group', { name: 'To' })).toHaveAccessibleDescription(/Enter a real date for To/);
    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(['1', '3', '33%']);
  });

  it('says From must be on or before To', async () => {
    const user = userEvent.setup();
    await fillDevice();
    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, from/ });
    await chooseDates(user, ['10', '9', '2025'], ['9', '9', '2025']);

    expect(summaryErrors()).toEqual([['From must be on or before To', '#dashboard-from-day']]);
    expect(screen.getByRole('group', { name: 'From' })).toHaveAccessibleDescription(/From must be on or before To/);

    // The same day for both is a period of one day.
    await chooseDates(user, ['9', '9', '2025'], ['9', '9', '2025']);
    expect(await screen.findByText('Showing from 9 September 2025 to 9 September 2025.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'There is a problem' })).not.toBeInTheDocument();
  });

  it('says To must be today or in the past', async () => {
    const user = userEvent.setup();
    await fillDevice();
    renderApp('/dashboard');
    await screen.findByRole('table', { name: /^Notes recorded in timescale, from/ });
    const today = localDay(NOW);
    await chooseDates(user, today - 5, today + 1);

    expect(summaryErrors()).toEqual([['To must be today or in the past', '#dashboard-to-day']]);
    expect(screen.getByRole('group', { name: 'To' })).toHaveAccessibleDescription(/To must be today or in the past/);
    expect(screen.getByText(/^Showing from /)).toBeInTheDocument();
    expect(rowOf(/^Notes recorded in timescale/, 'Team')).toEqual(['1', '3', '33%']);
  });
});
