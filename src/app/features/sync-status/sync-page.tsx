import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { pendingChangesText } from '../../ui/connection-status';
import { formatDateTime, formatSyncTime } from '../../ui/format-date';
import { Tag } from '../../ui/tag';
import { usePageTitle } from '../../ui/use-page-title';
import { countPendingChanges } from '../../device/db';
import { useConnectivity } from '../../device/stores/connectivity-store';
import { appScheduler, listConflicts, listRecordsNeedingSync, useSyncState, type SyncState } from '../../device/sync';
import { RECORD_KINDS } from '../../records/record-kinds';
import { SYNC_TAGS } from '../../records/record-sync-tag';
import { SESSION_ENDED } from '../../ui/session-ended-banner';

/** Show the progress bar only when a sync takes longer than this. */
const LONG_SYNC_MS = 1_000;

/** What is waiting to go, the last sync, progress on long syncs, and "Sync now". */
export function SyncPage() {
  usePageTitle('Sync');
  const state = useSyncState();
  const online = useConnectivity((s) => s.online);
  const pending = useLiveQuery(countPendingChanges, []);
  const records = useLiveQuery(listRecordsNeedingSync, []);
  const conflicts = useLiveQuery(async () => (await listConflicts()).length, []);
  const longSync = useLongSync(state);
  const announcement = useAnnouncement(state.status);
  const signedOut = state.status === 'signed-out';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sync</h1>
        <p className="govuk-body">{statusSentence(state, online)}</p>
        {signedOut && (
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">
              {state.signedOutReason === 'session-ended' ? 'Sign in again' : 'Sign in'}
            </Link>
          </p>
        )}
        {pending !== undefined && <p className="govuk-body">{pendingChangesText(pending)}.</p>}
        <p className="govuk-body">{state.lastSuccessAt ? `Last synced ${formatSyncTime(state.lastSuccessAt)}` : 'Not synced yet on this device'}</p>
        {state.status === 'syncing' && longSync && state.progress && (
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="sync-progress">
              Syncing: {state.progress.done} of {state.progress.total}
            </label>
            <progress id="sync-progress" className="doorstep-progress" max={state.progress.total} value={state.progress.done} style={{ width: '100%', height: '1.5rem' }}>
              {state.progress.done} of {state.progress.total}
            </progress>
          </div>
        )}
        <button
          type="button"
          className="govuk-button"
          data-module="govuk-button"
          aria-disabled={signedOut || state.status === 'syncing' || undefined}
          onClick={() => {
            if (signedOut || state.status === 'syncing') return;
            void appScheduler().syncNow();
          }}
        >
          Sync now
        </button>
        <p role="status" className="govuk-visually-hidden">
          {announcement}
        </p>

        {!!conflicts && (
          <>
            <h2 className="govuk-heading-m">Conflicts</h2>
            <p className="govuk-body">
              {conflicts === 1 ? 'A record was' : `${conflicts} records were`} changed on another device too. Nothing has been lost: choose which version to keep.
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/conflicts">
                Resolve conflicts
              </Link>
            </p>
          </>
        )}

        <h2 className="govuk-heading-m">Waiting to sync</h2>
        {records && records.length === 0 && <p className="govuk-body">Nothing is waiting. Everything on this device has been sent.</p>}
        {records && records.length > 0 && (
          <ul className="govuk-list govuk-list--spaced">
            {records.map((record) => {
              const kind = RECORD_KINDS[record.type];
              const tag = SYNC_TAGS[record.state];
              return (
                <li key={record.id}>
                  <Tag colour={tag.colour}>{tag.text}</Tag> {kind.name}, last saved {formatDateTime(record.updatedAt)}
                  {record.reason && (
                    <span className="govuk-hint govuk-!-margin-0">
                      The server did not accept it: {record.reason}. It is kept on this device.
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}

function statusSentence(state: SyncState, online: boolean): string {
  if (state.status === 'signed-out') return state.signedOutReason === 'session-ended' ? SESSION_ENDED : 'Sign in to sync the work on this device.';
  if (!online || state.status === 'offline') return 'You are offline. Changes are kept on this device and sent when you are back online.';
  if (state.status === 'syncing') return 'Syncing…';
  if (state.status === 'error') {
    const retry = state.nextRetryAt ? ` Doorstep will try again at ${formatSyncTime(new Date(state.nextRetryAt).toISOString())}.` : '';
    return `The last sync did not finish: ${state.lastError ?? 'the server did not answer'}.${retry}`;
  }
  return 'Doorstep syncs when you are online: every minute, shortly after you save, and when you press Sync now.';
}

/** True once the current sync has run for more than LONG_SYNC_MS. */
function useLongSync(state: SyncState): boolean {
  const [long, setLong] = useState(false);
  useEffect(() => {
    setLong(false);
    if (state.status !== 'syncing' || state.startedAt === null) return;
    const timer = setTimeout(() => setLong(true), Math.max(0, state.startedAt + LONG_SYNC_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [state.status, state.startedAt]);
  return long;
}

function useAnnouncement(status: SyncState['status']): string {
  const [text, setText] = useState('');
  const [previous, setPrevious] = useState(status);
  if (previous !== status) {
    setPrevious(status);
    if (previous === 'syncing') setText(status === 'idle' ? 'Sync finished.' : status === 'signed-out' ? SESSION_ENDED : 'Sync did not finish.');
  }
  return text;
}
