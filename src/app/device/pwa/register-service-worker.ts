import { Workbox } from 'workbox-window';
import { reloadPage } from './reload-page';
import { saveEverythingNow } from './save-before-reload';
import { useAppUpdate } from './update-store';

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers the service worker that vite-plugin-pwa generates, with workbox-window, for the
 * prompt flow (registerType 'prompt'): a new version waits until the user presses "Update
 * now"; then we ask it to skip waiting and reload once it controls this page. Nothing here
 * reloads by itself, so no one loses what they are typing.
 */
export function registerServiceWorker(scriptUrl = `${import.meta.env.BASE_URL}sw.js`): Workbox | undefined {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return undefined;
  const wb = new Workbox(scriptUrl, { scope: import.meta.env.BASE_URL });
  let requestedHere = false;

  // Fires for our own update and for one found by a later check or another tab ("external").
  wb.addEventListener('waiting', () => useAppUpdate.setState({ updateWaiting: true }));

  wb.addEventListener('controlling', (event) => {
    if (!event.isUpdate) return;
    // Reload only if this tab asked; another tab's "Update now" must not reload a page
    // someone may be typing in. That page keeps the banner, and its button just reloads.
    if (requestedHere) reloadPage();
    else useAppUpdate.setState({ updateWaiting: true, takenOverElsewhere: true });
  });

  useAppUpdate.setState({
    applyUpdate: async () => {
      requestedHere = true;
      // Whatever was typed in the last moment goes to IndexedDB before the page reloads.
      await saveEverythingNow();
      if (useAppUpdate.getState().takenOverElsewhere) reloadPage();
      else wb.messageSkipWaiting();
    },
  });

  wb.register()
    .then((registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine && !registration.installing) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_INTERVAL_MS);
    })
    .catch((error: unknown) => console.error('Doorstep could not register its service worker', error));
  return wb;
}
