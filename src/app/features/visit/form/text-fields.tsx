import type { ReactNode } from 'react';
import { FieldError } from './field-error';

interface FieldProps {
  id: string;
  label: ReactNode;
  /** m/l labels are page-level questions; plain labels sit inside a group. */
  labelSize?: 's' | 'm';
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldTop({ id, label, labelSize, hint, error }: Omit<FieldProps, 'value' | 'onChange'>) {
  return (
    <>
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && <FieldError id={`${id}-error`} message={error} />}
    </>
  );
}

export function TextInput(props: FieldProps & { widthClass?: string; inputMode?: 'text' | 'numeric'; onEnter?: () => void }) {
  const { id, hint, error, value, onChange, widthClass, inputMode, onEnter } = props;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <FieldTop {...props} />
      <input
        className={`govuk-input${widthClass ? ` ${widthClass}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (onEnter && event.key === 'Enter') {
            event.preventDefault();
            onEnter();
          }
        }}
      />
    </div>
  );
}

export function Textarea(props: FieldProps & { rows?: number }) {
  const { id, hint, error, value, onChange, rows = 5 } = props;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <FieldTop {...props} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        spellCheck
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
