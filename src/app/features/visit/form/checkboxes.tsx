import { FieldError } from './field-error';

export interface CheckboxOption {
  value: string;
  label: string;
}

/** GOV.UK checkboxes in a fieldset. The first box's id is `id`, so links can point at it. */
export function Checkboxes({
  id,
  legend,
  hint,
  error,
  options,
  checked,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: CheckboxOption[];
  checked: ReadonlySet<string>;
  onChange: (value: string, checked: boolean) => void;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <FieldError id={`${id}-error`} message={error} />}
        <div className="govuk-checkboxes">
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-checkboxes__item" key={option.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={inputId}
                  name={id}
                  type="checkbox"
                  value={option.value}
                  checked={checked.has(option.value)}
                  onChange={(event) => onChange(option.value, event.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
