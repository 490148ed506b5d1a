import { DeviceLockedError, type SessionKey } from './session-key';

/**
 * The one device session the data layer seals and opens with. Module-level, so db/ can reach
 * the data key without React; the app installs it once (db/session.ts) and tests replace it.
 */
let current: SessionKey | null = null;

export function installDeviceSession(session: SessionKey | null): void {
  if (current && current !== session) current.lock();
  current = session;
}

export function installedDeviceSession(): SessionKey | null {
  return current;
}

/** The data key while the device is unlocked. Throws DeviceLockedError when locked. */
export function currentDataKey(): CryptoKey {
  if (!current) throw new DeviceLockedError();
  return current.dataKey();
}
