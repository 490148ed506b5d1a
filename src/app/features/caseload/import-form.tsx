import { useRef, useState, type FormEvent } from 'react';
import type { FieldError } from '../../ui/error-summary';
import { importCaseload, readFileText } from './import-caseload';

export type ImportOutcome = { ok: true; text: string } | { ok: false; errors: FieldError[] };

const FIELD_ID = 'caseload-file';

/** GOV.UK file upload for a `doorstep.caseload/1` file. The page shows the outcome. */
export function ImportForm({ error, onOutcome }: { error?: string; onOutcome: (outcome: ImportOutcome) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      onOutcome({ ok: false, errors: [{ fieldId: FIELD_ID, message: 'Select a caseload file' }] });
      return;
    }
    setBusy(true);
    try {
      const result = await importCaseload(await readFileText(file));
      if (result.ok) {
        if (input.current) input.current.value = '';
        onOutcome({
          ok: true,
          text: `Imported ${plural(result.children, 'child', 'children')} and ${plural(result.contacts, 'contact', 'contacts')} from ${file.name}`,
        });
      } else {
        const where = result.error.path ? ` at ${result.error.path}` : '';
        onOutcome({
          ok: false,
          errors: [{ fieldId: FIELD_ID, message: `The file could not be imported: ${result.error.message}${where}` }],
        });
      }
    } catch (failure) {
      console.error('Import failed', failure);
      onOutcome({ ok: false, errors: [{ fieldId: FIELD_ID, message: 'The file could not be imported. Nothing was changed' }] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit}>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <h2 className="govuk-label-wrapper">
          <label className="govuk-label govuk-label--m" htmlFor={FIELD_ID}>
            Import a caseload file
          </label>
        </h2>
        <div id={`${FIELD_ID}-hint`} className="govuk-hint">
          A doorstep.caseload/1 file (JSON). Its children and contacts are added to this device, encrypted.
        </div>
        {error && (
          <p id={`${FIELD_ID}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <input
          ref={input}
          className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
          id={FIELD_ID}
          name={FIELD_ID}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${FIELD_ID}-hint${error ? ` ${FIELD_ID}-error` : ''}`}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" aria-disabled={busy || undefined}>
        Import
      </button>
    </form>
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
