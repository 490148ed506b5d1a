import type { TeamMember } from '../../../shared/sync/index.ts';
import type { LocalRecord } from '../../device/db';
import type { Account } from '../../device/sync';

/** The group for records whose author this device cannot tell. */
export const UNKNOWN_AUTHOR = 'unknown';
/** The signed-in user's key on a device that was never signed in (older devices, tests). */
export const THIS_DEVICE = 'this-device';

/** Who wrote what, as far as this device can tell, and what to call each author. */
export interface Authorship {
  /** Author key of each child and visit record, by record id. */
  byRecordId: Map<string, string>;
  /** Display name of each author key, in the order the dashboard lists them. */
  names: Map<string, string>;
}

/** What the device keeps of a record that can tell its author. */
export type AuthoredRecord = Pick<LocalRecord, 'id' | 'localVersion' | 'createdBy'>;

/** Gives an author key for a record, or null when the device cannot tell. */
export type AuthorOf = (record: AuthoredRecord, ownKey: string) => string | null;

/**
 * The device's own answer: the server's `createdBy` (a user id), kept on every record pulled
 * since the device started keeping it. A record created on this device and not pulled back yet
 * has none and is the signed-in user's (localVersion above 0); a record pulled before the
 * device kept `createdBy`, and never edited here, is not known.
 */
export const deviceAuthorOf: AuthorOf = (record, ownKey) => record.createdBy ?? (record.localVersion > 0 ? ownKey : null);

export interface AuthorshipOptions {
  /** The team as the server last gave it (sync/team.ts): names for the other authors. */
  team?: readonly Pick<TeamMember, 'id' | 'name'>[] | undefined;
  authorOf?: AuthorOf;
}

/**
 * Groups records by author. The signed-in user comes first under their own name; then the
 * other authors the team names, by name; then any author the device has no name for (someone
 * who left the team, or a team not fetched yet) as "Practitioner 1", "Practitioner 2"… in the
 * order of their keys so the numbering is stable; records with no known author come last.
 */
export function authorshipOf(
  records: readonly AuthoredRecord[],
  account: Account | null | undefined,
  { team, authorOf = deviceAuthorOf }: AuthorshipOptions = {},
): Authorship {
  const ownKey = account?.user.id ?? THIS_DEVICE;
  const byRecordId = new Map<string, string>();
  for (const record of records) byRecordId.set(record.id, authorOf(record, ownKey) ?? UNKNOWN_AUTHOR);

  const keys = new Set(byRecordId.values());
  const teamNames = new Map((team ?? []).map((member) => [member.id, member.name]));
  const names = new Map<string, string>();
  if (keys.has(ownKey)) names.set(ownKey, account ? `${account.user.name} (you)` : 'You (this device)');
  const others = [...keys].filter((key) => key !== ownKey && key !== UNKNOWN_AUTHOR);
  const named = others.filter((key) => teamNames.has(key));
  named.sort((a, b) => teamNames.get(a)!.localeCompare(teamNames.get(b)!, 'en-GB') || a.localeCompare(b));
  for (const key of named) names.set(key, teamNames.get(key)!);
  const unnamed = others.filter((key) => !teamNames.has(key)).sort();
  unnamed.forEach((key, i) => names.set(key, `Practitioner ${i + 1}`));
  if (keys.has(UNKNOWN_AUTHOR)) names.set(UNKNOWN_AUTHOR, 'Not known on this device');
  return { byRecordId, names };
}
