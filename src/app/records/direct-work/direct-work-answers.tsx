import { ConfirmationPanel } from '../../ui/confirmation-panel';
import { Link } from 'react-router';
import { DIRECT_WORK_TOOLS, isoDateFromParts, type DirectWorkForm } from '../../../shared/model/direct-work';
import { formatDateTime } from '../../ui/format-date';
import { SummaryList } from '../../ui/summary-list';
import type { ChildOnDevice } from '../caseload/use-children-on-device';
import { PhotoThumbnail } from './photo-thumbnail';

const paragraphs = (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;

/** A finished direct work record: read only (corrections are addenda once it is signed off). */
export function DirectWorkSummary({ form, children }: { form: DirectWorkForm; children: ChildOnDevice[] }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConfirmationPanel title="Direct work recorded">{form.completedAt && `Finished ${formatDateTime(form.completedAt)}`}</ConfirmationPanel>
        <p className="govuk-body">It is kept on this device and will be sent when there is a signal.</p>
        <DirectWorkAnswers form={form} children={children} />
        <p className="govuk-body">
          <Link className="govuk-link" to="/direct-work/new">
            Record more direct work
          </Link>
        </p>
      </div>
    </div>
  );
}

/** What was recorded, read only (the summary above, sign-off and a signed-off record). */
export function DirectWorkAnswers({ form, children }: { form: DirectWorkForm; children: ChildOnDevice[] }) {
  const child = children.find((c) => c.id === form.childId);
  const tools = DIRECT_WORK_TOOLS.filter((t) => form.tools.includes(t.value)).map((t) =>
    t.value === 'other' ? `Other: ${form.toolsOther}` : t.text,
  );
  return (
    <SummaryList
      rows={[
        { key: 'Child', value: child ? child.name : form.childName },
        { key: 'Date', value: isoDateFromParts(form.date) ?? '' },
        { key: 'Tools and activities used', value: tools.join(', ') },
        { key: 'What the child said', value: paragraphs(form.childsWords) },
        { key: 'Analysis', value: paragraphs(form.analysis) },
        {
          key: 'Photos',
          value:
            form.photos.length === 0
              ? 'None'
              : form.photos.map((p) => <PhotoThumbnail key={p.blobId} blobId={p.blobId} alt={p.alt} />),
        },
      ]}
    />
  );
}
