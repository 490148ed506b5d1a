import { Link, useParams } from 'react-router';
import { formatDateOf, formatDateTime } from '../../ui/format-date';
import { SummaryList } from '../../ui/summary-list';
import { usePageTitle } from '../../ui/use-page-title';
import { ageOn } from '../../records/caseload/age';
import { childName } from '../../records/caseload/build-caseload';
import { useCaseload } from '../../records/caseload/use-caseload';
import { WarningLine } from '../../records/caseload/warning-tag';
import { RecordSyncTag } from '../../records/record-sync-tag';

const INVOLVEMENT_NAMES: Record<string, string> = {
  'early-help': 'Early help',
  'section-47': 'Section 47 enquiry',
  'child-in-need': 'Child in need',
  'child-protection': 'Child protection',
  'child-in-care': 'Child in care',
  'private-fostering': 'Private fostering',
  'missing-return': 'Return from missing',
  'care-leaver': 'Care leaver',
  adoption: 'Adoption',
  'short-breaks': 'Short breaks',
  'temporary-approval': 'Temporary approval',
  'care-order-at-home': 'Care order at home',
};

const MODE_NAMES: Record<string, string> = {
  'home-visit': 'Home visit',
  'visit-elsewhere': 'Visit elsewhere',
  video: 'Video call',
  phone: 'Phone call',
  message: 'Message',
};

const formatDate = formatDateOf;

/** A child's page: details, involvements, warnings, recent contacts and direct work. */
export function ChildPage() {
  const childId = useParams().childId ?? '';
  const data = useCaseload();
  const entry = data?.view.children.find((c) => c.record.id === childId);
  usePageTitle(entry ? entry.name : 'Child');

  if (!data) return null;
  if (!entry) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Child not found</h1>
          <p className="govuk-body">There is no child with the reference {childId} on this device.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/">
              Back to your caseload
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const child = entry.record.body;
  const contacts = data.caseload.visits
    .filter((v) => v.body?.contact?.children?.some((c) => c?.childId === childId))
    .sort((a, b) => (b.body.contact.occurredAt ?? '').localeCompare(a.body.contact.occurredAt ?? ''));
  const directWork = data.caseload.directWork.filter((w) => w.body?.childIds?.includes(childId));
  const warnings = [...entry.visitWarnings, ...entry.otherWarnings];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Caseload</span>
        <h1 className="govuk-heading-l">{childName(entry.record)}</h1>
        {warnings.length > 0 && (
          <ul className="govuk-list govuk-list--spaced" aria-label="Warnings">
            {warnings.map((w, i) => (
              <li key={i}>
                <WarningLine warning={w} />
              </li>
            ))}
          </ul>
        )}
        <h2 className="govuk-heading-m">Details</h2>
        <SummaryList
          rows={[
            { key: 'Name', value: child.name ?? 'Not recorded' },
            { key: 'Date of birth', value: child.dateOfBirth ? `${formatDate(child.dateOfBirth)} (aged ${ageOn(child.dateOfBirth, new Date())})` : 'Not recorded' },
            { key: 'Reference', value: entry.record.id },
          ]}
        />
        <h2 className="govuk-heading-m">Involvements</h2>
        {child.involvements?.length ? (
          <SummaryList
            rows={child.involvements.map((inv) => ({
              key: INVOLVEMENT_NAMES[inv.type] ?? inv.type,
              value: inv.end ? `${formatDate(inv.start)} to ${formatDate(inv.end)}` : `Since ${formatDate(inv.start)}`,
            }))}
          />
        ) : (
          <p className="govuk-body">No involvements recorded.</p>
        )}
        <h2 className="govuk-heading-m">Recent contacts</h2>
        {contacts.length === 0 ? (
          <p className="govuk-body">No contacts recorded on this device.</p>
        ) : (
          <ul className="govuk-list govuk-list--spaced">
            {contacts.slice(0, 10).map((v) => (
              <li key={v.id}>
                <Link className="govuk-link" to={`/visits/${encodeURIComponent(v.id)}`}>
                  {MODE_NAMES[v.body.contact.mode ?? ''] ?? 'Contact'}
                  {v.body.contact.occurredAt ? ` on ${formatDateTime(v.body.contact.occurredAt)}` : ''}
                </Link>{' '}
                {v.status === 'draft' && <strong className="govuk-tag govuk-tag--grey">Draft</strong>} <RecordSyncTag recordId={v.id} />
              </li>
            ))}
          </ul>
        )}
        <h2 className="govuk-heading-m">Direct work</h2>
        {directWork.length === 0 ? (
          <p className="govuk-body">No direct work recorded on this device.</p>
        ) : (
          <ul className="govuk-list govuk-list--spaced">
            {directWork.map((w) => (
              <li key={w.id}>
                <Link className="govuk-link" to={`/direct-work/${encodeURIComponent(w.id)}`}>
                  {w.body.title ?? 'Direct work'}
                  {w.body.occurredAt ? ` on ${formatDateTime(w.body.occurredAt)}` : ` saved ${formatDateTime(w.updatedAt)}`}
                </Link>{' '}
                <RecordSyncTag recordId={w.id} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
