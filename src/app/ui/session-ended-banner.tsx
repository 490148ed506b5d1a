import { Link } from 'react-router';
import { NotificationBanner } from './notification-banner';
import { useConnectivity } from '../device/stores/connectivity-store';
import { useSyncState } from '../device/sync';

export const SESSION_ENDED = 'Your session has ended. Sign in again to sync — your work on this device is safe';

/** Shown on every page once the session has ended (401 or expiry), while online. */
export function SessionEndedBanner() {
  const ended = useSyncState((state) => state.status === 'signed-out' && state.signedOutReason === 'session-ended');
  const online = useConnectivity((state) => state.online);
  if (!ended || !online) return null;
  return (
    <NotificationBanner title="Important">
      <p className="govuk-notification-banner__heading">{SESSION_ENDED}</p>
      <p className="govuk-body">
        <Link className="govuk-notification-banner__link" to="/sign-in">
          Sign in again
        </Link>
      </p>
    </NotificationBanner>
  );
}
