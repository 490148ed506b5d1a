import { useEffect, useRef, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { focusPageHeading } from '../../ui/focus-page';
import { deviceSession } from '../../device/db';
import { useDeviceLockStatus } from '../../device/lock/use-device-lock-status';
import { useAccount } from '../../device/sync';
import { SignInPage } from './sign-in-page';

/**
 * First run: sign in (online) before the PIN set-up. Once a PIN exists the device never needs
 * the network to open: after that, an ended session only stops syncing.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const unlocked = useDeviceLockStatus() === 'unlocked';
  const hasPin = useLiveQuery(() => deviceSession().hasPin(), []);
  // Erased after too many wrong PINs: a sign-in (online) comes before the new PIN, as on first run.
  const erased = useLiveQuery(() => deviceSession().isErased(), []);
  const pending = useAccount((state) => state.pending);
  // Once past, stay past: locking must not unmount the lock gate while hasPin is re-read.
  const passed = useRef(false);
  if (unlocked || hasPin || pending) passed.current = true;
  const view =
    erased && !unlocked && !pending ? 'key-erased' : passed.current ? 'past' : hasPin === undefined ? 'checking' : 'sign-in';
  useFocusHeadingAfterSignIn(view);
  if (view === 'past') return children;
  if (view === 'sign-in') return <SignInPage firstRun />;
  if (view === 'key-erased') return <SignInPage keyErased />;
  return null;
}

function useFocusHeadingAfterSignIn(view: string) {
  const previous = useRef(view);
  useEffect(() => {
    const signedIn = previous.current === 'sign-in' && view === 'past';
    previous.current = view;
    if (!signedIn) return;
    // The next page (PIN set-up) may render a moment later, once the lock gate has read the
    // vault: focus its heading as soon as it is there.
    const main = document.getElementById('main-content');
    if (focusPageHeading() || !main) return;
    const observer = new MutationObserver(() => {
      if (focusPageHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 2_000);
    return () => {
      clearTimeout(stop);
      observer.disconnect();
    };
  }, [view]);
}
