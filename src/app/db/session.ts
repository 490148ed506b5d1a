import { installDeviceSession, installedDeviceSession } from '../lock/device-session';
import { createSessionKey, type SessionKey } from '../lock/session-key';
import { metaStore } from './meta-store';

/** The device's lock session over the meta table, made on first use. */
export function deviceSession(): SessionKey {
  const installed = installedDeviceSession();
  if (installed) return installed;
  const session = createSessionKey({ store: metaStore });
  installDeviceSession(session);
  return session;
}
