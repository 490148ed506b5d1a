import { useEffect } from 'react';

export const SERVICE_NAME = 'Doorstep';

/** Gives each page its own document title, e.g. "Caseload – Doorstep" (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${SERVICE_NAME}`;
  }, [title]);
}
