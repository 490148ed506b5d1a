import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A GOV.UK confirmation panel that takes the place of a finished form at the same address, so
 * it moves focus to its heading, as arriving on a new page would.
 */
export function ConfirmationPanel({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Layout effect: focus moves in the same commit the panel appears, before it is painted.
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}
