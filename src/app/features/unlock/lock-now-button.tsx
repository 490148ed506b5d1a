import { lockDevice } from '../../device/lock/lock-device';

/** In the header while unlocked: lock straight away, e.g. before handing the tablet over. */
export function LockNowButton() {
  return (
    <button
      type="button"
      className="govuk-button govuk-button--secondary doorstep-lock-now"
      data-module="govuk-button"
      onClick={() => void lockDevice()}
    >
      Lock now
    </button>
  );
}
