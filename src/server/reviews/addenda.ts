import type { MutationResult } from '../../shared/sync/index.ts';
import type { UserRow } from '../accounts/accounts-store.ts';
import type { Queryable } from '../storage/storage.ts';
import { maySee, type RecordAccessRow } from '../sync/access.ts';

type Reject = (code: Extract<MutationResult, { status: 'rejected' }>['code'], reason: string) => never;

/**
 * Invariant 3: a signed-off record never changes; a correction is an addendum to it. So an
 * addendum's parent must be signed off and visible to its writer, and an addendum stays with
 * the record it was written for. (The body's shape was checked already: parentId is a string.)
 */
export async function checkAddendum(
  tx: Queryable,
  user: UserRow,
  body: Record<string, unknown>,
  earlierParentId: string | null | undefined,
  reject: Reject,
): Promise<void> {
  const parentId = body.parentId as string;
  if (earlierParentId !== undefined && parentId !== earlierParentId) {
    reject('schema', 'An addendum stays with the record it was written for: write a new addendum instead');
  }
  const { rows } = await tx.query<RecordAccessRow & { status: string }>(
    'select type, status, team_id, created_by, observed_practitioner_id from records where id = $1',
    [parentId],
  );
  const parent = rows[0];
  // The same answer for a record that does not exist and one not shown to this user.
  if (!parent || !(await maySee(tx, user, parent))) reject('permission', 'This addendum is for a record you cannot see');
  if (parent.status !== 'signed-off') {
    reject('schema', 'An addendum can only be added to a signed-off record: change the record itself instead');
  }
}
