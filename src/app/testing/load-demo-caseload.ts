import { saveBlob, saveRecords, setSealedMeta, type RecordInput } from '../device/db';
import { demoCaseload, type DemoCaseload } from '../../shared/demo/demo-caseload';

/**
 * Fills this (test) device with the invented demo caseload, sealed like everything else, as a
 * device signed in to the demo team has it after its first sync: each record with the status
 * the server gives it (a manager's sign-off or return included). A real device gets it from
 * the server, which seeds it on first start. Returns what it loaded.
 */
export async function loadDemoCaseload(now = new Date()): Promise<DemoCaseload> {
  const demo = demoCaseload(now);
  const inputs: RecordInput[] = [
    ...demo.children.map((child) => ({ id: child.id, type: 'child' as const, status: 'submitted' as const, body: child })),
    ...demo.records.map((record) => ({ id: record.id, type: record.type, status: record.review?.action ?? record.status, body: record.body })),
  ];
  await saveRecords(inputs);
  // The direct work's drawing, as the device that took it keeps it (or one that downloaded it).
  for (const record of demo.records) {
    if (record.type !== 'direct-work') continue;
    for (const [index, photo] of record.body.photos.entries()) {
      const bytes = record.photoBytes?.[index];
      if (bytes) await saveBlob(record.id, photo.blobId, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: photo.contentType }));
    }
  }
  await setSealedMeta('practitioner', demo.practitioner);
  return demo;
}
