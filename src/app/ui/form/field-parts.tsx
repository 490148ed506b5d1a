import type { ReactNode } from 'react';
import { FieldError } from './field-error';

// The pieces every GOV.UK field shares: the form group, the hint and the ids that tie them
// together (`${id}-hint`, `${id}-error`).

export const formGroupClass = (error: unknown) => `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;

/** The field's aria-describedby: its hint and its error, when it has them. */
export const describedBy = (id: string, hint: unknown, error: unknown, ...more: string[]) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : '', ...more].filter(Boolean).join(' ') || undefined;

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  ) : null;
}

/** Label and legend sizes: `m` for a question on its own, `s` inside a group of questions. */
export type TextSize = 's' | 'm' | 'l';

/** What every text field takes: its id (error links point at it), words and value. */
export interface TextFieldProps {
  id: string;
  label: ReactNode;
  /** Left out for a plain label, as inside a group of questions. */
  labelSize?: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** A text field's label, hint and error message, in GOV.UK order above the field. */
export function FieldLabel({ id, label, labelSize, hint, error }: Pick<TextFieldProps, 'id' | 'label' | 'labelSize' | 'hint' | 'error'>) {
  return (
    <>
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}
