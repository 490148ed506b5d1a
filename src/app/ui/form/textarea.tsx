import { describedBy, FieldLabel, formGroupClass, type TextFieldProps } from './field-parts';

export interface TextareaProps extends TextFieldProps {
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
      <FieldLabel id={id} label={label} labelSize={labelSize} hint={hint} error={error} />
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
