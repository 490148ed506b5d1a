import type { ReactNode } from 'react';
import { ChoiceGroup, type ChoiceOption } from './choice-group';
import type { TextSize } from './field-parts';

export type RadioOption<V extends string | number> = ChoiceOption<V>;

export interface RadiosProps<V extends string | number> {
  /** The first radio's id (error and warning links point at it); the others get -2, -3… */
  id: string;
  /** The radios' name; the id when left out. */
  name?: string;
  legend: ReactNode;
  /** `s` inside a group of questions (the default), `m` for a question on its own. */
  legendSize?: TextSize;
  hint?: ReactNode;
  error?: string | undefined;
  inline?: boolean;
  small?: boolean;
  options: readonly RadioOption<V>[];
  value: V | '' | null | undefined;
  onChange: (value: V) => void;
  /** Under the fieldset, inside the form group (a setting's "Saved" status). */
  children?: ReactNode;
}

/** GOV.UK radios (one answer); inline radios never have conditional content. */
export function Radios<V extends string | number>(props: RadiosProps<V>) {
  const { id, name = id, legendSize = 's', inline = false, small = false, options, value, onChange, ...rest } = props;
  const conditional = options.some((option) => option.conditional !== undefined);
  const modifiers = `${inline && !conditional ? ' govuk-radios--inline' : ''}${small ? ' govuk-radios--small' : ''}${conditional ? ' govuk-radios--conditional' : ''}`;
  return (
    <ChoiceGroup
      {...rest}
      kind="radios"
      id={id}
      name={name}
      legendSize={legendSize}
      modifiers={modifiers}
      options={options}
      isChecked={(option) => value === option}
      onToggle={(option) => onChange(option)}
    />
  );
}

/** Options for a yes/no question kept as 'yes' | 'no' | '' (not yet answered). */
export const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
] as const;

interface YesNoProps extends Omit<RadiosProps<'yes' | 'no'>, 'options' | 'value' | 'onChange' | 'inline' | 'children'> {
  value: boolean | null;
  onChange: (value: boolean) => void;
  /** Shown under "No" while it is checked. */
  whenNo?: ReactNode;
}

/** A yes/no question on GOV.UK radios, for a boolean that is null until answered. */
export function YesNo({ value, onChange, whenNo, ...props }: YesNoProps) {
  return (
    <Radios
      {...props}
      inline={whenNo === undefined}
      options={[YES_NO[0], { ...YES_NO[1], conditional: whenNo }]}
      value={value === null ? null : value ? 'yes' : 'no'}
      onChange={(answer) => onChange(answer === 'yes')}
    />
  );
}
