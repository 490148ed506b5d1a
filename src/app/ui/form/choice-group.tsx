import { Fragment, type ReactNode } from 'react';
import { FieldError } from './field-error';
import { describedBy, formGroupClass, Hint, type TextSize } from './field-parts';

export interface ChoiceOption<V extends string | number> {
  value: V;
  text: ReactNode;
  hint?: ReactNode;
  /** Shown under this option while it is checked (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

export interface ChoiceGroupProps<V extends string | number> {
  kind: 'radios' | 'checkboxes';
  /** The first option's id (error and warning links point at it); the others get -2, -3… */
  id: string;
  name: string;
  legend: ReactNode;
  /** `s` inside a group of questions, `m` for a question on its own. */
  legendSize: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  /** Extra classes on `govuk-radios` / `govuk-checkboxes` (inline, small, conditional). */
  modifiers?: string;
  options: readonly ChoiceOption<V>[];
  isChecked: (value: V) => boolean;
  onToggle: (value: V, checked: boolean) => void;
  children?: ReactNode;
}

/**
 * GOV.UK radios or checkboxes in a fieldset with a legend. An option with `conditional` content
 * controls it (aria-controls, `conditional-${inputId}`): the container stays in the page, `hidden`
 * while the option is not checked, so aria-controls always points at something; what is inside
 * is only rendered while it is checked, so a form never holds a field no one can see.
 * No aria-expanded: it is not allowed on a radio (axe aria-allowed-attr).
 */
export function ChoiceGroup<V extends string | number>(props: ChoiceGroupProps<V>) {
  const { kind, id, name, legend, legendSize, hint, error, modifiers = '', options, isChecked, onToggle } = props;
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <FieldError id={`${id}-error`} message={error} />
        <div className={`govuk-${kind}${modifiers}`}>
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const checked = isChecked(option.value);
            const conditionalId = `conditional-${inputId}`;
            const optionHintId = option.hint ? `${inputId}-item-hint` : undefined;
            return (
              <Fragment key={option.value}>
                <div className={`govuk-${kind}__item`}>
                  <input
                    className={`govuk-${kind}__input`}
                    id={inputId}
                    name={name}
                    type={kind === 'radios' ? 'radio' : 'checkbox'}
                    value={option.value}
                    checked={checked}
                    aria-describedby={optionHintId}
                    aria-controls={option.conditional !== undefined ? conditionalId : undefined}
                    onChange={(event) => onToggle(option.value, event.target.checked)}
                  />
                  <label className={`govuk-label govuk-${kind}__label`} htmlFor={inputId}>
                    {option.text}
                  </label>
                  {option.hint && (
                    <div id={optionHintId} className={`govuk-hint govuk-${kind}__hint`}>
                      {option.hint}
                    </div>
                  )}
                </div>
                {option.conditional !== undefined && (
                  <div
                    className={`govuk-${kind}__conditional${checked ? '' : ` govuk-${kind}__conditional--hidden`}`}
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
      {props.children}
    </div>
  );
}
