import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { listConflicts, useSyncState } from '../../device/sync';

/** The header's way to the sync page, saying what needs attention first. */
export function SyncHeaderLink() {
  const status = useSyncState((state) => state.status);
  const conflicts = useLiveQuery(async () => (await listConflicts()).length, []);
  const text =
    status === 'signed-out'
      ? 'Sign in to sync'
      : conflicts
        ? `${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'} to resolve`
        : status === 'syncing'
          ? 'Syncing…'
          : 'Sync status';
  return (
    <Link className="govuk-header__link doorstep-sync-link" to="/sync">
      {text}
    </Link>
  );
}
