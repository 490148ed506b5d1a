import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { demoCaseload, type DemoRecord } from '../../shared/demo/demo-caseload.ts';
import { contentHash, type Mutation } from '../../shared/sync/index.ts';
import { findUserByEmail, type UserRow } from '../accounts/accounts-store.ts';
import { DEMO_ACCOUNTS } from '../accounts/demo-accounts.ts';
import { storeBlob } from '../blobs/blob-store.ts';
import type { Storage } from '../storage/storage.ts';
import { applyMutation } from '../sync/apply-mutation.ts';

const demoEmail = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!.email;

/**
 * Gives the demo practitioner the invented demo caseload (src/shared/demo), written through the
 * same path as a device's push, so it is authorised, ordered and synced like any other record:
 * each record is pushed by its author (the observation by the demo observer), and the demo
 * manager's sign-offs and returns are pushed as a manager's device pushes them (the exact
 * revision read, with its content hash). Every device signed in to the demo team pulls it on
 * its first sync. Run right after the demo accounts are seeded; does nothing when a demo
 * account is missing or the practitioner has records already. Returns how many records it wrote.
 */
export async function seedDemoCaseload(storage: Storage, now = new Date()): Promise<number> {
  const [practitioner, observer, manager] = await Promise.all(
    ['practitioner', 'observer', 'manager'].map((role) => findUserByEmail(storage, demoEmail(role))),
  );
  if (!practitioner || !observer || !manager) return 0;
  const existing = await storage.query('select 1 from records where created_by = $1 limit 1', [practitioner.id]);
  if (existing.rows.length > 0) return 0;

  const demo = demoCaseload(now, {
    practitioner: { id: practitioner.id, name: practitioner.name },
    observer: { id: observer.id, name: observer.name },
  });
  const apply = async (user: UserRow, mutation: Mutation) => {
    const result = await applyMutation(storage, user, mutation);
    if (result.status !== 'applied') throw new Error(`The demo ${mutation.recordType} record was not accepted (${result.status})`);
  };
  for (const child of demo.children) await apply(practitioner, created('child', child.id, 'submitted', child));
  for (const record of demo.records) {
    const author = record.author === 'observer' ? observer : practitioner;
    const mutation = created(record.type, record.id, record.status, record.body);
    if (record.type === 'observation') mutation.record.observedPractitionerId = practitioner.id;
    // The drawing is uploaded as the author's device uploads it, then named by the push.
    if (record.photoBytes) mutation.record.blobs = await uploaded(storage, author, record.photoBytes);
    await apply(author, mutation);
    if (record.review) await apply(manager, await reviewed(storage, record));
  }
  return demo.children.length + demo.records.length;
}

/** What PUT /api/blobs/:sha256 stores for the author's upload: the bytes under their SHA-256. */
async function uploaded(storage: Storage, author: UserRow, photos: Uint8Array[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const bytes of photos) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await storeBlob(storage, sha256, Buffer.from(bytes), author.id);
    hashes.push(sha256);
  }
  return hashes;
}

function created(recordType: Mutation['recordType'], recordId: string, status: Mutation['record']['status'], body: object): Mutation {
  return { mutationId: uuidv7(), recordId, recordType, baseRev: null, record: { status, body: { ...body } } };
}

/** The manager's review of the record as stored: its revision, its body and that body's hash. */
async function reviewed(storage: Storage, record: DemoRecord): Promise<Mutation> {
  const stored = (
    await storage.query<{ rev: number; body: Record<string, unknown>; observed: string | null }>(
      'select rev, body, observed_practitioner_id as observed from records where id = $1',
      [record.id],
    )
  ).rows[0]!;
  const review = record.review!;
  return {
    mutationId: uuidv7(),
    recordId: record.id,
    recordType: record.type,
    baseRev: stored.rev,
    record: {
      status: review.action,
      body: stored.body,
      ...(stored.observed ? { observedPractitionerId: stored.observed } : {}),
      review: { contentSha256: await contentHash(stored.body), ...(review.action === 'returned' ? { comment: review.comment } : {}) },
    },
  };
}
