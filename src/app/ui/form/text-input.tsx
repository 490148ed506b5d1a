import type { ReactNode } from 'react';
import { FieldError } from './field-error';
import { describedBy, formGroupClass, Hint, type TextSize } from './field-parts';

interface TextInputProps {
  id: string;
  label: ReactNode;
  /** Left out for a plain label, as inside a group of questions. */
  labelSize?: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** GOV.UK fixed width, in characters. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  inputMode?: 'text' | 'numeric';
  autoComplete?: string;
  /** Called instead of submitting the form when Enter is pressed in the field. */
  onEnter?: () => void;
}

/** GOV.UK text input. The id is the input's, so error links point at it. */
export function TextInput({ id, label, labelSize, hint, error, value, onChange, width, inputMode, autoComplete, onEnter }: TextInputProps) {
  return (
    <div className={formGroupClass(error)}>
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} message={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        inputMode={inputMode}
        spellCheck={false}
        autoComplete={autoComplete ?? 'off'}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={
          onEnter &&
          ((event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onEnter();
            }
          })
        }
      />
    </div>
  );
}
