import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { Tag } from '../../ui/tag';
import { usePageTitle } from '../../ui/use-page-title';
import { listRecords, type ChildBody } from '../../device/db';
import { getConflict, resolveConflict, type Resolution } from '../../device/sync';
import { RECORD_KINDS } from '../../records/record-kinds';
import { compareBodies, mergeBody, pathKey, type ComparedField } from './compare';

/** Both versions of one record side by side, and the three ways to settle it. */
export function ConflictPage() {
  const recordId = useParams().recordId ?? '';
  usePageTitle('Resolve a conflict');
  const navigate = useNavigate();
  const data = useLiveQuery(async () => {
    const [view, children] = await Promise.all([getConflict(recordId), listRecords<ChildBody>('child')]);
    return { view, names: new Map(children.map((c) => [c.id, c.body?.name ?? c.id])) };
  }, [recordId]);
  const [merging, setMerging] = useState(false);
  const [edits, setEdits] = useState<Map<string, { path: (string | number)[]; text: string }>>(new Map());
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  if (!data) return null;
  const { view, names } = data;
  if (!view) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Resolve a conflict</h1>
          <p className="govuk-body">This conflict has been resolved, or is not on this device.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/conflicts">
              Back to conflicts
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const kind = RECORD_KINDS[view.recordType].name;
  const fields = compareBodies(view.mine?.body, view.theirs?.body, (id) => names.get(id) ?? `Child ${id}`);
  const differing = fields.filter((f) => f.differs);
  const mergeable = differing.filter((f) => f.editable);

  async function resolve(resolution: Resolution) {
    if (busy) return;
    setBusy(true);
    try {
      await resolveConflict(recordId, resolution);
      navigate('/conflicts', { state: { resolved: true } });
    } catch (error) {
      console.error('Could not resolve the conflict', error);
      setErrors([{ fieldId: 'choices', message: 'The conflict could not be resolved. Try again' }]);
      setBusy(false);
    }
  }

  function startMerge() {
    setEdits(new Map(mergeable.map((f) => [pathKey(f.path), { path: f.path, text: f.mine === 'Not given' ? '' : f.mine }])));
    setMerging(true);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{kind}</span>
        <h1 className="govuk-heading-l">Resolve a conflict</h1>
        <p className="govuk-body">
          This {kind.toLowerCase()} was changed on this device and somewhere else. Both versions are kept until you choose.
          {differing.length > 0 && ` ${differing.length} ${differing.length === 1 ? 'field is' : 'fields are'} different.`}
        </p>
        <ComparisonTable fields={fields} />

        {!merging && (
          <div className="govuk-button-group" id="choices" tabIndex={-1}>
            <button type="button" className="govuk-button" disabled={!view.mine || busy} onClick={() => void resolve({ keep: 'mine' })}>
              Keep my version
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" disabled={!view.theirs || busy} onClick={() => void resolve({ keep: 'theirs' })}>
              Keep their version
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" disabled={!view.mine || !view.theirs || busy} onClick={startMerge}>
              Edit a merged version
            </button>
          </div>
        )}
        {!view.theirs && <p className="govuk-body">The other version has not reached this device yet. Sync, then come back to compare.</p>}

        {merging && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void resolve({ keep: 'merged', body: mergeBody(view.mine?.body, edits) });
            }}
          >
            <h2 className="govuk-heading-m" id="choices" tabIndex={-1}>
              Edit a merged version
            </h2>
            <p className="govuk-body">
              Each box starts with your version. Change it to what the record should say. Fields that are the same in both versions are kept as they are.
            </p>
            {mergeable.length === 0 && <p className="govuk-body">No text differs: keep one version instead.</p>}
            {mergeable.map((field, i) => {
              const key = pathKey(field.path);
              const id = `merge-${i}`;
              return (
                <div className="govuk-form-group" key={key}>
                  <label className="govuk-label govuk-label--s" htmlFor={id}>
                    {field.label}
                  </label>
                  <div id={`${id}-hint`} className="govuk-hint">
                    Their version: {field.theirs}
                  </div>
                  <textarea
                    className="govuk-textarea"
                    id={id}
                    name={id}
                    rows={4}
                    aria-describedby={`${id}-hint`}
                    value={edits.get(key)?.text ?? ''}
                    onChange={(event) => setEdits(new Map(edits).set(key, { path: field.path, text: event.target.value }))}
                  />
                </div>
              );
            })}
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={busy}>
                Save merged version
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setMerging(false)}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}

function ComparisonTable({ fields }: { fields: ComparedField[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">The two versions</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Field
          </th>
          <th scope="col" className="govuk-table__header">
            Your version
          </th>
          <th scope="col" className="govuk-table__header">
            Their version
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {fields.map((field) => (
          <tr className="govuk-table__row" key={pathKey(field.path)}>
            <th scope="row" className="govuk-table__header">
              {field.label}
              {field.differs && (
                <>
                  <br />
                  <Tag colour="yellow">Different</Tag>
                </>
              )}
            </th>
            <td className="govuk-table__cell" style={{ whiteSpace: 'pre-wrap', fontWeight: field.differs ? 700 : undefined }}>
              {field.mine}
            </td>
            <td className="govuk-table__cell" style={{ whiteSpace: 'pre-wrap', fontWeight: field.differs ? 700 : undefined }}>
              {field.theirs}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
