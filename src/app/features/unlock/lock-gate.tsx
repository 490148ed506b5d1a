import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { focusPageHeading } from '../../ui/focus-page';
import { deviceSession, sealPlaintextRecords } from '../../device/db';
import { pinChangeRequired, useAccount } from '../../device/sync';
import { ChangeToPassphrasePage } from './change-to-passphrase-page';
import { createIdleLock, type IdleLock } from '../../device/lock/idle-lock';
import { useDeviceLockStatus } from '../../device/lock/use-device-lock-status';
import { lockDevice } from '../../device/lock/lock-device';
import { getLockAfterMinutes } from '../../device/lock/lock-settings';
import { SetUpPinPage } from './set-up-pin-page';
import { UnlockPage } from './unlock-page';

/**
 * Shows the app only while the device is unlocked: on first run the PIN set-up page, after a
 * reload or a lock the unlock page. Nothing here needs the network.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const status = useDeviceLockStatus();
  const vault = useLiveQuery(async () => ({ hasPin: await deviceSession().hasPin(), erased: await deviceSession().isErased() }), []);
  const signedIn = useAccount((state) => state.pending !== null);
  // Read again on each unlock and whenever the kept team or PIN kind changes.
  const mustChange = useLiveQuery(() => (status === 'unlocked' ? pinChangeRequired() : false), [status]);
  const view =
    status === 'unlocked'
      ? mustChange
        ? 'change-pin'
        : 'app'
      : vault === undefined
        ? 'checking'
        : vault.erased
          ? signedIn
            ? 'recover'
            : 'checking' // the sign-in gate asks for the sign-in first
          : vault.hasPin
            ? 'unlock'
            : 'set-up';

  useIdleLock(status === 'unlocked');
  useFocusHeadingWhenViewChanges(view);
  useEffect(() => {
    if (status !== 'unlocked') return;
    sealPlaintextRecords().catch((error: unknown) => console.error('Could not seal older records', error));
  }, [status]);

  if (view === 'app') return children;
  if (view === 'change-pin') return <ChangeToPassphrasePage />;
  if (view === 'recover') return <SetUpPinPage recover />;
  if (view === 'set-up') return <SetUpPinPage />;
  if (view === 'unlock') return <UnlockPage />;
  return null;
}

/** Locks after the "Lock after" setting with no one using the app; started on each unlock. */
function useIdleLock(active: boolean) {
  const minutes = useLiveQuery(getLockAfterMinutes, []);
  const idle = useRef<IdleLock | null>(null);
  useEffect(() => {
    if (!active) return;
    const lock = createIdleLock({ onLock: () => void lockDevice() });
    idle.current = lock;
    lock.start();
    return () => {
      lock.stop();
      idle.current = null;
    };
  }, [active]);
  useEffect(() => {
    if (active && minutes !== undefined) idle.current?.setTimeoutMinutes(minutes);
  }, [active, minutes]);
}

/** Locking or unlocking swaps the whole page: move focus to its heading, as a navigation would. */
function useFocusHeadingWhenViewChanges(view: string) {
  // The last page shown, not counting 'checking': "Lock now" pressed before the PIN check had
  // answered goes app → checking → unlock, and that is still a new page.
  const shown = useRef(view);
  // A layout effect: focus moves in the same commit the page appears, before it is painted.
  useLayoutEffect(() => {
    if (view === 'checking') return;
    const changed = shown.current !== view && shown.current !== 'checking';
    shown.current = view;
    if (changed) focusPageHeading();
  }, [view]);
}
