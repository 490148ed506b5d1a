import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ colour, className, children }: { colour?: TagColour; className?: string; children: ReactNode }) {
  const classes = ['govuk-tag', colour && `govuk-tag--${colour}`, className].filter(Boolean).join(' ');
  return <strong className={classes}>{children}</strong>;
}
