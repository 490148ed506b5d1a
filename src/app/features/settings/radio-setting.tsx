import { useState } from 'react';

export interface RadioOption<T extends string | number> {
  value: T;
  text: string;
}

interface RadioSettingProps<T extends string | number> {
  name: string;
  legend: string;
  hint?: string;
  options: readonly RadioOption<T>[];
  value: T | undefined;
  onSave: (value: T) => Promise<void>;
}

/** A GOV.UK radios fieldset that saves as soon as a choice is made, and says so. */
export function RadioSetting<T extends string | number>({ name, legend, hint, options, value, onSave }: RadioSettingProps<T>) {
  const [status, setStatus] = useState('');
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby={hintId}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {options.map((option) => {
            const id = `${name}-${option.value}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => {
                    setStatus('');
                    onSave(option.value).then(
                      () => setStatus(`Saved: ${option.text}`),
                      () => setStatus('Could not save this setting. Try again'),
                    );
                  }}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {option.text}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <p className="govuk-body-s" role="status">
        {status}
      </p>
    </div>
  );
}
