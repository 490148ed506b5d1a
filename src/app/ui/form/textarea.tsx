import type { ReactNode } from 'react';
import { FieldError } from './field-error';
import { describedBy, formGroupClass, Hint, type TextSize } from './field-parts';

export interface TextareaProps {
  id: string;
  label: ReactNode;
  /** Left out for a plain label. */
  labelSize?: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

/** GOV.UK textarea. The id is the textarea's, so error links point at it. */
export function Textarea({ id, label, labelSize, hint, error, value, onChange, rows = 5 }: TextareaProps) {
  return (
    <div className={formGroupClass(error)}>
      <TextareaField id={id} label={label} labelSize={labelSize} hint={hint} error={error} value={value} onChange={onChange} rows={rows} />
    </div>
  );
}

/** The label, hint, error and textarea without their form group, for the character count to wrap. */
export function TextareaField({
  id,
  label,
  labelSize,
  hint,
  error,
  value,
  onChange,
  rows = 5,
  className = '',
  extraDescribedBy = [],
}: TextareaProps & { className?: string; extraDescribedBy?: string[] }) {
  return (
    <>
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        className={`govuk-textarea${className}${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        spellCheck
        aria-describedby={describedBy(id, hint, error, ...extraDescribedBy)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}
