import { installDeviceSession, installedDeviceSession } from './device-session';
import type { KeyEscrowPort } from './key-escrow';
import { createSessionKey, type SessionKey } from './session-key';
import { metaStore } from '../db/meta-store';

/**
 * The key escrow through the app's sync transport. Imported when first used: the sync layer
 * imports the db layer, which imports this module.
 */
const appKeyEscrow: KeyEscrowPort = {
  async deposit(deviceId, wrappedKey) {
    const { appTransport } = await import('../sync/app-sync');
    const transport = appTransport();
    if (!transport.putKeyEscrow) throw new Error('This transport has no key escrow');
    await transport.putKeyEscrow(deviceId, wrappedKey);
  },
  async fetch(deviceId) {
    const { appTransport } = await import('../sync/app-sync');
    const transport = appTransport();
    if (!transport.getKeyEscrow) throw new Error('This transport has no key escrow');
    return transport.getKeyEscrow(deviceId);
  },
};

/** The device's lock session over the meta table, made on first use. */
export function deviceSession(): SessionKey {
  const installed = installedDeviceSession();
  if (installed) return installed;
  const session = createSessionKey({ store: metaStore, escrow: appKeyEscrow });
  installDeviceSession(session);
  return session;
}
