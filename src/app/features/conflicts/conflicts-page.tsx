import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { NotificationBanner } from '../../ui/notification-banner';
import { usePageTitle } from '../../ui/use-page-title';
import { listConflicts } from '../../device/sync';
import { RECORD_KINDS } from '../../records/record-kinds';

export const RESOLVED_MESSAGE = 'Conflict resolved. The version you chose is saved on this device and will sync.';

/** Records with two versions for a person to choose between. */
export function ConflictsPage() {
  usePageTitle('Conflicts');
  const conflicts = useLiveQuery(listConflicts, []);
  const resolved = (useLocation().state as { resolved?: boolean } | null)?.resolved;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {resolved && (
          <NotificationBanner title="Success" success>
            <p className="govuk-notification-banner__heading">{RESOLVED_MESSAGE}</p>
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-l">Conflicts</h1>
        <p className="govuk-body">
          A conflict happens when a record was changed on this device and somewhere else before the two could sync. Both
          versions are kept until you choose which to keep, or write a version that combines them.
        </p>
        {conflicts && conflicts.length === 0 && <p className="govuk-body">There are no conflicts on this device.</p>}
        {conflicts && conflicts.length > 0 && (
          <dl className="govuk-summary-list">
            {conflicts.map((conflict) => {
              const kind = RECORD_KINDS[conflict.recordType].name;
              return (
                <div className="govuk-summary-list__row" key={conflict.recordId}>
                  <dt className="govuk-summary-list__key">{kind}</dt>
                  <dd className="govuk-summary-list__value">Found {formatDateTime(conflict.detectedAt)}</dd>
                  <dd className="govuk-summary-list__actions">
                    <Link className="govuk-link" to={`/conflicts/${encodeURIComponent(conflict.recordId)}`}>
                      Compare versions<span className="govuk-visually-hidden"> of the {kind.toLowerCase()} found {formatDateTime(conflict.detectedAt)}</span>
                    </Link>
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      </div>
    </div>
  );
}
