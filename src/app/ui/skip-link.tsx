import type { MouseEvent } from 'react';
import { focusProgrammatically } from './focus-page';

/** Moves focus (not just the scroll position) into the main content, as govuk-frontend's JS does. */
export function SkipLink({ targetId = 'main-content' }: { targetId?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    focusProgrammatically(target);
    target.scrollIntoView?.();
  };
  return (
    <a href={`#${targetId}`} className="govuk-skip-link" onClick={onClick}>
      Skip to main content
    </a>
  );
}
