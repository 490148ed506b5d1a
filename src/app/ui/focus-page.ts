/**
 * Focus an element that Tab does not reach (a page's h1, `main`), as arriving on a new page
 * would, so a screen reader announces where the user now is.
 */
export function focusProgrammatically(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}

/** Focus the page's h1; false when the page has none (yet). */
export function focusPageHeading(): boolean {
  const heading = document.querySelector<HTMLElement>('#main-content h1');
  if (!heading) return false;
  focusProgrammatically(heading);
  return true;
}
