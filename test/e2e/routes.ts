/**
 * Every page reached from the service navigation, with the heading a user sees there. `ready`:
 * a button only the page itself has, where the placeholder the page shows while it reads the
 * device has the same h1 (so the heading alone cannot tell that the page is there).
 */
export const routes = [
  { path: '/', heading: 'Caseload', navLink: 'Caseload' },
  { path: '/visits/new', heading: 'Visit details', navLink: 'New visit' },
  { path: '/direct-work/new', heading: 'Direct work', navLink: 'Direct work', ready: 'Finish and record' },
  { path: '/observations/new', heading: 'About the observation', navLink: 'Observation' },
  { path: '/drafts', heading: 'Your drafts', navLink: 'Drafts' },
  { path: '/sign-off', heading: 'Sign-off', navLink: 'Sign-off' },
  { path: '/dashboard', heading: 'Team dashboard', navLink: 'Team dashboard' },
  { path: '/settings', heading: 'Settings', navLink: 'Settings' },
] as const;

export const missingPath = '/no-such-page';

/** Pages reached from the header rather than the service navigation. */
export const headerPages = [
  { path: '/sync', heading: 'Sync' },
  { path: '/conflicts', heading: 'Conflicts' },
] as const;
