import { useLiveQuery } from 'dexie-react-hooks';
import { Tag, type TagColour } from '../ui/tag';
import { recordSyncState, type RecordSyncState } from '../device/sync';

export const SYNC_TAGS: Record<RecordSyncState, { text: string; colour: TagColour }> = {
  local: { text: 'On this device only', colour: 'grey' },
  waiting: { text: 'Waiting to sync', colour: 'blue' },
  synced: { text: 'Synced', colour: 'green' },
  conflict: { text: 'Conflict', colour: 'red' },
  rejected: { text: 'Rejected', colour: 'orange' },
};

/**
 * A record's sync state as a GOV.UK tag, with its words (never colour alone). Live: drop it
 * into any list row, e.g. <RecordSyncTag recordId={record.id} />.
 */
export function RecordSyncTag({ recordId }: { recordId: string }) {
  const state = useLiveQuery(() => recordSyncState(recordId), [recordId]);
  if (!state) return null;
  const tag = SYNC_TAGS[state];
  return (
    <Tag colour={tag.colour} className="doorstep-sync-tag">
      <span className="govuk-visually-hidden">Sync status: </span>
      {tag.text}
    </Tag>
  );
}
