import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveRecord } from './device/db';
import { useConnectivity } from './device/stores/connectivity-store';
import { renderApp } from './testing/render-app';
import { resetDatabase } from './testing/reset-database';

beforeEach(async () => {
  await resetDatabase();
  useConnectivity.setState({ online: true });
});

// The visit and observation forms open at their first step: its title is the h1, and the
// page title names the step and the form.
const pages = [
  { path: '/', heading: 'Caseload', title: 'Caseload', link: 'Caseload' },
  { path: '/visits/new', heading: 'Visit details', title: 'Visit details – New visit', link: 'New visit' },
  { path: '/direct-work/new', heading: 'Direct work', title: 'Direct work', link: 'Direct work' },
  {
    path: '/observations/new',
    heading: 'About the observation',
    title: 'About the observation – Practice observation',
    link: 'Observation',
  },
  { path: '/sign-off', heading: 'Sign-off', title: 'Sign-off', link: 'Sign-off' },
  { path: '/settings', heading: 'Settings', title: 'Settings', link: 'Settings' },
  { path: '/drafts', heading: 'Your drafts', title: 'Your drafts', link: 'Drafts' },
];

describe('the app shell', () => {
  it.each(pages)('$path has one h1 "$heading", its own title, and is marked current in the navigation', async ({ path, heading, title, link }) => {
    renderApp(path);
    // A form may show a placeholder h1 for a moment while it reads the device: wait for the real one.
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    await waitFor(() => expect(document.title).toBe(`${title} – Doorstep`));
    const nav = screen.getByRole('navigation', { name: 'Service navigation' });
    expect(within(nav).getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getAllByRole('link').filter((a) => a.hasAttribute('aria-current'))).toHaveLength(1);
  });

  it('has the landmarks a screen reader user jumps between', () => {
    renderApp('/');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main-content');
  });

  it.each(pages)('$path has no id twice', async ({ path, heading }) => {
    renderApp(path);
    await screen.findByRole('heading', { level: 1, name: heading });
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('shows "Page not found" for an address it does not know', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('If you typed the web address, check it is correct.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your caseload' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toBe('Page not found – Doorstep'));
  });

  it("says so honestly when a child is not on this device, and keeps Caseload current", async () => {
    renderApp('/children/c-demo-1');
    expect(await screen.findByText('There is no child with the reference c-demo-1 on this device.')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Service navigation' });
    expect(within(nav).getByRole('link', { name: 'Caseload' })).toHaveAttribute('aria-current', 'true');
  });

  it('moves focus to the new page heading after following a link', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.click(within(screen.getByRole('navigation', { name: 'Service navigation' })).getByRole('link', { name: 'Settings' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('leaves focus where it is when the address is replaced (a form naming its new record)', async () => {
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Caseload' });
    const lockNow = within(screen.getByRole('banner')).getByRole('button', { name: 'Lock now' });
    lockNow.focus();
    await act(() => router.navigate('/settings', { replace: true }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lockNow).toHaveFocus();
  });

  it('the skip link moves focus into the main content', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });
});

describe('the header', () => {
  it('shows Offline when the network goes, and Online when it comes back, and says so to screen readers', async () => {
    renderApp('/');
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Online', { exact: true })).toBeInTheDocument();

    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(within(header).getByText('Offline', { exact: true })).toBeInTheDocument();
    expect(within(header).getByRole('status')).toHaveTextContent(/You are offline/);

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(within(header).getByText('Online', { exact: true })).toBeInTheDocument();
    expect(within(header).getByRole('status')).toHaveTextContent('You are back online.');
  });

  it('counts changes waiting to sync, live from the outbox', async () => {
    renderApp('/');
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('All changes synced')).toBeInTheDocument();

    const visit = await saveRecord({ type: 'visit', status: 'draft', body: { notes: 'Seen at school' } });
    expect(await within(header).findByText('1 change waiting to sync')).toBeInTheDocument();

    await saveRecord({ ...visit, body: { notes: 'Seen at school with her brother' } });
    await saveRecord({ type: 'observation', status: 'draft', body: {} });
    await saveRecord({ type: 'direct-work', status: 'draft', body: {} });
    expect(await within(header).findByText('3 changes waiting to sync')).toBeInTheDocument();
  });
});
