import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../ui/use-page-title';
import { useChildrenOnDevice } from '../../records/caseload/use-children-on-device';
import { STEP_TITLES } from './steps';
import { useVisitNote } from './use-visit-note';
import { VisitNoteForm } from './visit-note-form';
import { VisitRecorded } from './visit-recorded';

/** /visits/new and /visits/:recordId: write a visit note, resuming a draft where it was left. */
export function NewVisitPage() {
  const { recordId } = useParams();
  const { state, saveState, update, finish } = useVisitNote(recordId);
  const onDevice = useChildrenOnDevice();
  const childrenOnDevice = useMemo(() => onDevice && [...onDevice].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), [onDevice]);
  const childName = useCallback(
    (childId: string) => childrenOnDevice?.find((child) => child.id === childId)?.name ?? 'this child',
    [childrenOnDevice],
  );
  usePageTitle(
    state.status === 'open'
      ? `${STEP_TITLES[state.body.step]} – New visit`
      : state.status === 'recorded'
        ? 'Visit recorded'
        : 'Visit',
  );

  if (state.status === 'loading' || childrenOnDevice === undefined) return null;
  if (state.status === 'missing' || state.status === 'unreadable') {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{state.status === 'missing' ? 'Visit not found' : 'This visit cannot be opened'}</h1>
          <p className="govuk-body">
            {state.status === 'missing'
              ? `There is no visit with the reference ${recordId} on this device.`
              : 'The visit on this device is not in a form this version of Doorstep can read. Nothing has been changed.'}
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/visits/new">
              Start a new visit
            </Link>
          </p>
        </div>
      </div>
    );
  }
  if (state.status === 'recorded') return <VisitRecorded body={state.body} childName={childName} />;
  return (
    <VisitNoteForm
      body={state.body}
      update={update}
      finish={finish}
      saveState={saveState}
      childrenOnDevice={childrenOnDevice}
      childName={childName}
    />
  );
}
