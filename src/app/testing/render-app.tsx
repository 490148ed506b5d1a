import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../routes';
import { unlockTestSessionNow } from './unlock-test-device';

// jsdom has no scrolling; react-router's ScrollRestoration calls it on every navigation.
window.scrollTo = () => undefined;

export interface RenderAppOptions {
  /**
   * true (the default): the device session is unlocked in memory first, so the app shows
   * straight away.
   * false: the session is left as it is (use lockedTestDevice() or newTestDevice() first to
   * see the unlock or set-up page).
   */
  unlocked?: boolean;
}

/** Renders the whole app shell at a path, with an in-memory router. */
export function renderApp(path = '/', { unlocked = true }: RenderAppOptions = {}) {
  if (unlocked) unlockTestSessionNow();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return { router, ...render(<RouterProvider router={router} />) };
}
