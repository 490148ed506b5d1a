import { useState } from 'react';
import { Radios } from '../../ui/form/radios';

interface RadioSettingProps<T extends string | number> {
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: T; text: string }[];
  value: T | undefined;
  onSave: (value: T) => Promise<void>;
}

/** GOV.UK small radios that save as soon as a choice is made, and say so. */
export function RadioSetting<T extends string | number>({ name, legend, hint, options, value, onSave }: RadioSettingProps<T>) {
  const [status, setStatus] = useState('');
  return (
    <Radios
      id={name}
      legend={legend}
      hint={hint}
      small
      options={options}
      value={value}
      onChange={(chosen) => {
        setStatus('');
        const text = options.find((option) => option.value === chosen)?.text;
        onSave(chosen).then(
          () => setStatus(`Saved: ${text}`),
          () => setStatus('Could not save this setting. Try again'),
        );
      }}
    >
      <p className="govuk-body-s" role="status">
        {status}
      </p>
    </Radios>
  );
}
