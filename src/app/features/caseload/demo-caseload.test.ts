import { beforeEach, describe, expect, it } from 'vitest';
import { getSealedMeta, listRecords } from '../../db';
import { loadDemoCaseload } from '../../testing/load-demo-caseload';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { caseloadView, readDeviceCaseload } from './build-caseload';

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
});

describe('the demo caseload', () => {
  it('has eight invented children and their practitioner', async () => {
    await loadDemoCaseload();
    expect(await listRecords('child')).toHaveLength(8);
    expect(await getSealedMeta('practitioner')).toMatchObject({ name: 'Alex Rowntree (demo)' });
  });

  it.each(['redcar-cleveland', 'middlesbrough'])('gives an overdue visit, a late note and an observation due under %s', async (policy) => {
    await loadDemoCaseload();
    const view = caseloadView(await readDeviceCaseload(), policy, new Date());
    expect(view.children[0]?.visitWarnings[0]?.code).toBe('VISIT_OVERDUE');
    expect(view.children.find((c) => c.name === 'Tamsin Ellery')?.visitWarnings[0]?.code).toBe('VISIT_OVERDUE');
    expect(view.notes.map((w) => w.code)).toContain('RECORDING_OVERDUE');
    expect(view.observations.map((w) => w.code)).toContain('OBSERVATION_DUE');
  });
});
