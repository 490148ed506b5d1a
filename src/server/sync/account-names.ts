import type { Queryable } from '../storage/storage.ts';

/**
 * Names of people in an observation body come from accounts, not from the device (issue 11
 * item 9): a pushed "Morgan Ashby (forged)" is replaced before it is stored.
 *
 * Replaced rather than refused: drafts are pushed as they are typed, so refusing a name that
 * differs from the account would refuse every half-typed draft, and the account is the one
 * source of a person's name either way. What is stored is then what every reader sees.
 *
 * - observerName: the observer is who wrote the observation, the record's author (the pusher
 *   for a new record), whatever name or staff id the form holds.
 * - practitionerName: the name of the account practitionerId names when it is a user of the
 *   author's team (chosen from the team list); a practitioner typed in as "someone not listed"
 *   has no account, and their typed name stays.
 */
export async function withAccountNames(
  db: Queryable,
  body: Record<string, unknown>,
  authorId: string,
): Promise<Record<string, unknown>> {
  const named = { ...body };
  if ('observerName' in body) {
    const author = await db.query<{ name: string }>('select name from users where id = $1', [authorId]);
    named.observerName = author.rows[0]?.name ?? '';
  }
  const practitionerId = typeof body.practitionerId === 'string' ? body.practitionerId.trim() : '';
  if ('practitionerName' in body && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(practitionerId)) {
    const practitioner = await db.query<{ name: string }>(
      `select p.name from users p join users a on a.team_id = p.team_id where p.id = $1::uuid and a.id = $2::uuid`,
      [practitionerId, authorId],
    );
    if (practitioner.rows[0]) named.practitionerName = practitioner.rows[0].name;
  }
  return named;
}
