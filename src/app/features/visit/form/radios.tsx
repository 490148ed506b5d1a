import type { ReactNode } from 'react';
import { FieldError } from './field-error';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  hint?: string;
  /** Shown under this option while it is checked (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

interface RadiosProps<V extends string> {
  /** The first radio's id (error and warning links point at it); the others get -2, -3… */
  id: string;
  name: string;
  legend: ReactNode;
  /** m for a question on its own, s inside a group of questions. */
  legendSize?: 's' | 'm';
  hint?: string;
  error?: string;
  inline?: boolean;
  options: RadioOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
}

/**
 * GOV.UK radios in a fieldset with a legend. An option with `conditional` content controls it
 * (aria-controls); the content stays in the page, `hidden` while the option is not checked, so
 * aria-controls always points at something. No aria-expanded: it is not allowed on a radio
 * (axe aria-allowed-attr), so the e2e accessibility checks leave it out everywhere.
 */
export function Radios<V extends string>(props: RadiosProps<V>) {
  const { id, name, legend, legendSize = 'm', hint, error, inline = false, options, value, onChange } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const conditional = options.some((option) => option.conditional !== undefined);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <FieldError id={errorId as string} message={error} />}
        <div
          className={`govuk-radios${inline && !conditional ? ' govuk-radios--inline' : ''}${conditional ? ' govuk-radios--conditional' : ''}`}
        >
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const checked = value === option.value;
            const conditionalId = `conditional-${inputId}`;
            const optionHintId = option.hint ? `${inputId}-item-hint` : undefined;
            return (
              <div key={option.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name={name}
                    type="radio"
                    value={option.value}
                    checked={checked}
                    onChange={() => onChange(option.value)}
                    aria-describedby={optionHintId}
                    aria-controls={option.conditional !== undefined ? conditionalId : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                    {option.label}
                  </label>
                  {option.hint && (
                    <div id={optionHintId} className="govuk-hint govuk-radios__hint">
                      {option.hint}
                    </div>
                  )}
                </div>
                {option.conditional !== undefined && (
                  <div
                    className={`govuk-radios__conditional${checked ? '' : ' govuk-radios__conditional--hidden'}`}
                    id={conditionalId}
                    hidden={!checked}
                  >
                    {option.conditional}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface YesNoProps extends Omit<RadiosProps<'yes' | 'no'>, 'options' | 'value' | 'onChange'> {
  value: boolean | null;
  onChange: (value: boolean) => void;
  /** Shown under "No" while it is checked. */
  whenNo?: ReactNode;
}

/** A yes/no question on GOV.UK radios, for a boolean that is null until answered. */
export function YesNo({ value, onChange, whenNo, ...props }: YesNoProps) {
  return (
    <Radios
      {...props}
      inline={whenNo === undefined}
      options={[
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No', conditional: whenNo },
      ]}
      value={value === null ? null : value ? 'yes' : 'no'}
      onChange={(answer) => onChange(answer === 'yes')}
    />
  );
}
