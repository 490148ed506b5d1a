import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import type { VisitNoteBody } from '../../../shared/model/visit-note.ts';
import { ConfirmationPanel } from '../../ui/confirmation-panel';

/** GOV.UK confirmation panel after "Finish and record" (and when a recorded visit is opened). */
export function VisitRecorded({ body, childName }: { body: VisitNoteBody; childName: (id: string) => string }) {
  const names = body.contact.children.map((child) => childName(child.childId)).join(', ');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConfirmationPanel title="Visit recorded">
          {body.contact.completedAt && `Finished ${formatDateTime(body.contact.completedAt)}`}
        </ConfirmationPanel>
        {names && <p className="govuk-body">The visit with {names} is saved on this device.</p>}
        <p className="govuk-body">It will be sent for your manager to sign off the next time you have a signal.</p>
        <h2 className="govuk-heading-m">What next</h2>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/visits/new">
              Record another visit
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/">
              Go to your caseload
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
