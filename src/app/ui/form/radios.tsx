import { Fragment, type ReactNode } from 'react';
import { FieldError } from './field-error';
import { describedBy, formGroupClass, Hint, type TextSize } from './field-parts';

export interface RadioOption<V extends string | number> {
  value: V;
  text: ReactNode;
  hint?: ReactNode;
  /** Shown under this option while it is checked (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

export interface RadiosProps<V extends string | number> {
  /** The first radio's id (error and warning links point at it); the others get -2, -3… */
  id: string;
  /** The radios' name; the id when left out. */
  name?: string;
  legend: ReactNode;
  /** `s` inside a group of questions (the default), `m` for a question on its own. */
  legendSize?: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  inline?: boolean;
  small?: boolean;
  options: readonly RadioOption<V>[];
  value: V | '' | null | undefined;
  onChange: (value: V) => void;
  /** Under the fieldset, inside the form group (a setting's "Saved" status). */
  children?: ReactNode;
}

/**
 * GOV.UK radios in a fieldset with a legend. An option with `conditional` content controls it
 * (aria-controls, `conditional-${inputId}`): the container stays in the page, `hidden` while the
 * option is not checked, so aria-controls always points at something; what is inside is only
 * rendered while it is checked, so a form never holds a field no one can see. No aria-expanded:
 * it is not allowed on a radio (axe aria-allowed-attr). Inline radios never have conditional content.
 */
export function Radios<V extends string | number>(props: RadiosProps<V>) {
  const { id, name = id, legend, legendSize = 's', hint, error, inline = false, small = false, options, value, onChange } = props;
  const conditional = options.some((option) => option.conditional !== undefined);
  const modifiers = `${inline && !conditional ? ' govuk-radios--inline' : ''}${small ? ' govuk-radios--small' : ''}${conditional ? ' govuk-radios--conditional' : ''}`;
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <FieldError id={`${id}-error`} message={error} />
        <div className={`govuk-radios${modifiers}`}>
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const checked = value === option.value;
            const conditionalId = `conditional-${inputId}`;
            const optionHintId = option.hint ? `${inputId}-item-hint` : undefined;
            return (
              <Fragment key={option.value}>
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
                    {option.text}
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

/** Options for a yes/no question kept as 'yes' | 'no' | '' (not yet answered). */
export const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
] as const;

interface YesNoProps extends Omit<RadiosProps<'yes' | 'no'>, 'options' | 'value' | 'onChange' | 'inline' | 'children'> {
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
      options={[YES_NO[0], { ...YES_NO[1], conditional: whenNo }]}
      value={value === null ? null : value ? 'yes' : 'no'}
      onChange={(answer) => onChange(answer === 'yes')}
    />
  );
}
