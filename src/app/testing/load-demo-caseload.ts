import { saveRecords, setSealedMeta, type RecordInput } from '../device/db';
import { demoCaseload } from '../../shared/demo/demo-caseload';

/**
 * Fills this (test) device with the invented demo caseload, sealed like everything else, as a
 * device signed in to the demo team has it after its first sync. A real device gets it from
 * the server, which seeds it on first start.
 */
export async function loadDemoCaseload(now = new Date()): Promise<void> {
  const demo = demoCaseload(now);
  const inputs: RecordInput[] = [
    ...demo.children.map((child) => ({ id: child.id, type: 'child' as const, status: 'submitted' as const, body: child })),
    ...demo.visits.map((visit) => ({
      id: visit.contact.id,
      type: 'visit' as const,
      status: visit.contact.completedAt ? ('submitted' as const) : ('draft' as const),
      body: visit,
    })),
  ];
  await saveRecords(inputs);
  await setSealedMeta('practitioner', demo.practitioner);
}
