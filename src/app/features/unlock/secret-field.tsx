import type { InputHTMLAttributes } from 'react';

interface SecretFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
}

/** A GOV.UK text input for a PIN or passphrase, with its hint and error message. */
export function SecretField({ id, label, hint, error, value, onChange, autoComplete, inputMode }: SecretFieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className={`govuk-input govuk-input--width-20${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="password"
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={false}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
