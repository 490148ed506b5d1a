import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { Tag } from '../../ui/tag';
import { usePageTitle } from '../../ui/use-page-title';
import { useAccount } from '../../device/sync';
import { usePolicy } from '../../records/caseload/use-policy';
import { readSignOffQueue, type QueueItem } from './read-sign-off-queue';
import { aboutRecord, RECORD_KINDS } from '../../records/record-kinds';
import { recordingTimeliness, timelinessText } from '../../records/review/recording-timeliness';
import type { ChildOnDevice } from '../../records/caseload/use-children-on-device';

/** /sign-off: the team's records waiting for a manager, oldest first, with their recording timeliness. */
export function SignOffPage() {
  usePageTitle('Sign-off');
  const account = useAccount((state) => state.account);
  const isManager = account?.user.role === 'manager';
  const queue = useLiveQuery(() => (isManager ? readSignOffQueue() : undefined), [isManager]);
  const policy = usePolicy();

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Sign-off</h1>
        {account !== undefined && !isManager && (
          <p className="govuk-body">
            Only a team manager can sign off records. When you finish a record it is sent to your manager for sign-off.
          </p>
        )}
        {queue && policy && (queue.items.length === 0 ? (
          <p className="govuk-body">There are no records waiting for sign-off on this device.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {queue.items.length} {queue.items.length === 1 ? 'record' : 'records'} waiting for sign-off, oldest first
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Record</th>
                <th scope="col" className="govuk-table__header">Finished</th>
                <th scope="col" className="govuk-table__header">Recording timescale</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {queue.items.map((item) => (
                <QueueRow key={item.record.id} item={item} children={queue.children} policy={policy} />
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}

function QueueRow({ item, children, policy }: { item: QueueItem; children: ChildOnDevice[]; policy: string }) {
  const { record, parent } = item;
  const now = new Date();
  const timeliness = recordingTimeliness(record.type, record.body, policy);
  const about =
    record.type === 'addendum' && parent
      ? `to the ${RECORD_KINDS[parent.type].name.toLowerCase()} record for ${aboutRecord(parent, children)}`
      : aboutRecord(record, children);
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        <Link className="govuk-link" to={`/sign-off/${encodeURIComponent(record.id)}`}>
          {RECORD_KINDS[record.type].name}: {about}
        </Link>
        {item.changedSinceRead && (
          <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
            <strong className="govuk-!-font-weight-bold">Your sign-off was not saved:</strong> this record changed after you opened it.
          </p>
        )}
      </td>
      <td className="govuk-table__cell">{formatDateTime(item.submittedAt)}</td>
      <td className="govuk-table__cell">
        {timeliness?.kind === 'on-time' && <Tag colour="green">On time</Tag>}
        {timeliness?.kind === 'late' && <Tag colour="red">Late</Tag>} {timelinessText(timeliness, now)}
      </td>
    </tr>
  );
}
