import type { ReactNode } from 'react';
import type { DateParts } from '../../../shared/model/direct-work';

// GOV.UK Design System form patterns (text input, textarea, date input, radios and checkboxes
// with conditional reveal), for the direct work and observation forms.

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  ) : null;
}

const groupClass = (error: unknown) => `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;

export function TextInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  width,
  autoComplete,
}: FieldProps & { value: string; onChange: (value: string) => void; width?: 10 | 20 | 30; autoComplete?: string }) {
  return (
    <div className={groupClass(error)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        spellCheck={false}
        autoComplete={autoComplete ?? 'off'}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 5,
}: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <div className={groupClass(error)}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
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

/** GOV.UK date input. The error summary links to `${id}-day`. */
export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: { id: string; legend: ReactNode; hint?: ReactNode; error?: string | undefined; value: DateParts; onChange: (value: DateParts) => void }) {
  const parts = [
    { key: 'day', text: 'Day', width: 2 },
    { key: 'month', text: 'Month', width: 2 },
    { key: 'year', text: 'Year', width: 4 },
  ] as const;
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className="govuk-date-input" id={id}>
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part.key}`}>
                  {part.text}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? ' govuk-input--error' : ''}`}
                  id={`${id}-${part.key}`}
                  name={`${id}-${part.key}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part.key]}
                  onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export interface ChoiceOption<Value extends string> {
  value: Value;
  text: ReactNode;
  hint?: ReactNode;
  /** Shown under the option while it is chosen (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

interface ChoiceProps<Value extends string> {
  /** The first option's id; the error summary links to it. */
  id: string;
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l';
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly ChoiceOption<Value>[];
}

const optionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

function ChoiceGroup<Value extends string>({
  kind,
  id,
  legend,
  legendSize = 's',
  hint,
  error,
  options,
  isChecked,
  onToggle,
  inline,
}: ChoiceProps<Value> & { kind: 'radios' | 'checkboxes'; isChecked: (v: Value) => boolean; onToggle: (v: Value, checked: boolean) => void; inline?: boolean }) {
  const input = kind === 'radios' ? 'radio' : 'checkbox';
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ''}`}>
          {options.map((option, index) => {
            const itemId = optionId(id, index);
            const checked = isChecked(option.value);
            return (
              <div key={option.value}>
                <div className={`govuk-${kind}__item`}>
                  <input
                    className={`govuk-${kind}__input`}
                    id={itemId}
                    name={id}
                    type={input}
                    value={option.value}
                    checked={checked}
                    aria-describedby={option.hint ? `${itemId}-item-hint` : undefined}
                    aria-controls={option.conditional ? `${itemId}-conditional` : undefined}
                    onChange={(event) => onToggle(option.value, event.target.checked)}
                  />
                  <label className={`govuk-label govuk-${kind}__label`} htmlFor={itemId}>
                    {option.text}
                  </label>
                  {option.hint && (
                    <div id={`${itemId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                      {option.hint}
                    </div>
                  )}
                </div>
                {option.conditional && (
                  <div
                    className={`govuk-${kind}__conditional${checked ? '' : ` govuk-${kind}__conditional--hidden`}`}
                    id={`${itemId}-conditional`}
                  >
                    {checked && option.conditional}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios<Value extends string>(
  props: ChoiceProps<Value> & { value: Value | ''; onChange: (value: Value) => void; inline?: boolean },
) {
  return <ChoiceGroup kind="radios" {...props} isChecked={(v) => v === props.value} onToggle={(v) => props.onChange(v)} />;
}

export function Checkboxes<Value extends string>(
  props: ChoiceProps<Value> & { values: readonly Value[]; onChange: (values: Value[]) => void },
) {
  return (
    <ChoiceGroup
      kind="checkboxes"
      {...props}
      isChecked={(v) => props.values.includes(v)}
      onToggle={(v, checked) =>
        props.onChange(props.options.map((o) => o.value).filter((x) => (x === v ? checked : props.values.includes(x))))
      }
    />
  );
}

export const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
] as const;

/** "Draft saved", read out by screen readers without moving focus. */
export function DraftStatus({ state }: { state: 'idle' | 'saved' | 'failed' }) {
  const text = {
    idle: '',
    saved: 'Draft saved',
    failed: 'This could not be saved on this device. Do not close Doorstep; copy what you wrote somewhere safe.',
  }[state];
  return (
    <p role="status" className={`govuk-body doorstep-draft-status${state === 'failed' ? ' govuk-error-message' : ''}`}>
      {text}
    </p>
  );
}
