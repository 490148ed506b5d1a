import { useLiveQuery } from 'dexie-react-hooks';
import { countPendingChanges } from '../../device/db';
import { pendingChangesText } from '../../ui/connection-status';
import { SummaryList } from '../../ui/summary-list';
import { usePageTitle } from '../../ui/use-page-title';
import { StorageStatus } from './storage-status';
import { RadioSetting } from './radio-setting';
import { getLockAfterMinutes, LOCK_AFTER_OPTIONS, setLockAfterMinutes } from '../../device/lock/lock-settings';
import { getPolicy, POLICY_OPTIONS, setPolicy } from '../../records/caseload/policy-setting';
import { version } from '../../../../package.json';

export function SettingsPage() {
  usePageTitle('Settings');
  const pending = useLiveQuery(countPendingChanges, []);
  const lockAfter = useLiveQuery(getLockAfterMinutes, []);
  const policy = useLiveQuery(getPolicy, []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Settings</h1>
        <h2 className="govuk-heading-m">Security</h2>
        <RadioSetting
          name="lock-after"
          legend="Lock after"
          hint="Doorstep locks when no one has used it for this long. You unlock it with your PIN."
          options={LOCK_AFTER_OPTIONS.map((minutes) => ({ value: minutes, text: `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` }))}
          value={lockAfter}
          onSave={setLockAfterMinutes}
        />
        <h2 className="govuk-heading-m">Practice standards</h2>
        <RadioSetting
          name="policy"
          legend="Local authority practice standards"
          hint="Visiting and recording timescales on your caseload follow these standards."
          options={POLICY_OPTIONS.map((option) => ({ value: option.id, text: option.text }))}
          value={policy}
          onSave={setPolicy}
        />
        <h2 className="govuk-heading-m">Storage on this device</h2>
        <StorageStatus />
        <h2 className="govuk-heading-m">About this device</h2>
        <SummaryList
          rows={[
            { key: 'Doorstep version', value: version },
            { key: 'Sync', value: pending === undefined ? 'Checking…' : pendingChangesText(pending) },
          ]}
        />
      </div>
    </div>
  );
}
