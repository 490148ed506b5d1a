import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { Tag, type TagColour } from '../../ui/tag';
import { listRecords, type RecordStatus } from '../../device/db';
import { addendumFromStored, parentIdOf } from './addendum-body';

const STATUS_TAGS: Record<RecordStatus, { text: string; colour: TagColour }> = {
  draft: { text: 'Draft', colour: 'grey' },
  submitted: { text: 'Waiting for sign-off', colour: 'blue' },
  'signed-off': { text: 'Signed off', colour: 'green' },
  returned: { text: 'Returned', colour: 'orange' },
};

/** The addenda on this device written to a record, oldest first. */
export async function listAddendaOf(parentId: string) {
  const all = await listRecords('addendum');
  return all
    .filter((record) => parentIdOf(record.body) === parentId)
    .map((record) => ({ ...record, body: addendumFromStored(record.body) }))
    .sort((a, b) => a.body.writtenAt.localeCompare(b.body.writtenAt));
}

/** Under a signed-off record: its addenda with their status, and "Write an addendum". */
export function AddendaList({ parentId, canWrite = true }: { parentId: string; canWrite?: boolean }) {
  const addenda = useLiveQuery(() => listAddendaOf(parentId), [parentId]);
  if (addenda === undefined) return null;
  return (
    <section aria-labelledby="addenda-heading">
      <h2 className="govuk-heading-m" id="addenda-heading">
        Addenda
      </h2>
      {addenda.length === 0 ? (
        <p className="govuk-body">No addenda have been written to this record.</p>
      ) : (
        <dl className="govuk-summary-list">
          {addenda.map((addendum) => {
            const tag = STATUS_TAGS[addendum.status];
            return (
              <div className="govuk-summary-list__row" key={addendum.id}>
                <dt className="govuk-summary-list__key">Addendum written {formatDateTime(addendum.body.writtenAt)}</dt>
                <dd className="govuk-summary-list__value">
                  <Tag colour={tag.colour}>{tag.text}</Tag>
                  <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0" style={{ whiteSpace: 'pre-wrap' }}>
                    {addendum.body.text || 'Not written yet'}
                  </p>
                </dd>
                <dd className="govuk-summary-list__actions">
                  <Link className="govuk-link" to={`/addenda/${encodeURIComponent(addendum.id)}`}>
                    Open<span className="govuk-visually-hidden"> addendum written {formatDateTime(addendum.body.writtenAt)}</span>
                  </Link>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {canWrite && (
        <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={`/addenda/new/${encodeURIComponent(parentId)}`}>
          Write an addendum
        </Link>
      )}
    </section>
  );
}
