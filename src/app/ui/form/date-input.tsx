import type { ReactNode } from 'react';
import type { DateParts } from '../../../shared/model/direct-work';
import { FieldError } from './field-error';
import { describedBy, formGroupClass, Hint, type TextSize } from './field-parts';

const PARTS = [
  { key: 'day', text: 'Day', width: 2 },
  { key: 'month', text: 'Month', width: 2 },
  { key: 'year', text: 'Year', width: 4 },
] as const;

/** GOV.UK date input: day, month and year in a fieldset. Error links point at `${id}-day`. */
export function DateInput({
  id,
  legend,
  legendSize = 's',
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  /** `s` inside a group of questions (the default), `m` for a question on its own. */
  legendSize?: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  /** The whole date, with the part just typed in changed. */
  onChange: (value: DateParts) => void;
}) {
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <FieldError id={`${id}-error`} message={error} />
        <div className="govuk-date-input" id={id}>
          {PARTS.map((part) => (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part.key}`}>
                  {part.text}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? ' govuk-input--error' : ''}`}
                  id={`${id}-${part.key}`}
                  name={`${id}-${part.key}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part.key]}
                  onChange={(event) =>
                    onChange({ day: value.day, month: value.month, year: value.year, [part.key]: event.target.value })
                  }
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
