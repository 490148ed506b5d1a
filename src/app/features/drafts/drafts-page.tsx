import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { usePageTitle } from '../../ui/use-page-title';
import { listDrafts, listRecords, listRecordsByStatus, type RecordType } from '../../device/db';
import type { ChildBody } from '../../../shared/model/record-bodies.ts';
import { childIdsOf } from '../../records/record-kinds';
import { RecordSyncTag } from '../../records/record-sync-tag';
import { isReturned, reviewLine } from '../../records/review/review-banner';

const KINDS: Partial<Record<RecordType, { name: string; path: string }>> = {
  visit: { name: 'Visit', path: '/visits' },
  'direct-work': { name: 'Direct work', path: '/direct-work' },
  observation: { name: 'Practice observation', path: '/observations' },
  addendum: { name: 'Addendum', path: '/addenda' },
};

/**
 * Every unfinished record on this device, newest first, with a way back into each: drafts, and
 * records a manager returned (with the manager's comment).
 */
export function DraftsPage() {
  usePageTitle('Your drafts');
  const data = useLiveQuery(async () => {
    const [unfinished, returned, children] = await Promise.all([listDrafts(), listRecordsByStatus('returned'), listRecords<ChildBody>('child')]);
    const drafts = [...unfinished, ...returned].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return { drafts, names: new Map(children.map((c) => [c.id, c.body?.name ?? `Child ${c.id}`])) };
  }, []);
  const drafts = data?.drafts.filter((d) => KINDS[d.type]);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your drafts</h1>
        {drafts && drafts.length === 0 && <p className="govuk-body">You have no drafts on this device.</p>}
        {drafts && drafts.length > 0 && (
          <dl className="govuk-summary-list">
            {drafts.map((draft) => {
              const kind = KINDS[draft.type]!;
              const who = childIdsOf(draft).map((id) => data!.names.get(id) ?? `Child ${id}`);
              return (
                <div className="govuk-summary-list__row" key={draft.id}>
                  <dt className="govuk-summary-list__key">{kind.name}</dt>
                  <dd className="govuk-summary-list__value">
                    {who.length > 0 ? who.join(', ') : 'No child chosen yet'}
                    {isReturned(draft) && (
                      <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-2" style={{ whiteSpace: 'pre-wrap' }}>
                        <strong className="govuk-tag govuk-tag--orange">Returned</strong> {reviewLine(draft.review)}
                      </p>
                    )}
                    <br />
                    <span className="govuk-hint govuk-!-margin-0">Last saved {formatDateTime(draft.updatedAt)}</span>
                    <RecordSyncTag recordId={draft.id} />
                  </dd>
                  <dd className="govuk-summary-list__actions">
                    <Link className="govuk-link" to={`${kind.path}/${encodeURIComponent(draft.id)}`}>
                      Continue<span className="govuk-visually-hidden"> {kind.name.toLowerCase()} draft{who.length ? ` for ${who.join(', ')}` : ''}</span>
                    </Link>
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      </div>
    </div>
  );
}
