import { installDeviceSession, installedDeviceSession } from './device-session';
import { createSessionKey, type SessionKey } from './session-key';
import { metaStore } from '../db/meta-store';

/** The device's lock session over the meta table, made on first use. */
export function deviceSession(): SessionKey {
  const installed = installedDeviceSession();
  if (installed) return installed;
  const session = createSessionKey({ store: metaStore });
  installDeviceSession(session);
  return session;
}
