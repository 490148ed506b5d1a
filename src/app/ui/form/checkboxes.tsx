import { Fragment, type ReactNode } from 'react';
import { FieldError } from './field-error';
import { describedBy, formGroupClass, Hint, type TextSize } from './field-parts';

export interface CheckboxOption<V extends string> {
  value: V;
  text: ReactNode;
  hint?: ReactNode;
  /** Shown under this box while it is checked (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

/**
 * GOV.UK checkboxes in a fieldset. The first box's id is `id` (error links point at it), the
 * others get -2, -3… A conditional's container stays in the page, `hidden` while its box is not
 * checked, so the box's aria-controls (`conditional-${inputId}`) always points at something; what
 * is inside is only rendered while the box is checked.
 */
export function Checkboxes<V extends string>({
  id,
  legend,
  legendSize = 's',
  hint,
  error,
  options,
  values,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  /** `s` inside a group of questions (the default), `m` for a question on its own. */
  legendSize?: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly CheckboxOption<V>[];
  values: readonly V[];
  /** The values now checked, in the options' order, and the box that changed. */
  onChange: (values: V[], changed: V, checked: boolean) => void;
}) {
  const toggle = (value: V, checked: boolean) =>
    onChange(
      options.map((o) => o.value).filter((v) => (v === value ? checked : values.includes(v))),
      value,
      checked,
    );
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <FieldError id={`${id}-error`} message={error} />
        <div className="govuk-checkboxes">
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const checked = values.includes(option.value);
            const conditionalId = `conditional-${inputId}`;
            const optionHintId = option.hint ? `${inputId}-item-hint` : undefined;
            return (
              <Fragment key={option.value}>
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={inputId}
                    name={id}
                    type="checkbox"
                    value={option.value}
                    checked={checked}
                    aria-describedby={optionHintId}
                    aria-controls={option.conditional !== undefined ? conditionalId : undefined}
                    onChange={(event) => toggle(option.value, event.target.checked)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                    {option.text}
                  </label>
                  {option.hint && (
                    <div id={optionHintId} className="govuk-hint govuk-checkboxes__hint">
                      {option.hint}
                    </div>
                  )}
                </div>
                {option.conditional !== undefined && (
                  <div
                    className={`govuk-checkboxes__conditional${checked ? '' : ' govuk-checkboxes__conditional--hidden'}`}
                    id={conditionalId}
                    hidden={!checked}
                  >
                    {checked && option.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
