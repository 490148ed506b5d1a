import { useEffect } from 'react';
import { useDeviceLockStatus } from '../lock/use-device-lock-status';
import { appScheduler, loadAccount, loadLastSuccess, sessionIsCurrent, useAccount, useSyncState } from '.';

// setTimeout holds at most 2^31 - 1 ms (about 24.8 days).
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * Runs the sync engine while the device is unlocked and the session is current: reads the
 * sealed account after each unlock, starts the scheduler, stops it on lock, and says
 * "signed out" when the session expires (local work is untouched). An admin's device does not
 * sync: admins manage users and teams and never hold case records (the server refuses them).
 */
export function useSyncEngine(): void {
  const unlocked = useDeviceLockStatus() === 'unlocked';
  const account = useAccount((state) => state.account);

  useEffect(() => {
    void loadLastSuccess().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!unlocked) {
      useAccount.setState({ account: undefined });
      return;
    }
    loadAccount().catch((error: unknown) => console.error('Could not read the signed-in account', error));
  }, [unlocked]);

  useEffect(() => {
    if (!unlocked || account === undefined) return;
    if (!sessionIsCurrent(account)) {
      useSyncState.setState({ status: 'signed-out', signedOutReason: account ? 'session-ended' : 'never' });
      return;
    }
    if (account?.user.role === 'admin') return;
    const state = useSyncState.getState();
    if (state.status === 'signed-out' && state.signedOutReason !== 'session-ended') useSyncState.setState({ status: 'idle', signedOutReason: null });
    const scheduler = appScheduler();
    scheduler.start();
    const expiry = setTimeout(
      () => useSyncState.setState({ status: 'signed-out', signedOutReason: 'session-ended' }),
      Math.min(MAX_TIMEOUT, Date.parse(account.expiresAt) - Date.now()),
    );
    return () => {
      clearTimeout(expiry);
      scheduler.stop();
    };
  }, [unlocked, account]);
}
