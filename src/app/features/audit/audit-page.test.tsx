import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent, AuditPage, SessionInfo } from '../../../shared/sync/index.ts';
import { useConnectivity } from '../../device/stores/connectivity-store';
import { OfflineError, RequestError, setAppTransport, type AuditRequest, type SyncTransport } from '../../device/sync';
import { renderApp } from '../../testing/render-app';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { MANAGER_SESSION, signedInAs } from '../../testing/sign-off-test-data';

const ADMIN_SESSION: SessionInfo = {
  user: { id: '0190a000-0000-7000-8000-0000000000ad', name: 'Ada Whitlock', email: 'admin@example.test', role: 'admin', teamId: null, lineManagerId: null },
  expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
};
const PRACTITIONER_SESSION: SessionInfo = { ...MANAGER_SESSION, user: { ...MANAGER_SESSION.user, name: 'Priya Lowell', role: 'practitioner' } };
const PRIYA = '0190a000-0000-7000-8000-000000000002';

function event(id: string, fields: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id,
    at: '2026-03-02T10:05:00.000Z',
    userId: PRIYA,
    userName: 'Priya Lowell',
    action: 'read',
    recordId: 'v-1',
    recordType: 'visit',
    childIds: ['c1'],
    blobSha256: null,
    ...fields,
  };
}

/**
 * The server as the audit page sees it: `audit` answers with `answer`, every other call fails
 * as offline (so the app's own sync engine does nothing).
 */
function serverAnswering(answer: (query: AuditRequest) => Promise<AuditPage>) {
  const queries: AuditRequest[] = [];
  const audit = (query: AuditRequest) => {
    queries.push(query);
    return answer(query);
  };
  const transport = new Proxy({} as SyncTransport, {
    get: (_target, name) => (name === 'then' ? undefined : name === 'audit' ? audit : () => Promise.reject(new OfflineError())),
  });
  setAppTransport(transport);
  return queries;
}

const noEvents = async (): Promise<AuditPage> => ({ events: [], nextCursor: '0', hasMore: false });

beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  useConnectivity.setState({ online: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  setAppTransport(null);
});

describe('who can see the audit trail', () => {
  it('links it in the service navigation for an admin', async () => {
    serverAnswering(noEvents);
    await signedInAs(ADMIN_SESSION);
    renderApp('/audit');
    const navigation = await screen.findByRole('navigation', { name: 'Service navigation' }, { timeout: 5_000 });
    const link = within(navigation).getByRole('link', { name: 'Audit trail' });
    expect(link).toHaveAttribute('href', '/audit');
    expect(link).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit trail' })).toBeInTheDocument();
    expect(document.title).toBe('Audit trail – Doorstep');
  });

  it.each([
    ['a practitioner', PRACTITIONER_SESSION],
    ['a manager', MANAGER_SESSION],
  ])('is not in the navigation for %s, and its page says only an administrator can see it', async (_who, session) => {
    const queries = serverAnswering(noEvents);
    await signedInAs(session);
    renderApp('/audit');
    expect(await screen.findByText('Only an administrator can see the audit trail.', {}, { timeout: 5_000 })).toBeInTheDocument();
    const navigation = screen.getByRole('navigation', { name: 'Service navigation' });
    expect(within(navigation).getByRole('link', { name: 'Caseload' })).toBeInTheDocument();
    expect(within(navigation).queryByRole('link', { name: 'Audit trail' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show the trail' })).not.toBeInTheDocument();
    expect(queries).toEqual([]);
  });
});

describe('asking for the trail', () => {
  it('asks for a child reference or a user when both are empty, and asks the server nothing', async () => {
    const queries = serverAnswering(noEvents);
    await signedInAs(ADMIN_SESSION);
    const user = userEvent.setup();
    renderApp('/audit');
    await user.click(await screen.findByRole('button', { name: 'Show the trail' }, { timeout: 5_000 }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    const link = within(summary).getByRole('link', { name: 'Enter a child reference or a user' });
    expect(link).toHaveAttribute('href', '#child-id');
    expect(screen.getByRole('textbox', { name: 'Child reference' })).toHaveAccessibleDescription(/Error: Enter a child reference or a user/);
    await user.click(link);
    expect(screen.getByRole('textbox', { name: 'Child reference' })).toHaveFocus();
    expect(queries).toEqual([]);
  });

  it('refuses a user that is not a user id', async () => {
    const queries = serverAnswering(noEvents);
    await signedInAs(ADMIN_SESSION);
    const user = userEvent.setup();
    renderApp('/audit');
    await user.type(await screen.findByRole('textbox', { name: 'User' }, { timeout: 5_000 }), 'Priya Lowell');
    await user.click(screen.getByRole('button', { name: 'Show the trail' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /Enter the user as their id/ })).toHaveAttribute('href', '#user-id');
    expect(queries).toEqual([]);
  });

  it("shows a child's trail in a table, page by page with the server's cursor, and writes none of it to the device", async () => {
    const pages: Record<string, AuditPage> = {
      '0': {
        events: [
          event('11', { at: '2026-03-02T10:05:00.000Z', action: 'create', childIds: ['c1', 'c2'] }),
          event('12', { at: '2026-03-02T14:30:00.000Z', userId: ADMIN_SESSION.user.id, userName: 'Morgan Ashby', action: 'sign-off' }),
        ],
        nextCursor: '12',
        hasMore: true,
      },
      '12': {
        events: [event('15', { at: '2026-03-03T09:00:00.000Z', action: 'blob-read', recordId: 'dw-1', recordType: 'direct-work', blobSha256: 'a'.repeat(64) })],
        nextCursor: '15',
        hasMore: false,
      },
    };
    const queries = serverAnswering(async (query) => pages[query.cursor ?? '0']!);
    await signedInAs(ADMIN_SESSION);
    const user = userEvent.setup();
    renderApp('/audit');
    await user.type(await screen.findByRole('textbox', { name: 'Child reference' }, { timeout: 5_000 }), ' c1 ');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const add = vi.spyOn(IDBObjectStore.prototype, 'add');
    await user.click(screen.getByRole('button', { name: 'Show the trail' }));

    const first = await screen.findByRole('table', { name: 'Events about child reference c1, oldest first' });
    expect(queries).toEqual([{ childId: 'c1', cursor: '0' }]);
    expect(within(first).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['When', 'Who', 'Action', 'Record']);
    const rows = within(first).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['2 March 2026 at 10:05am', 'Priya Lowell', 'Created', 'Visit v-1Children: c1, c2'],
      ['2 March 2026 at 2:30pm', 'Morgan Ashby', 'Signed off', 'Visit v-1Child: c1'],
    ]);
    expect(screen.queryByRole('button', { name: 'Previous page' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    const second = await screen.findByRole('table', { name: 'Events about child reference c1, oldest first (page 2)' });
    expect(queries[1]).toEqual({ childId: 'c1', cursor: '12' });
    expect(within(second).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      '3 March 2026 at 9:00am' + 'Priya Lowell' + 'Opened a photo' + 'Direct work dw-1Child: c1',
    ]);
    expect(screen.queryByRole('button', { name: 'Next page' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('table', { name: 'Events about child reference c1, oldest first' })).toBeInTheDocument();
    expect(queries[2]).toEqual({ childId: 'c1', cursor: '0' });
    expect(queries).toHaveLength(3);

    expect(put).not.toHaveBeenCalled();
    expect(add).not.toHaveBeenCalled();
  });

  it("asks by user, and by child and user together, and says when there is nothing", async () => {
    const queries = serverAnswering(noEvents);
    await signedInAs(ADMIN_SESSION);
    const user = userEvent.setup();
    renderApp('/audit');
    await user.type(await screen.findByRole('textbox', { name: 'User' }, { timeout: 5_000 }), PRIYA);
    await user.click(screen.getByRole('button', { name: 'Show the trail' }));
    expect(await screen.findByText(`There are no events by user ${PRIYA}.`)).toBeInTheDocument();
    expect(queries).toEqual([{ userId: PRIYA, cursor: '0' }]);

    await user.type(screen.getByRole('textbox', { name: 'Child reference' }), 'c1');
    await user.click(screen.getByRole('button', { name: 'Show the trail' }));
    expect(await screen.findByText(`There are no events about child reference c1 by user ${PRIYA}.`)).toBeInTheDocument();
    expect(queries[1]).toEqual({ childId: 'c1', userId: PRIYA, cursor: '0' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('when the trail cannot be read', () => {
  it('says the network is needed while the device is offline', async () => {
    const queries = serverAnswering(noEvents);
    await signedInAs(ADMIN_SESSION);
    renderApp('/audit');
    expect(await screen.findByRole('button', { name: 'Show the trail' }, { timeout: 5_000 })).toBeInTheDocument();

    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByText(/You need to be online to see the audit trail/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show the trail' })).not.toBeInTheDocument();

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.getByRole('button', { name: 'Show the trail' })).toBeInTheDocument();
    expect(screen.queryByText(/You need to be online to see the audit trail/)).not.toBeInTheDocument();
    expect(queries).toEqual([]);
  });

  it('says the network is needed when the server cannot be reached', async () => {
    serverAnswering(() => Promise.reject(new OfflineError('The server could not be reached')));
    await signedInAs(ADMIN_SESSION);
    const user = userEvent.setup();
    renderApp('/audit');
    await user.type(await screen.findByRole('textbox', { name: 'Child reference' }, { timeout: 5_000 }), 'c1');
    await user.click(screen.getByRole('button', { name: 'Show the trail' }));
    expect(await screen.findByText('You need to be online to see the audit trail.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says only an administrator can see it when the server refuses (403)', async () => {
    serverAnswering(() => Promise.reject(new RequestError('Forbidden', 403, 'forbidden')));
    await signedInAs(ADMIN_SESSION);
    const user = userEvent.setup();
    renderApp('/audit');
    await user.type(await screen.findByRole('textbox', { name: 'Child reference' }, { timeout: 5_000 }), 'c1');
    await user.click(screen.getByRole('button', { name: 'Show the trail' }));
    expect(await screen.findByText('Only an administrator can see the audit trail.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show the trail' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
