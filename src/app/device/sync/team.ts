import { getSealedMeta, setSealedMeta } from '../db';
import type { PractitionerBody } from '../../../shared/model/record-bodies.ts';
import type { TeamMember, TeamResponse } from '../../../shared/sync/index.ts';
import { ACCOUNT_KEY, type Account } from './account';
import { OfflineError } from './errors';
import type { SyncTransport } from './transport';

/** Meta key of the team as the server last gave it (sealed: names are personal data). */
export const TEAM_KEY = 'team';
/** Meta key of the signed-in practitioner's own profile, read by the caseload's rules (§6). */
export const PRACTITIONER_KEY = 'practitioner';

/** The team as kept on the device. */
export type StoredTeam = TeamResponse;

export type TeamRefresh = 'stored' | 'unchanged' | 'skipped' | 'failed';

/** The team kept on this device, or undefined when it has never been fetched. */
export async function getTeam(): Promise<StoredTeam | undefined> {
  return getSealedMeta<StoredTeam>(TEAM_KEY);
}

/**
 * After a pull: asks the server who is in the team and keeps it sealed in meta, and keeps the
 * signed-in practitioner's own profile (`practitioner`: id, name, startedAt, lineManagerId) when
 * the server knows their start date, so the caseload can tell when their practice observation
 * is due. Never fails the round: offline, a refusal, an old server without /api/team or a bad
 * reply leave what the device had. Sealed values are rewritten only when they changed, so the
 * live queries over meta do not re-run after every round.
 */
export async function refreshTeam(transport: SyncTransport): Promise<TeamRefresh> {
  if (!transport.team) return 'skipped';
  try {
    const team = await transport.team();
    const [storedTeam, account] = await Promise.all([getTeam(), getSealedMeta<Account>(ACCOUNT_KEY)]);
    let changed = false;
    if (!sameJson(storedTeam, team)) {
      await setSealedMeta<StoredTeam>(TEAM_KEY, team);
      changed = true;
    }
    const me = account ? team.members.find((member) => member.id === account.user.id) : undefined;
    const profile = me && practitionerProfileOf(me);
    if (profile) {
      const storedProfile = await getSealedMeta<PractitionerBody>(PRACTITIONER_KEY);
      if (!sameJson(storedProfile, profile)) {
        await setSealedMeta<PractitionerBody>(PRACTITIONER_KEY, profile);
        changed = true;
      }
    }
    return changed ? 'stored' : 'unchanged';
  } catch (error) {
    // No names or content in the message: only what kind of failure it was.
    if (!(error instanceof OfflineError)) console.warn(`The team could not be refreshed (${errorName(error)}); it will be tried again next sync`);
    return 'failed';
  }
}

/**
 * A member as the rules' practitioner (practice-rules §6), when they are a practitioner and the
 * server knows when they started in post; otherwise undefined (no observation can be worked out).
 */
export function practitionerProfileOf(member: TeamMember): PractitionerBody | undefined {
  if (member.role !== 'practitioner' || member.startedAt === null) return undefined;
  return { id: member.id, name: member.name, startedAt: member.startedAt, lineManagerId: member.lineManagerId };
}

function sameJson(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}
