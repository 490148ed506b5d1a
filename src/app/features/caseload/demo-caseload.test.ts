import { beforeEach, describe, expect, it } from 'vitest';
import { getSealedMeta, listRecords } from '../../device/db';
import { loadDemoCaseload } from '../../testing/load-demo-caseload';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { caseloadView, readDeviceCaseload } from '../../records/caseload/build-caseload';

// The demo's dates are relative to when it is loaded, but the rules count working days: Elowen's
// note, 9 days old, is only past its 5-working-day deadline when no bank holiday falls in those
// days (around Easter, Christmas or a bank holiday Monday it is only due soon). So load and
// evaluate it on an ordinary Tuesday, with no bank holiday in the weeks before.
const NOW = new Date('2026-03-10T10:00:00Z');

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
});

describe('the demo caseload', () => {
  it('has nine invented children and their practitioner', async () => {
    await loadDemoCaseload(NOW);
    expect(await listRecords('child')).toHaveLength(9);
    expect(await getSealedMeta('practitioner')).toMatchObject({ name: 'Alex Rowntree (demo)' });
  });

  it.each(['redcar-cleveland', 'middlesbrough'])('gives an overdue visit, a late note and an observation due under %s', async (policy) => {
    await loadDemoCaseload(NOW);
    const view = caseloadView(await readDeviceCaseload(), policy, NOW);
    expect(view.children[0]?.visitWarnings[0]?.code).toBe('VISIT_OVERDUE');
    expect(view.children.find((c) => c.name === 'Tamsin Ellery')?.visitWarnings[0]?.code).toBe('VISIT_OVERDUE');
    expect(view.notes.map((w) => w.code)).toContain('RECORDING_OVERDUE');
    expect(view.observations.map((w) => w.code)).toContain('OBSERVATION_DUE');
  });
});
