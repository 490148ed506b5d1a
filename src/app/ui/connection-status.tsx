import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { countPendingChanges } from '../device/db';
import { useConnectivity } from '../device/stores/connectivity-store';
import { Tag } from './tag';

export function pendingChangesText(count: number): string {
  if (count === 0) return 'All changes synced';
  return `${count} ${count === 1 ? 'change' : 'changes'} waiting to sync`;
}

/** Online or offline, and how many records wait to sync, read live from the outbox. */
export function ConnectionStatus() {
  const online = useConnectivity((state) => state.online);
  const pending = useLiveQuery(countPendingChanges, []);
  const announcement = useConnectionAnnouncement(online);

  return (
    <div className="doorstep-connection">
      <Tag colour={online ? 'green' : 'grey'}>{online ? 'Online' : 'Offline'}</Tag>
      {pending !== undefined && <span className="doorstep-connection__changes">{pendingChangesText(pending)}</span>}
      <span role="status" className="govuk-visually-hidden">
        {announcement}
      </span>
    </div>
  );
}

/** Text for the status region: empty on load, then a sentence each time the network changes. */
function useConnectionAnnouncement(online: boolean): string {
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(online);
  useEffect(() => {
    if (previous.current === online) return;
    previous.current = online;
    setAnnouncement(
      online
        ? 'You are back online.'
        : 'You are offline. You can keep working: changes are saved on this device and sent when you are back online.',
    );
  }, [online]);
  return announcement;
}
