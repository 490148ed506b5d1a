import type { DevicePinPolicy } from '../../../shared/sync/index.ts';
import { getPinKind } from '../lock/lock-settings';
import { getTeam } from './team';
import type { SyncTransport } from './transport';

/**
 * The team's rule for device PINs, asked of the server at PIN set-up (just signed in, online).
 * 'pin-6' when it cannot be asked: the team reply stored after the first sync carries the rule,
 * and a device with a PIN the rule forbids is asked to change it at its next unlock.
 */
export async function fetchPinPolicy(transport: SyncTransport): Promise<DevicePinPolicy> {
  try {
    return (await transport.team?.())?.devicePinPolicy ?? 'pin-6';
  } catch {
    return 'pin-6';
  }
}

/** Unlocked only (the team is sealed): the team requires a passphrase and this device has a PIN. */
export async function pinChangeRequired(): Promise<boolean> {
  const [kind, team] = await Promise.all([getPinKind(), getTeam()]);
  return team?.devicePinPolicy === 'passphrase' && kind === 'digits';
}
