import { describedBy, FieldLabel, formGroupClass, type TextFieldProps } from './field-parts';

interface TextInputProps extends TextFieldProps {
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
      <FieldLabel id={id} label={label} labelSize={labelSize} hint={hint} error={error} />
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
