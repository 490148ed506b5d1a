import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, getRecord, saveRecord } from '../../device/db';
import { pushChanges } from '../../device/sync';
import { FakeServer } from '../../device/sync/testing/fake-server';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { compareBodies } from './compare';
import { emptyContactChild } from '../../../shared/model/visit-note.ts';
import { visitNoteBody } from '../../testing/visit-bodies';

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
});

const body = (whatHappened: string, when: string) => {
  const visit = visitNoteBody('v1', whatHappened, { analysis: 'None' });
  return { ...visit, contact: { ...visit.contact, occurredAt: when, children: [emptyContactChild('c1')] } };
};

async function conflict() {
  await saveRecord({ id: 'c1', type: 'child', status: 'submitted', body: { id: 'c1', name: 'Tamsin Ellery', dateOfBirth: '2017-02-03', involvements: [] } });
  server.write('v1', 'visit', 'draft', body('Their summary', '2025-06-04T10:00:00Z'));
  await saveRecord({ id: 'v1', type: 'visit', status: 'draft', body: body('My summary', '2025-06-04T10:00:00Z') });
  await pushChanges({ transport: server.transport });
  await db.conflicts.get('v1');
}

describe('comparing two versions', () => {
  it('names visit fields, shows children by name and marks what differs', () => {
    const fields = compareBodies(body('Mine', 'a'), body('Theirs', 'a'), (id) => (id === 'c1' ? 'Tamsin Ellery' : id));
    expect(fields.find((f) => f.label === 'Children')).toMatchObject({ mine: 'Tamsin Ellery', differs: false, editable: false });
    expect(fields.find((f) => f.label === 'What happened')).toMatchObject({ mine: 'Mine', theirs: 'Theirs', differs: true, editable: true });
    expect(fields.find((f) => f.label === 'Date of visit')).toMatchObject({ differs: false });
  });
});

describe('the conflicts pages', () => {
  it('lists the conflict, compares side by side, and "Keep my version" resolves it', async () => {
    const user = userEvent.setup();
    await conflict();
    renderApp('/conflicts');
    await user.click(await screen.findByRole('link', { name: /Compare versions/ }, { timeout: 5_000 }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Resolve a conflict' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'The two versions' });
    const summaryRow = within(table).getByRole('rowheader', { name: /What happened/ }).closest('tr')!;
    expect(summaryRow).toHaveTextContent('Different');
    expect(summaryRow).toHaveTextContent('My summary');
    expect(summaryRow).toHaveTextContent('Their summary');
    expect(within(table).getByRole('rowheader', { name: 'Children' }).closest('tr')).toHaveTextContent('Tamsin Ellery');

    await user.click(screen.getByRole('button', { name: 'Keep my version' }));
    expect(await screen.findByText('Conflict resolved. The version you chose is saved on this device and will sync.')).toBeInTheDocument();
    expect(await screen.findByText('There are no conflicts on this device.')).toBeInTheDocument();
    expect(await db.outbox.where('recordId').equals('v1').first()).toMatchObject({ baseRev: 1 });
  });

  it('"Edit a merged version" opens a box per differing text field, starting from mine', async () => {
    const user = userEvent.setup();
    await conflict();
    renderApp('/conflicts/v1');
    await user.click(await screen.findByRole('button', { name: 'Edit a merged version' }, { timeout: 5_000 }));
    const box = screen.getByLabelText('What happened');
    expect(box).toHaveValue('My summary');
    expect(screen.getByText('Their version: Their summary')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'Both summaries together');
    await user.click(screen.getByRole('button', { name: 'Save merged version' }));

    await screen.findByText('There are no conflicts on this device.');
    const record = await getRecord<ReturnType<typeof body>>('v1');
    expect(record?.body.note).toEqual(body('Both summaries together', '2025-06-04T10:00:00Z').note);
    await pushChanges({ transport: server.transport });
    expect(server.records.get('v1')?.body).toEqual(record?.body);
  });
});
