import type { ReactNode } from 'react';

// The pieces every GOV.UK field shares: the form group, the hint and the ids that tie them
// together (`${id}-hint`, `${id}-error`).

export const formGroupClass = (error: unknown) => `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;

/** The field's aria-describedby: its hint and its error, when it has them. */
export const describedBy = (id: string, hint: unknown, error: unknown, ...more: string[]) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : '', ...more].filter(Boolean).join(' ') || undefined;

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  ) : null;
}

/** Label and legend sizes: `m` for a question on its own, `s` inside a group of questions. */
export type TextSize = 's' | 'm' | 'l';
