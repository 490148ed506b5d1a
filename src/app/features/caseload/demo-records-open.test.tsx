import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoCaseload, type DemoRecord } from '../../../shared/demo/demo-caseload';
import { DEMO_DRAWING_ALT } from '../../../shared/demo/demo-drawing';
import { RECORD_KINDS, recordPath } from '../../records/record-kinds';
import { eventually, holdTheDate } from '../../testing/clock';
import { loadDemoCaseload } from '../../testing/load-demo-caseload';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { MANAGER_SESSION, signedInAs } from '../../testing/sign-off-test-data';

// Issue 12 item 1: every demo record opens in its own form or read view, like a record a
// practitioner wrote on this device. An ordinary Tuesday, so the dates read the same every run.
const NOW = Date.parse('2026-03-10T10:00:00Z');

beforeEach(async () => {
  holdTheDate(NOW);
  await resetDatabase();
  await unlockTestDevice();
});

/** Who a record is about, as its page names them: the children, or the observed practitioner. */
function namesOn(record: DemoRecord, demo: ReturnType<typeof demoCaseload>): string[] {
  const childName = (id: string) => demo.children.find((c) => c.id === id)!.name!;
  switch (record.type) {
    case 'visit':
      return record.body.contact.children.map((c) => childName(c.childId));
    case 'direct-work':
      return record.body.childIds.map(childName);
    case 'observation':
      return [record.body.practitionerName];
    case 'addendum': {
      const parent = demo.records.find((r) => r.id === record.body.parentId)!;
      return namesOn(parent, demo);
    }
  }
}

/** A piece of what the author wrote: the review page must show the record, not an empty one. */
function whatWasRecorded(record: DemoRecord): string {
  switch (record.type) {
    case 'visit':
      return record.body.note.whatHappened;
    case 'direct-work':
      return record.body.analysis;
    case 'observation':
      return record.body.record;
    case 'addendum':
      return record.body.text;
  }
}

const described = demoCaseload(new Date(NOW)).records.map((record, index) => ({
  index,
  what: `${RECORD_KINDS[record.type].name.toLowerCase()} (${record.review?.action ?? record.status})`,
}));

describe('every demo record opens in its own form or read view', () => {
  for (const { index, what } of described) it(`demo record ${index + 1}, ${what}`, async () => {
    const demo = await loadDemoCaseload(new Date(NOW));
    const record = demo.records[index]!;
    renderApp(recordPath(record));
    // The page reads the record and the children from the device: wait until it shows them.
    for (const name of namesOn(record, demo)) await eventually(() => expect(document.body).toHaveTextContent(name), 3_000);
    expect(screen.getByRole('heading', { level: 1 })).toBeVisible();
    expect(document.body).not.toHaveTextContent(/cannot be opened|not in a form|not found/i);
    // The direct work's drawing shows, read from this device like a photo taken on it.
    if (record.type === 'direct-work') await eventually(() => expect(screen.getByRole('img', { name: DEMO_DRAWING_ALT })).toBeVisible(), 3_000);
  });
});

describe('every demo record waiting for sign-off opens for the demo manager, with what was recorded', () => {
  const waiting = described.filter(({ index }) => {
    const record = demoCaseload(new Date(NOW)).records[index]!;
    return record.status === 'submitted' && !record.review;
  });
  for (const { index, what } of waiting) it(`demo record ${index + 1}, ${what}`, async () => {
    await signedInAs(MANAGER_SESSION);
    const demo = await loadDemoCaseload(new Date(NOW));
    const record = demo.records[index]!;
    renderApp(`/sign-off/${record.id}`);
    for (const name of namesOn(record, demo)) await eventually(() => expect(document.body).toHaveTextContent(name), 3_000);
    // The note itself, not an empty record.
    expect(document.body).toHaveTextContent(whatWasRecorded(record));
    expect(document.body).not.toHaveTextContent(/cannot be opened|not in a form|not found/i);
  });
});
