/** Its own module so tests can see whether (and when) the app reloads itself. */
export function reloadPage(): void {
  window.location.reload();
}
