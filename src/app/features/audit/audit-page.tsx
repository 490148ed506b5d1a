import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'react-router';
import { recordIdSchema, serverIdSchema, type AuditAction, type AuditEvent, type AuditPage as AuditReply } from '../../../shared/sync/index.ts';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { formatDateTime } from '../../ui/format-date';
import { usePageTitle } from '../../ui/use-page-title';
import { useConnectivity } from '../../device/stores/connectivity-store';
import { appTransport, OfflineError, RequestError, SignedOutError, useAccount } from '../../device/sync';
import { TextInput } from '../../ui/form/text-input';
import { RECORD_KINDS } from '../../records/record-kinds';

const ONLY_ADMINS = 'Only an administrator can see the audit trail.';
const NEEDS_NETWORK = 'You need to be online to see the audit trail.';

const ACTION_TEXT: Record<AuditAction, string> = {
  read: 'Read (synced to their device)',
  create: 'Created',
  update: 'Changed',
  'sign-off': 'Signed off',
  return: 'Returned for changes',
  conflict: 'Changed (kept as a conflict copy)',
  'blob-read': 'Opened a photo',
};

interface Filters {
  childId: string;
  userId: string;
}

type Outcome =
  | { kind: 'loading' }
  | { kind: 'loaded'; page: AuditReply }
  | { kind: 'forbidden' }
  | { kind: 'offline' }
  | { kind: 'signed-out' }
  | { kind: 'failed' };

/** What was asked and where in its pages the admin is: cursors[i] is the cursor of page i + 1. */
interface Search {
  filters: Filters;
  cursors: string[];
  outcome: Outcome;
}

/**
 * /audit: the server's audit trail for a child and/or a user, one page at a time, oldest first.
 * Admins only, online only. The pages live in this component's state and nowhere else: the
 * trail is never written to the device.
 */
export function AuditPage() {
  usePageTitle('Audit trail');
  const account = useAccount((state) => state.account);
  const online = useConnectivity((state) => state.online);
  const [form, setForm] = useState<Filters>({ childId: '', userId: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [search, setSearch] = useState<Search | null>(null);
  const latest = useRef(0);
  const resultsRef = useRef<HTMLDivElement>(null);

  const isAdmin = account?.user.role === 'admin';
  const forbidden = search?.outcome.kind === 'forbidden';

  async function load(filters: Filters, cursors: string[], focusResults: boolean) {
    const request = ++latest.current;
    setSearch({ filters, cursors, outcome: { kind: 'loading' } });
    let outcome: Outcome;
    try {
      const audit = appTransport().audit;
      if (!audit) throw new Error('This version of Doorstep cannot read the audit trail');
      const page = await audit({
        ...(filters.childId ? { childId: filters.childId } : {}),
        ...(filters.userId ? { userId: filters.userId } : {}),
        cursor: cursors[cursors.length - 1]!,
      });
      outcome = { kind: 'loaded', page };
    } catch (error) {
      outcome =
        error instanceof OfflineError
          ? { kind: 'offline' }
          : error instanceof SignedOutError
            ? { kind: 'signed-out' }
            : error instanceof RequestError && error.status === 403
              ? { kind: 'forbidden' }
              : { kind: 'failed' };
    }
    if (request !== latest.current) return;
    setSearch({ filters, cursors, outcome });
    if (focusResults) requestAnimationFrame(() => resultsRef.current?.focus());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const filters = { childId: form.childId.trim(), userId: form.userId.trim() };
    const found = validate(filters);
    setErrors(found);
    if (found.length > 0) return;
    void load(filters, ['0'], true);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {isAdmin && online && !forbidden && <ErrorSummary errors={errors} />}
        <h1 className="govuk-heading-l">Audit trail</h1>
        {account !== undefined && (!isAdmin || forbidden) ? (
          <p className="govuk-body">{ONLY_ADMINS}</p>
        ) : !isAdmin ? null : !online ? (
          <div className="govuk-inset-text">{NEEDS_NETWORK} The audit trail is never kept on this device.</div>
        ) : (
          <>
            <p className="govuk-body">
              Who read or changed a child&apos;s records, or what one user read or changed. The server keeps the trail; it is not kept on
              this device.
            </p>
            <form noValidate onSubmit={submit}>
              <TextInput
                id="child-id"
                label="Child reference"
                hint="The child's record id, as shown on their page or in the caseload file."
                error={errors.find((error) => error.fieldId === 'child-id')?.message}
                value={form.childId}
                onChange={(childId) => setForm({ ...form, childId })}
                width={20}
              />
              <TextInput
                id="user-id"
                label="User"
                hint="The user's id, as the admin command's list-users shows it, for example 0190a000-0000-7000-8000-000000000002."
                error={errors.find((error) => error.fieldId === 'user-id')?.message}
                value={form.userId}
                onChange={(userId) => setForm({ ...form, userId })}
              />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Show the trail
              </button>
            </form>
            {search && <Results search={search} resultsRef={resultsRef} onPage={(cursors) => void load(search.filters, cursors, true)} />}
          </>
        )}
      </div>
    </div>
  );
}

function validate({ childId, userId }: Filters): FieldError[] {
  if (!childId && !userId) return [{ fieldId: 'child-id', message: 'Enter a child reference or a user' }];
  const errors: FieldError[] = [];
  if (childId && !recordIdSchema.safeParse(childId).success) {
    errors.push({ fieldId: 'child-id', message: 'Child reference must be a record id, with no spaces' });
  }
  if (userId && !serverIdSchema.safeParse(userId).success) {
    errors.push({ fieldId: 'user-id', message: 'Enter the user as their id, like 0190a000-0000-7000-8000-000000000002' });
  }
  return errors;
}

function Results({
  search,
  resultsRef,
  onPage,
}: {
  search: Search;
  resultsRef: RefObject<HTMLDivElement | null>;
  onPage: (cursors: string[]) => void;
}) {
  const { outcome, cursors, filters } = search;
  const pageNumber = cursors.length;
  return (
    <div ref={resultsRef} tabIndex={-1} className="govuk-!-margin-top-6">
      <div role="status" className="govuk-visually-hidden">
        {outcome.kind === 'loading' ? 'Reading the audit trail…' : outcome.kind === 'loaded' ? `Page ${pageNumber} of the audit trail shown.` : ''}
      </div>
      {outcome.kind === 'loading' && <p className="govuk-body">Reading the audit trail…</p>}
      {outcome.kind === 'offline' && <p className="govuk-body">{NEEDS_NETWORK}</p>}
      {outcome.kind === 'signed-out' && (
        <p className="govuk-body">
          Your session has ended.{' '}
          <Link className="govuk-link" to="/sign-in">
            Sign in again
          </Link>{' '}
          to see the audit trail.
        </p>
      )}
      {outcome.kind === 'failed' && <p className="govuk-body">The audit trail could not be read. Try again later.</p>}
      {outcome.kind === 'loaded' && (
        <>
          {outcome.page.events.length === 0 ? (
            <p className="govuk-body">{pageNumber === 1 ? `There are no events ${filterText(filters)}.` : 'There are no more events.'}</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Events {filterText(filters)}, oldest first{pageNumber > 1 ? ` (page ${pageNumber})` : ''}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">When</th>
                  <th scope="col" className="govuk-table__header">Who</th>
                  <th scope="col" className="govuk-table__header">Action</th>
                  <th scope="col" className="govuk-table__header">Record</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {outcome.page.events.map((event) => (
                  <EventRow key={event.id} event={event} />
                ))}
              </tbody>
            </table>
          )}
          <div className="govuk-button-group">
            {pageNumber > 1 && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onPage(cursors.slice(0, -1))}>
                Previous page
              </button>
            )}
            {outcome.page.hasMore && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onPage([...cursors, outcome.page.nextCursor])}>
                Next page
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function filterText({ childId, userId }: Filters): string {
  const child = childId ? `about child reference ${childId}` : '';
  const user = userId ? `by user ${userId}` : '';
  return [child, user].filter(Boolean).join(' ');
}

function EventRow({ event }: { event: AuditEvent }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">{formatDateTime(event.at)}</td>
      <td className="govuk-table__cell">{event.userName}</td>
      <td className="govuk-table__cell">{ACTION_TEXT[event.action]}</td>
      <td className="govuk-table__cell">
        {event.recordId === null ? (
          'A photo they uploaded'
        ) : (
          <>
            {event.recordType ? `${RECORD_KINDS[event.recordType].name} ` : ''}
            {event.recordId}
            {event.childIds.length > 0 && (
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                {event.childIds.length === 1 ? 'Child' : 'Children'}: {event.childIds.join(', ')}
              </span>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
