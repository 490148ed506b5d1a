import { useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { VisitNoteBody, VisitStep } from '../../../shared/model/visit-note.ts';
import { VISIT_STEPS } from '../../../shared/model/visit-note.ts';
import { FieldSummary, type FieldProblem } from '../../ui/form/field-summary';
import { fieldIds } from './field-ids';
import { RecordingDeadline } from './recording-deadline';
import { StepCheck } from '../../records/visit/visit-answers';
import { StepChildren } from './step-children';
import { StepDetails } from './step-details';
import { StepNote } from './step-note';
import type { StepProps } from './step-props';
import { StepSeen } from './step-seen';
import { StepWorries } from './step-worries';
import { nextStep, previousStep, STEP_TITLES, stepNumber, stepOfField } from './steps';
import type { DraftSaveState } from '../../records/use-autosave';
import { usePolicy } from '../../records/caseload/use-policy';
import { validateVisitNote } from './validate-visit-note';
import { setStep, type VisitNoteUpdate } from './visit-note-updates';
import type { ChildOnDevice } from '../../records/caseload/use-children-on-device';
import { visitWarnings } from './visit-warnings';

const saveMessages: Record<DraftSaveState, string> = {
  idle: '',
  saved: 'Draft saved',
  failed: 'Your notes could not be saved on this device. Do not close Doorstep; copy your notes somewhere safe.',
};

interface VisitNoteFormProps {
  body: VisitNoteBody;
  update: (change: VisitNoteUpdate) => void;
  finish: () => Promise<void>;
  saveState: DraftSaveState;
  childrenOnDevice: ChildOnDevice[];
  childName: (childId: string) => string;
}

export function VisitNoteForm(props: VisitNoteFormProps) {
  const { body, update, finish, saveState, childrenOnDevice, childName } = props;
  const policy = usePolicy();
  const [errors, setErrors] = useState<FieldProblem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfterStepChange = useRef<string | null>(null);
  const firstRender = useRef(true);
  const step = body.step;
  const now = new Date();

  const byId = useMemo(() => new Map(childrenOnDevice.map((child) => [child.id, child])), [childrenOnDevice]);
  const { warnings, deadline } = useMemo(
    () => (policy ? visitWarnings(body, byId, policy, new Date()) : { warnings: [], deadline: null }),
    [body, byId, policy],
  );

  // A new step is a new page to a screen reader: focus its h1, or the field a summary link named,
  // in the same commit the step appears (a layout effect), so focus never lags behind the page.
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const fieldId = focusAfterStepChange.current;
    focusAfterStepChange.current = null;
    if (fieldId) focusField(fieldId);
    else heading.current?.focus();
  }, [step]);

  const goTo = (target: VisitStep, fieldId?: string) => {
    if (target === step) {
      if (fieldId) focusField(fieldId);
      return;
    }
    focusAfterStepChange.current = fieldId ?? null;
    update(setStep(target));
  };
  const showField = (fieldId: string) => goTo(stepOfField(fieldId), fieldId);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (step !== 'check') return goTo(nextStep(step));
    const problems = validateVisitNote(body, childName, new Date());
    setErrors(problems);
    if (problems.length === 0) await finish();
  };

  const errorFor = (fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message;
  const stepProps: StepProps = { body, update, errorFor, childName, childrenOnDevice };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {step !== 'details' && (
          <a
            href={`#step-${previousStep(step)}`}
            className="govuk-back-link"
            onClick={(event) => {
              event.preventDefault();
              goTo(previousStep(step));
            }}
          >
            Back
          </a>
        )}
        <FieldSummary kind="errors" title="There is a problem" problems={errors} onSelect={showField} />
        <RecordingDeadline deadline={deadline} now={now} />
        <FieldSummary
          kind="warnings"
          title="Check before you finish"
          problems={warnings}
          onSelect={(fieldId) => goTo('seen', fieldId)}
        />
        <span className="govuk-caption-l">
          New visit: step {stepNumber(step)} of {VISIT_STEPS.length}
        </span>
        <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
          {STEP_TITLES[step]}
        </h1>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          {step === 'details' && <StepDetails {...stepProps} />}
          {step === 'children' && <StepChildren {...stepProps} />}
          {step === 'seen' && <StepSeen {...stepProps} />}
          {step === 'worries' && <StepWorries {...stepProps} />}
          {step === 'note' && <StepNote {...stepProps} />}
          {step === 'check' && <StepCheck {...stepProps} onChange={(target) => goTo(target)} />}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {step === 'check' ? 'Finish and record' : 'Continue'}
          </button>
        </form>
        <p role="status" className={`govuk-body doorstep-draft-status${saveState === 'failed' ? ' govuk-error-message' : ''}`}>
          {saveMessages[saveState]}
        </p>
      </div>
    </div>
  );
}

/** Focus a field by id; "the children" falls back to adding one when none are on the device. */
function focusField(fieldId: string) {
  const field =
    document.getElementById(fieldId) ?? (fieldId === fieldIds.children ? document.getElementById(fieldIds.newChildName) : null);
  field?.focus();
  field?.scrollIntoView?.({ block: 'center' });
}
