import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../ui/use-page-title';
import { getRecord, type LocalRecord } from '../../device/db';
import { AddendaList } from '../../records/addendum/addenda-list';
import { parentIdOf } from '../../records/addendum/addendum-body';
import { useChildrenOnDevice } from '../../records/caseload/use-children-on-device';
import { aboutRecord, RECORD_KINDS, RecordAnswers, recordPath } from '../../records/record-kinds';
import { isReturned, ReturnedBanner, SignedOffBanner } from '../../records/review/review-banner';

/** A signed-off record, for everyone: read only (invariant 3), with its addenda. */
export function SignedOffRecord({ record }: { record: LocalRecord }) {
  const kind = RECORD_KINDS[record.type].name;
  usePageTitle(`${kind} (signed off)`);
  const children = useChildrenOnDevice() ?? [];
  const parentId = record.type === 'addendum' ? parentIdOf(record.body) : null;
  const parent = useLiveQuery(async () => (parentId ? ((await getRecord(parentId)) ?? null) : null), [parentId]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <SignedOffBanner review={record.review} />
        <span className="govuk-caption-l">Signed off</span>
        <h1 className="govuk-heading-l">{kind}</h1>
        <p className="govuk-body">{aboutRecord(record, children)}</p>
        <RecordAnswers record={record} children={children} />
        {record.type === 'addendum' ? (
          parent && (
            <p className="govuk-body">
              <Link className="govuk-link" to={recordPath(parent)}>
                Read the {RECORD_KINDS[parent.type].name.toLowerCase()} record this addendum is about
              </Link>
            </p>
          )
        ) : (
          <AddendaList parentId={record.id} />
        )}
      </div>
    </div>
  );
}

async function readRecord(id: string | undefined): Promise<LocalRecord | null> {
  if (id === undefined) return null;
  try {
    return (await getRecord(id)) ?? null;
  } catch {
    return null; // the form says why it cannot open it
  }
}

/**
 * Wraps a record form's routes (/new and /:recordId, so the form is not remounted when a new
 * record gets its address). A signed-off record shows read only instead of the form; a
 * returned one shows the manager's comment above it.
 */
export function ReviewedRecordRoute({ children }: { children: ReactNode }) {
  const { recordId } = useParams();
  const record = useLiveQuery(() => readRecord(recordId), [recordId]);
  const formShown = useRef(false);
  // Opening a record: wait to know whether it is frozen, rather than flash its form first.
  if (record === undefined && recordId !== undefined && !formShown.current) return null;
  if (record?.status === 'signed-off') {
    formShown.current = false;
    return <SignedOffRecord record={record} />;
  }
  formShown.current = true;
  return (
    <>
      {record && isReturned(record) ? <ReturnedBanner review={record.review} /> : null}
      {children}
    </>
  );
}
