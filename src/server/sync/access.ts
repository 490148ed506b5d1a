import type { RecordStatus, RecordType } from '../../shared/sync/index.ts';
import type { UserRow } from '../accounts/accounts-store.ts';
import type { Queryable } from '../storage/storage.ts';

/**
 * Who may see and write which records (invariant 5: every read and write authorised by role
 * and team).
 * - practitioner: their team's records, except observations: only those about them.
 * - observer: observations only — those they wrote and those about them.
 * - manager: their team's records, and observations about anyone in their team.
 * - admin: no case records (manages users and teams).
 * The SQL below and the checks after it must say the same thing; the authorisation matrix
 * test holds both to it.
 */
export function visibleRecordsSql(user: UserRow, alias: string, param: (value: unknown) => string): string {
  const r = alias;
  // Only the parameters a role's condition uses are added: PostgreSQL refuses unused ones.
  const userParam = () => `${param(user.id)}::uuid`;
  const teamParam = () => `${param(user.team_id)}::uuid`;
  switch (user.role) {
    case 'practitioner':
      return `(${r}.team_id = ${teamParam()} and (${r}.type <> 'observation' or ${r}.observed_practitioner_id = ${userParam()}))`;
    case 'observer':
      return `(${r}.type = 'observation' and (${r}.created_by = ${userParam()} or ${r}.observed_practitioner_id = ${userParam()}))`;
    case 'manager':
      return `(${r}.team_id = ${teamParam()} or (${r}.type = 'observation' and ${r}.observed_practitioner_id in
                (select id from users where team_id = ${teamParam()})))`;
    case 'admin':
      return 'false';
  }
}

export interface RecordAccessRow {
  type: RecordType;
  team_id: string;
  created_by: string;
  observed_practitioner_id: string | null;
}

export async function maySee(db: Queryable, user: UserRow, row: RecordAccessRow): Promise<boolean> {
  switch (user.role) {
    case 'practitioner':
      return row.team_id === user.team_id && (row.type !== 'observation' || row.observed_practitioner_id === user.id);
    case 'observer':
      return row.type === 'observation' && (row.created_by === user.id || row.observed_practitioner_id === user.id);
    case 'manager': {
      if (row.team_id === user.team_id) return true;
      if (row.type !== 'observation' || !row.observed_practitioner_id) return false;
      const { rows } = await db.query('select 1 from users where id = $1 and team_id = $2', [
        row.observed_practitioner_id,
        user.team_id,
      ]);
      return rows.length > 0;
    }
    case 'admin':
      return false;
  }
}

/** May change a record they can see: only within its team, and observers only their own. */
export function mayEdit(user: UserRow, row: RecordAccessRow): boolean {
  switch (user.role) {
    case 'practitioner':
      return row.team_id === user.team_id && row.type !== 'observation';
    case 'observer':
      return row.type === 'observation' && row.created_by === user.id;
    case 'manager':
      return row.team_id === user.team_id;
    case 'admin':
      return false;
  }
}

const CREATABLE: Record<UserRow['role'], readonly RecordType[]> = {
  practitioner: ['child', 'visit', 'direct-work', 'addendum'],
  observer: ['observation'],
  manager: ['child', 'visit', 'direct-work', 'observation', 'addendum'],
  admin: [],
};

export const mayCreate = (user: UserRow, type: RecordType) => CREATABLE[user.role].includes(type);

/** Invariant 3: only a manager of the record's team signs off or returns a record. */
export const mayReview = (user: UserRow, row: Pick<RecordAccessRow, 'team_id'>) =>
  user.role === 'manager' && row.team_id === user.team_id;

/** A status that only a manager's review sets (not child records). */
export const isReviewStatus = (status: RecordStatus): status is 'signed-off' | 'returned' =>
  status === 'signed-off' || status === 'returned';
