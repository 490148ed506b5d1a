import type { ReactNode } from 'react';
import { ChoiceGroup, type ChoiceOption } from './choice-group';
import type { TextSize } from './field-parts';

export type CheckboxOption<V extends string> = ChoiceOption<V>;

/**
 * GOV.UK checkboxes (any number of answers). The first box's id is `id` (error links point at
 * it), the others get -2, -3…
 */
export function Checkboxes<V extends string>({
  id,
  legend,
  legendSize = 's',
  hint,
  error,
  options,
  values,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  /** `s` inside a group of questions (the default), `m` for a question on its own. */
  legendSize?: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly CheckboxOption<V>[];
  values: readonly V[];
  /** The values now checked, in the options' order, and the box that changed. */
  onChange: (values: V[], changed: V, checked: boolean) => void;
}) {
  const toggle = (value: V, checked: boolean) =>
    onChange(
      options.map((o) => o.value).filter((v) => (v === value ? checked : values.includes(v))),
      value,
      checked,
    );
  return (
    <ChoiceGroup
      kind="checkboxes"
      id={id}
      name={id}
      legend={legend}
      legendSize={legendSize}
      hint={hint}
      error={error}
      options={options}
      isChecked={(value) => values.includes(value)}
      onToggle={toggle}
    />
  );
}
