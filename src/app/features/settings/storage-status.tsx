import { useCallback, useEffect, useState } from 'react';
import { formatMegabytes, readStorageState, requestPersistentStorage, type StorageState } from '../../device/pwa/storage';

function persistenceText(persisted: boolean | null): string {
  if (persisted === true) return 'Storage: persistent (will not be cleared by the browser)';
  if (persisted === false) return 'Storage: not persistent (the browser may clear it if the device runs short of space)';
  return 'Storage: this browser cannot say whether it will keep Doorstep’s data';
}

function usageText({ usageBytes, quotaBytes }: StorageState): string {
  if (usageBytes === null || quotaBytes === null) return 'This browser does not say how much space Doorstep is using.';
  return `Using ${formatMegabytes(usageBytes)} of ${formatMegabytes(quotaBytes)} available.`;
}

export function StorageStatus() {
  const [state, setState] = useState<StorageState | undefined>(undefined);
  const [asked, setAsked] = useState(false);

  const refresh = useCallback(async () => setState(await readStorageState()), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const askAgain = async () => {
    await requestPersistentStorage();
    setAsked(true);
    await refresh();
  };

  if (!state) return <p className="govuk-body">Checking storage…</p>;
  return (
    <>
      <p className="govuk-body">{persistenceText(state.persisted)}</p>
      <p className="govuk-body">{usageText(state)}</p>
      {state.persisted === false && (
        <>
          <p className="govuk-body">
            Drafts and changes waiting to sync are kept on this device. Ask the browser to keep them even when space runs
            low. Installing Doorstep on the home screen makes the browser more likely to agree.
          </p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void askAgain()}>
            Ask to keep data on this device
          </button>
          {asked && (
            <p className="govuk-body" role="status">
              The browser has not agreed to keep Doorstep’s data.
            </p>
          )}
        </>
      )}
    </>
  );
}
