import { useEffect, useLayoutEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigationType } from 'react-router';
import { Footer } from './ui/footer';
import { focusPageHeading, focusProgrammatically } from './ui/focus-page';
import { Header } from './ui/header';
import { ServiceNavigation, type NavigationItem } from './ui/service-navigation';
import { SkipLink } from './ui/skip-link';
import { LockGate } from './features/unlock/lock-gate';
import { useDeviceLockStatus } from './device/lock/use-device-lock-status';
import { LockNowButton } from './features/unlock/lock-now-button';
import { SessionEndedBanner } from './ui/session-ended-banner';
import { SignInGate } from './features/sign-in/sign-in-gate';
import { SyncHeaderLink } from './features/sync-status/sync-header-link';
import { useSyncEngine } from './device/sync/use-sync-engine';
import { useAccount } from './device/sync';
import { UpdateBanner } from './ui/update-banner';
import { watchConnectivity } from './device/stores/connectivity-store';

export const navigation: NavigationItem[] = [
  { to: '/', text: 'Caseload', section: ['/children/:childId'] },
  { to: '/visits/new', text: 'New visit' },
  { to: '/direct-work/new', text: 'Direct work' },
  { to: '/observations/new', text: 'Observation' },
  { to: '/sign-off', text: 'Sign-off' },
  { to: '/settings', text: 'Settings' },
  { to: '/drafts', text: 'Drafts' },
  { to: '/dashboard', text: 'Team dashboard' },
];

/** Only an admin's navigation links to the audit trail (the server refuses anyone else). */
export const adminNavigation: NavigationItem[] = [...navigation, { to: '/audit', text: 'Audit trail' }];

export function Layout() {
  useEffect(() => watchConnectivity(), []);
  useFocusHeadingOnNavigation();
  useSyncEngine();
  const unlocked = useDeviceLockStatus() === 'unlocked';
  const isAdmin = useAccount((state) => state.account?.user.role === 'admin');
  return (
    <>
      <SkipLink />
      <Header
        actions={
          unlocked ? (
            <>
              <SyncHeaderLink />
              <LockNowButton />
            </>
          ) : null
        }
      />
      {unlocked && <ServiceNavigation items={isAdmin ? adminNavigation : navigation} />}
      <div className="govuk-width-container">
        <div className="doorstep-banners">
          <UpdateBanner />
          {unlocked && <SessionEndedBanner />}
        </div>
        <main className="govuk-main-wrapper" id="main-content">
          <SignInGate>
            <LockGate>
              <Outlet />
            </LockGate>
          </SignInGate>
        </main>
      </div>
      <Footer />
      <ScrollRestoration />
    </>
  );
}

/**
 * A single-page app does not announce a new page by itself: after a route change, focus
 * moves to the new page's h1 (or to main) so screen readers read where the user is. Not after
 * a replace: that is the same page under its new address (a form's first save puts the
 * record's id in it), and the user must stay in the field they are typing in.
 */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const firstRender = useRef(true);
  // A layout effect: focus moves in the same commit the new page appears, before it is painted.
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (navigationType === 'REPLACE') return;
    if (focusPageHeading()) return;
    const main = document.getElementById('main-content');
    if (main) focusProgrammatically(main);
  }, [pathname]);
}
