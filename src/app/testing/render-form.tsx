import { render } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { unlockTestSessionNow } from './unlock-test-device';
import { ObservationPage } from '../features/observation/observation-page';
import { DirectWorkPage } from '../features/direct-work/direct-work-page';

// jsdom has no scrolling; react-router's ScrollRestoration calls it on every navigation.
window.scrollTo = () => undefined;

/**
 * Tests only: the direct work and observation routes as the app declares them (routes.tsx),
 * inside a bare <main>, on an unlocked device, so these forms' tests do not depend on the
 * rest of the app.
 */
export function renderForm(path: string) {
  unlockTestSessionNow();
  const router = createMemoryRouter(
    [
      {
        element: (
          <main id="main-content">
            <Outlet />
          </main>
        ),
        children: [
          { path: 'direct-work/new', element: <DirectWorkPage /> },
          { path: 'direct-work/:recordId', element: <DirectWorkPage /> },
          { path: 'observations/new', element: <ObservationPage /> },
          { path: 'observations/:recordId', element: <ObservationPage /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  return { router, ...render(<RouterProvider router={router} />) };
}
