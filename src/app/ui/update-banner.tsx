import { NotificationBanner } from './notification-banner';
import { useAppUpdate } from '../device/pwa/update-store';

/** Offers a waiting new version. The app never reloads until "Update now" is pressed. */
export function UpdateBanner() {
  const updateWaiting = useAppUpdate((state) => state.updateWaiting);
  const applyUpdate = useAppUpdate((state) => state.applyUpdate);
  if (!updateWaiting) return null;
  return (
    <NotificationBanner title="Update available">
      <p className="govuk-notification-banner__heading">A new version of Doorstep is ready.</p>
      <p className="govuk-body">Your work is saved on this device. Updating reloads the page.</p>
      <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => void applyUpdate()}>
        Update now
      </button>
    </NotificationBanner>
  );
}
