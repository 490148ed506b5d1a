import type { DevicePinPolicy } from '../../shared/sync/index.ts';
import type { Queryable } from '../storage/storage.ts';

/** A team's rule for device PINs; 'pin-6' for a user with no team (an admin). */
export async function teamPinPolicy(db: Queryable, teamId: string | null): Promise<DevicePinPolicy> {
  if (teamId === null) return 'pin-6';
  const { rows } = await db.query<{ device_pin_policy: DevicePinPolicy }>('select device_pin_policy from teams where id = $1', [teamId]);
  return rows[0]?.device_pin_policy ?? 'pin-6';
}

export async function setTeamPinPolicy(db: Queryable, teamId: string, policy: DevicePinPolicy): Promise<void> {
  await db.query('update teams set device_pin_policy = $2 where id = $1', [teamId, policy]);
}
