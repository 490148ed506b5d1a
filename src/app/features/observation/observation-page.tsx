import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  emptyObservationForm,
  LAST_STEP,
  OBSERVATION_STEPS,
  observationFormFromStored,
  observationStepSchemas,
  type ObservationForm,
} from '../../../shared/model/observation-form';
import { ErrorSummary } from '../../ui/error-summary';
import { formatDateTime } from '../../ui/format-date';
import { usePageTitle } from '../../ui/use-page-title';
import { DraftStatus } from '../../ui/form/draft-status';
import { useAutosave } from '../../records/use-autosave';
import { noErrors, validate, type FormErrors } from '../../ui/form/form-errors';
import type { TeamMember } from '../../../shared/sync/index.ts';
import { useAccount, type Account } from '../../device/sync';
import { getTeam } from '../../device/sync/team';
import { toObservationBody } from '../../../shared/model/observation-body.ts';
import { observationFieldId } from '../../records/observation/observation-body';
import { ActionsStep, AboutStep, BeforeStep, CopiesStep, FeedbackStep, KnowledgeAndSkillsStep, RecordStep, type StepProps } from './observation-steps';
import { ObservationAnswers, observedOnText } from '../../records/observation/observation-answers';

const STEP_FIELDS = [AboutStep, BeforeStep, RecordStep, FeedbackStep, ActionsStep, KnowledgeAndSkillsStep, CopiesStep];

/** `selecting`: step 1 shows the team's practitioners as a select (its one error replaces the two text fields'). */
const checkFormStep = (step: number, form: ObservationForm, selecting: boolean) => {
  const schema = observationStepSchemas[step - 1];
  const found = schema ? validate(schema, form, observationFieldId) : noErrors;
  return step === 1 && selecting ? forPractitionerSelect(found) : found;
};

const SELECT_MESSAGE = 'Select the practitioner you observed';

function forPractitionerSelect(errors: FormErrors): FormErrors {
  if (!('practitionerName' in errors.byPath) && !('practitionerId' in errors.byPath)) return errors;
  const { practitionerName: _name, practitionerId: _id, ...rest } = errors.byPath;
  return {
    byPath: { ...rest, practitionerId: SELECT_MESSAGE },
    summary: [
      { fieldId: 'practitioner-observed', message: SELECT_MESSAGE },
      ...errors.summary.filter((e) => e.fieldId !== 'practitioner-name' && e.fieldId !== 'practitioner-id'),
    ],
  };
}

/** The signed-in account as the observer, while the form names no observer yet. */
function withObserver(form: ObservationForm, account: Account | null | undefined): ObservationForm {
  if (!account || form.observerName.trim() || form.observerId.trim()) return form;
  return { ...form, observerName: account.user.name, observerId: account.user.id };
}

/** The team's practitioners the observer can choose from (not themselves), by name as the server gives them. */
function practitionersToChoose(members: readonly TeamMember[] | undefined, account: Account | null | undefined): TeamMember[] {
  return (members ?? []).filter((m) => m.role === 'practitioner' && m.id !== account?.user.id);
}

export function ObservationPage() {
  const { recordId } = useParams();
  const draft = useAutosave<ObservationForm>({
    type: 'observation',
    recordId,
    basePath: '/observations',
    empty: emptyObservationForm,
    fromStored: observationFormFromStored,
    toStored: toObservationBody,
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const account = useAccount((s) => s.account);
  // null: no team on this device; undefined while it is read (the form waits, so step 1 does not change under the observer).
  const team = useLiveQuery(async () => (await getTeam()) ?? null, []);
  const [notListedChosen, setNotListed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = draft.state.status === 'ready' ? draft.state : null;
  const step = ready?.form.step ?? 1;
  // Someone else's observation (pulled: the server's createdBy is not this account): read only.
  const othersRecord = ready?.createdBy !== undefined && ready.createdBy !== account?.user.id;
  const completed = ready !== null && (othersRecord || (ready.recordStatus !== 'draft' && ready.recordStatus !== 'returned'));
  usePageTitle(othersRecord ? 'Practice observation' : completed ? 'Observation complete' : `${OBSERVATION_STEPS[step - 1]} – Practice observation`);

  // Focus the new step's h1 so a screen reader starts there (not on the first render: the
  // layout does that when the page opens).
  const shownStep = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!ready) return;
    const key = completed ? LAST_STEP + 1 : step;
    if (shownStep.current !== null && shownStep.current !== key) heading.current?.focus();
    shownStep.current = key;
  }, [ready, step, completed]);

  if (draft.state.status === 'loading' || team === undefined) return <h1 className="govuk-heading-l">Practice observation</h1>;
  if (draft.state.status === 'missing' || draft.state.status === 'unreadable') {
    return (
      <>
        <h1 className="govuk-heading-l">Observation not found</h1>
        <p className="govuk-body">There is no practice observation with the reference {recordId} on this device.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/observations/new">
            Start a new practice observation
          </Link>
        </p>
      </>
    );
  }
  const form = othersRecord ? draft.state.form : withObserver(draft.state.form, account);

  if (othersRecord) return <SomeoneElsesObservation form={form} aboutMe={!!account && form.practitionerId === account.user.id} />;

  if (completed) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title" ref={heading} tabIndex={-1}>
              Observation complete
            </h1>
            {form.completedAt && <div className="govuk-panel__body">Completed {formatDateTime(form.completedAt)}</div>}
          </div>
          <ObservationAnswers form={form} />
          <p className="govuk-body">
            <Link className="govuk-link" to="/observations/new">
              Start another practice observation
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const practitioners = practitionersToChoose(team?.members, account);
  // "Someone not listed", chosen now or earlier (a name or staff ID typed that is not a team member's).
  const notListed =
    notListedChosen ||
    (practitioners.length > 0 &&
      (form.practitionerName.trim() !== '' || form.practitionerId.trim() !== '') &&
      !practitioners.some((p) => p.id === form.practitionerId));
  const selecting = practitioners.length > 0 && !notListed;
  const checkStep = (s: number, f: ObservationForm) => checkFormStep(s, f, selecting);

  const goTo = (next: number) => {
    setErrors(noErrors);
    draft.update((current) => ({ ...withObserver(current, account), step: next }));
  };
  const set: StepProps['set'] = (key, value) => draft.update((current) => ({ ...withObserver(current, account), [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (step < LAST_STEP) {
      const found = checkStep(step, form);
      setErrors(found);
      if (found.summary.length === 0) goTo(step + 1);
      return;
    }
    // Complete: every step again, in case an earlier one was changed from this page.
    for (let s = 1; s < LAST_STEP; s += 1) {
      if (checkStep(s, form).summary.length > 0) {
        goTo(s);
        setErrors(checkStep(s, form));
        return;
      }
    }
    await draft.finish({ ...form, completedAt: new Date().toISOString() });
  };

  const Fields = STEP_FIELDS[step - 1];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {step > 1 && (
          <a
            href="#"
            className="govuk-back-link"
            onClick={(event) => {
              event.preventDefault();
              goTo(step - 1);
            }}
          >
            Back
          </a>
        )}
        <ErrorSummary errors={errors.summary} />
        <span className="govuk-caption-l">
          Practice observation – step {step} of {LAST_STEP}
        </span>
        <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
          {OBSERVATION_STEPS[step - 1]}
        </h1>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          {step === 1 ? (
            <AboutStep form={form} set={set} errors={errors.byPath} choice={{ practitioners, notListed, setNotListed }} />
          ) : Fields ? (
            <Fields form={form} set={set} errors={errors.byPath} />
          ) : (
            <>
              <p className="govuk-body">Check what you have written. You can change anything before you complete the observation.</p>
              <ObservationAnswers form={form} onChange={goTo} />
            </>
          )}
          <DraftStatus state={draft.saveState} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {step < LAST_STEP ? 'Continue' : 'Complete observation'}
          </button>
        </form>
      </div>
    </div>
  );
}

/**
 * An observation this account did not write (pulled from the server): the practitioner
 * observed, or a manager, reads it; only its observer can change it (the server refuses anyone
 * else's edit).
 */
function SomeoneElsesObservation({ form, aboutMe }: { form: ObservationForm; aboutMe: boolean }) {
  const observer = form.observerName.trim() || 'the observer';
  const on = observedOnText(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Practice observation</span>
        <h1 className="govuk-heading-l">{aboutMe ? 'Observation of your practice' : `Observation of ${form.practitionerName.trim() || 'a practitioner'}`}</h1>
        <p className="govuk-body">
          Observed by {observer}
          {on && ` on ${on}`}. {form.completedAt ? `Completed ${formatDateTime(form.completedAt)}.` : 'Not completed yet.'}
        </p>
        <p className="govuk-body">Only {observer} can change this observation.</p>
        <ObservationAnswers form={form} />
      </div>
    </div>
  );
}
