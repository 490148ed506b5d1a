import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary, type FieldError } from '../../ui/error-summary';
import { NotificationBanner } from '../../ui/notification-banner';
import { usePageTitle } from '../../ui/use-page-title';
import type { Warning } from '../../../shared/model';
import { observationFormFromStored } from '../../../shared/model/observation-form';
import { isoDateFromParts } from '../../../shared/model/direct-work';
import type { LocalRecord, ObservationBody } from '../../device/db';
import { useAccount } from '../../device/sync';
import { observedOnText } from '../../records/observation/observation-answers';
import type { DeviceCaseload } from '../../records/caseload/build-caseload';
import { ageOn } from '../../records/caseload/age';
import { ImportForm } from './import-form';
import { PracticeStandardsLine } from '../../records/caseload/practice-standards-line';
import { useCaseload } from '../../records/caseload/use-caseload';
import { WarningLine } from '../../records/caseload/warning-tag';

/** Home: my children by urgency, my notes near or past their deadline, observation due. */
export function CaseloadPage() {
  usePageTitle('Caseload');
  const data = useCaseload();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [imported, setImported] = useState<string | null>(null);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {imported && <NotificationBanner success title="Success">{imported}</NotificationBanner>}
        <h1 className="govuk-heading-l">Caseload</h1>
        {data && (
          <>
            <PracticeStandardsLine policy={data.policy} />
            <h2 className="govuk-heading-m">Your children</h2>
            {data.view.children.length === 0 ? (
              <p className="govuk-body">There are no children on your caseload on this device yet. They arrive when this device syncs, or import a caseload file below.</p>
            ) : (
              <ul className="govuk-list doorstep-caseload" aria-label="Your children, most urgent first">
                {data.view.children.map(({ record, name, visitWarnings, otherWarnings }) => (
                  <li key={record.id} className="doorstep-caseload__child">
                    <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                      <Link className="govuk-link" to={`/children/${encodeURIComponent(record.id)}`}>
                        {name}
                      </Link>
                      {record.body?.dateOfBirth && (
                        <span className="govuk-caption-m govuk-!-display-inline"> aged {ageOn(record.body.dateOfBirth, new Date())}</span>
                      )}
                    </h3>
                    <WarningList warnings={[...visitWarnings, ...otherWarnings]} empty="No visit due in the next 2 working days." />
                  </li>
                ))}
              </ul>
            )}
            <h2 className="govuk-heading-m">Notes to record</h2>
            <WarningList
              warnings={data.view.notes}
              empty="No notes near or past their recording deadline."
              link={(w) => (w.contactId ? `/visits/${encodeURIComponent(w.contactId)}` : undefined)}
            />
            <h2 className="govuk-heading-m">Practice observation</h2>
            <WarningList warnings={data.view.observations} empty="No practice observation due." />
            <ObservationsOfMe caseload={data.caseload} />
          </>
        )}
        <ImportForm
          error={errors[0]?.message}
          onOutcome={(outcome) => {
            if (outcome.ok) {
              setErrors([]);
              setImported(outcome.text);
            } else {
              setImported(null);
              setErrors(outcome.errors);
            }
          }}
        />
      </div>
    </div>
  );
}

function WarningList({ warnings, empty, link }: { warnings: Warning[]; empty: string; link?: (w: Warning) => string | undefined }) {
  if (warnings.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className="govuk-list govuk-list--spaced">
      {warnings.map((warning, i) => {
        const to = link?.(warning);
        return (
          <li key={`${warning.code}-${warning.involvementId ?? warning.contactId ?? ''}-${i}`}>
            <WarningLine warning={warning} />
            {to && (
              <>
                {' '}
                <Link className="govuk-link" to={to}>
                  Open the note
                </Link>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Completed observations of the signed-in user's practice that this device holds: the observer
 * sent them a copy (the server shows it to them once the observation names them), newest first.
 */
function ObservationsOfMe({ caseload }: { caseload: DeviceCaseload }) {
  const account = useAccount((s) => s.account);
  if (!account) return null;
  const mine = caseload.observations
    .filter((record: LocalRecord<ObservationBody>) => record.status !== 'draft')
    .map((record) => ({ record, form: observationFormFromStored(record.body) }))
    .filter(({ form }) => form.completedAt !== null && form.practitionerId.trim() === account.user.id)
    .sort((a, b) => (isoDateFromParts(b.form.observedOn) ?? '').localeCompare(isoDateFromParts(a.form.observedOn) ?? ''));
  if (mine.length === 0) return null;
  return (
    <ul className="govuk-list govuk-list--spaced" aria-label="Observations of your practice">
      {mine.map(({ record, form }) => {
        const on = observedOnText(form);
        return (
          <li key={record.id}>
            <Link className="govuk-link" to={`/observations/${encodeURIComponent(record.id)}`}>
              Observation of your practice by {form.observerName.trim() || 'an observer'}
              {on && ` on ${on}`}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
