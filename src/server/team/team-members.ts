import type { TeamMember } from '../../shared/sync/index.ts';
import type { Queryable } from '../storage/storage.ts';

/**
 * The members of a user's team (the user included), by name then id; a user with no team (an
 * admin) gets only their own entry. Emails and password hashes are never selected.
 */
export async function listTeamMembers(db: Queryable, user: { id: string; team_id: string | null }): Promise<TeamMember[]> {
  const { rows } = await db.query<{ id: string; name: string; role: TeamMember['role']; line_manager_id: string | null; started_at: string | null }>(
    `select u.id, u.name, u.role, u.line_manager_id,
       to_char(u.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as started_at
     from users u
     where ($1::uuid is not null and u.team_id = $1::uuid) or u.id = $2::uuid
     order by u.name, u.id`,
    [user.team_id, user.id],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    lineManagerId: row.line_manager_id,
    startedAt: row.started_at,
  }));
}
