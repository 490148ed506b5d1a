import type { VisitWhen } from '../../../../shared/model/visit-note.ts';
import { FieldError } from './field-error';

type DateParts = Pick<VisitWhen, 'day' | 'month' | 'year'>;

/** GOV.UK date input: day, month and year in a fieldset. Links to it point at `${id}-day`. */
export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint: string;
  error?: string;
  value: DateParts;
  onChange: (patch: Partial<DateParts>) => void;
}) {
  const parts = [
    { key: 'day', label: 'Day', width: 2 },
    { key: 'month', label: 'Month', width: 2 },
    { key: 'year', label: 'Year', width: 4 },
  ] as const;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        role="group"
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
        {error && <FieldError id={`${id}-error`} message={error} />}
        <div className="govuk-date-input" id={id}>
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part.key}`}>
                  {part.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? ' govuk-input--error' : ''}`}
                  id={`${id}-${part.key}`}
                  name={`${id}-${part.key}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part.key]}
                  onChange={(event) => onChange({ [part.key]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
