import { v7 as uuidv7 } from 'uuid';
import { demoCaseload } from '../../shared/demo/demo-caseload.ts';
import type { Mutation } from '../../shared/sync/index.ts';
import { findUserByEmail } from '../accounts/accounts-store.ts';
import { DEMO_ACCOUNTS } from '../accounts/demo-accounts.ts';
import type { Storage } from '../storage/storage.ts';
import { applyMutation } from '../sync/apply-mutation.ts';

const DEMO_PRACTITIONER = DEMO_ACCOUNTS.find((account) => account.role === 'practitioner')!.email;

/**
 * Gives the demo practitioner the invented demo caseload (src/shared/demo), written through the
 * same path as a device's push, so it is authorised, ordered and synced like any other record:
 * every device signed in to the demo team pulls it on its first sync. Run right after the demo
 * accounts are seeded; does nothing when there is no demo practitioner or they have records
 * already. Returns how many records it wrote.
 */
export async function seedDemoCaseload(storage: Storage, now = new Date()): Promise<number> {
  const practitioner = await findUserByEmail(storage, DEMO_PRACTITIONER);
  if (!practitioner) return 0;
  const existing = await storage.query('select 1 from records where created_by = $1 limit 1', [practitioner.id]);
  if (existing.rows.length > 0) return 0;

  const demo = demoCaseload(now);
  const mutations: Mutation[] = [
    ...demo.children.map((child) => created('child', child.id, 'submitted', child)),
    ...demo.visits.map((visit) =>
      created('visit', visit.contact.id, visit.contact.completedAt ? 'submitted' : 'draft', { ...visit }),
    ),
  ];
  let written = 0;
  for (const mutation of mutations) {
    const result = await applyMutation(storage, practitioner, mutation);
    if (result.status !== 'applied') throw new Error(`The demo ${mutation.recordType} record was not accepted (${result.status})`);
    written++;
  }
  return written;
}

function created(
  recordType: Mutation['recordType'],
  recordId: string,
  status: Mutation['record']['status'],
  body: Record<string, unknown>,
): Mutation {
  return { mutationId: uuidv7(), recordId, recordType, baseRev: null, record: { status, body } };
}
