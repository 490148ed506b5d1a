import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ConfirmationPanel } from '../../ui/confirmation-panel';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { formatDateTime } from '../../ui/format-date';
import { usePageTitle } from '../../ui/use-page-title';
import { getRecord } from '../../device/db';
import { useChildrenOnDevice } from '../../records/caseload/use-children-on-device';
import { DraftStatus } from '../../ui/form/draft-status';
import { CharacterCount } from '../../ui/form/character-count';
import { useAutosave } from '../../records/use-autosave';
import { aboutRecord, RECORD_KINDS, RecordAnswers, recordPath } from '../../records/record-kinds';
import { ADDENDUM_TEXT_MAX } from '../../../shared/sync/index.ts';
import { addendumFromStored, emptyAddendum, type AddendumForm } from '../../records/addendum/addendum-body';

/**
 * /addenda/new/:parentId and /addenda/:recordId: a correction or addition to a signed-off
 * record, which itself stays frozen (invariant 3). Saved as a draft as it is typed; "Submit
 * addendum" sends it for sign-off like any record.
 */
export function AddendumPage() {
  usePageTitle('Addendum');
  const { recordId, parentId: newFor } = useParams();
  const draft = useAutosave<AddendumForm>({
    type: 'addendum',
    recordId,
    basePath: '/addenda',
    empty: () => emptyAddendum(newFor ?? ''),
    fromStored: addendumFromStored,
    toStored: (form) => form,
  });
  const parentId = draft.state.status === 'ready' ? draft.state.form.parentId : newFor;
  const parent = useLiveQuery(async () => (parentId ? ((await getRecord(parentId)) ?? null) : null), [parentId]);
  const children = useChildrenOnDevice();
  const [errors, setErrors] = useState<FieldError[]>([]);

  if (draft.state.status === 'loading' || parent === undefined) return <h1 className="govuk-heading-l">Addendum</h1>;
  if (draft.state.status === 'missing' || draft.state.status === 'unreadable') {
    return (
      <>
        <h1 className="govuk-heading-l">Addendum not found</h1>
        <p className="govuk-body">There is no addendum with the reference {recordId} on this device.</p>
      </>
    );
  }
  const { form, recordStatus } = draft.state;
  const parentLine = parent && (
    <p className="govuk-body">
      Addendum to the {RECORD_KINDS[parent.type].name.toLowerCase()} record: {aboutRecord(parent, children ?? [])}.{' '}
      <Link className="govuk-link" to={recordPath(parent)}>
        Read the {RECORD_KINDS[parent.type].name.toLowerCase()} record
      </Link>
    </p>
  );

  if (recordStatus === 'submitted' || recordStatus === 'signed-off') {
    return <AddendumSubmitted form={form} parentLine={parentLine} />;
  }
  if (recordId === undefined && parent?.status !== 'signed-off') {
    return (
      <>
        <h1 className="govuk-heading-l">You cannot write an addendum to this record</h1>
        <p className="govuk-body">
          {parent ? 'Addenda are for signed-off records. Until a record is signed off, change the record itself.' : 'The record is not on this device.'}
        </p>
      </>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.text.trim() === '') {
      setErrors([{ fieldId: 'addendum', message: 'Enter the addendum' }]);
      return;
    }
    if (form.text.trim().length > ADDENDUM_TEXT_MAX) {
      setErrors([{ fieldId: 'addendum', message: `Addendum must be ${ADDENDUM_TEXT_MAX.toLocaleString('en-GB')} characters or fewer` }]);
      return;
    }
    setErrors([]);
    await draft.finish({ ...form, text: form.text.trim(), writtenAt: new Date().toISOString() });
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Write an addendum</h1>
        {parentLine}
        <p className="govuk-body">
          The signed-off record does not change. Your addendum is kept with it and sent to your manager for sign-off.
        </p>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <CharacterCount
            labelSize="s"
            id="addendum"
            maxLength={ADDENDUM_TEXT_MAX}
            label="Addendum"
            hint="What to correct or add, and why."
            error={errors[0]?.message}
            value={form.text}
            rows={8}
            onChange={(text) => draft.update((current) => ({ ...current, text }))}
          />
          <DraftStatus state={draft.saveState} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Submit addendum
          </button>
        </form>
        {parent && (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">The record this addendum is about</span>
            </summary>
            <div className="govuk-details__text">
              <RecordAnswers record={parent} children={children ?? []} />
            </div>
          </details>
        )}
      </div>
    </div>
  );
}

function AddendumSubmitted({ form, parentLine }: { form: AddendumForm; parentLine: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConfirmationPanel title="Addendum submitted">Written {formatDateTime(form.writtenAt)}</ConfirmationPanel>
        {parentLine}
        <p className="govuk-body">It is kept on this device and will be sent to your manager for sign-off when there is a signal.</p>
        <h2 className="govuk-heading-m">Your addendum</h2>
        <p className="govuk-body" style={{ whiteSpace: 'pre-wrap' }}>
          {form.text}
        </p>
      </div>
    </div>
  );
}
