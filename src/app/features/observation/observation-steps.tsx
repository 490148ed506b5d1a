import { KNOWLEDGE_AND_SKILLS_STATEMENTS, type KnowledgeAndSkillsStatementId } from '../../../shared/model/knowledge-and-skills';
import {
  emptyAction,
  OBSERVATION_NATURES,
  type ObservationForm,
  type ObservationNature,
} from '../../../shared/model/observation-form';
import { serverIdSchema, type TeamMember } from '../../../shared/sync/index.ts';
import { Checkboxes } from '../../ui/form/checkboxes';
import { DateInput } from '../../ui/form/date-input';
import { FieldError } from '../../ui/form/field-error';
import { Radios, YES_NO } from '../../ui/form/radios';
import { TextInput } from '../../ui/form/text-input';
import { Textarea } from '../../ui/form/textarea';

export interface StepProps {
  form: ObservationForm;
  set: <K extends keyof ObservationForm>(key: K, value: ObservationForm[K]) => void;
  errors: Record<string, string>;
}

/** The select's value for "Someone not listed": no server user id looks like it. */
export const NOT_LISTED = 'not-listed';

/**
 * How step 1 names the practitioner observed. `practitioners` (the team's, from the device's
 * team list) gives a select of them; `notListed` (the observer chose "Someone not listed")
 * shows the free-text name and staff ID instead, as does a device that knows no team.
 */
export interface PractitionerChoice {
  practitioners: readonly TeamMember[];
  notListed: boolean;
  setNotListed: (notListed: boolean) => void;
}

export function AboutStep({ form, set, errors, choice }: StepProps & { choice?: PractitionerChoice | undefined }) {
  const listed = choice && choice.practitioners.length > 0 ? choice : undefined;
  const chosen = listed?.practitioners.find((p) => p.id === form.practitionerId);
  const choose = (value: string) => {
    if (!listed) return;
    const member = listed.practitioners.find((p) => p.id === value);
    listed.setNotListed(value === NOT_LISTED);
    set('practitionerName', member?.name ?? '');
    set('practitionerId', member?.id ?? '');
  };
  const selectError = errors.practitionerId ?? errors.practitionerName;
  return (
    <>
      {listed && (
        <div className={`govuk-form-group${selectError && !listed.notListed ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="practitioner-observed">
            Practitioner observed
          </label>
          <div id="practitioner-observed-hint" className="govuk-hint">
            Choose from your team, so it counts towards their yearly observation and they can see it.
          </div>
          {!listed.notListed && <FieldError id="practitioner-observed-error" message={selectError} />}
          <select
            className={`govuk-select${selectError && !listed.notListed ? ' govuk-select--error' : ''}`}
            id="practitioner-observed"
            name="practitioner-observed"
            aria-describedby={`practitioner-observed-hint${selectError && !listed.notListed ? ' practitioner-observed-error' : ''}`}
            value={listed.notListed ? NOT_LISTED : (chosen?.id ?? '')}
            onChange={(event) => choose(event.target.value)}
          >
            <option value="">Choose a practitioner</option>
            {listed.practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            <option value={NOT_LISTED}>Someone not listed</option>
          </select>
        </div>
      )}
      {(!listed || listed.notListed) && (
        <>
          <TextInput id="practitioner-name" label="Name of practitioner observed" error={errors.practitionerName} value={form.practitionerName} onChange={(v) => set('practitionerName', v)} />
          <TextInput
            id="practitioner-id"
            label="Practitioner's staff ID"
            hint="Links the observation to their record, so it counts towards their yearly observation."
            width={10}
            error={errors.practitionerId}
            value={form.practitionerId}
            onChange={(v) => set('practitionerId', v)}
          />
        </>
      )}
      <TextInput id="observer-name" label="Your name (observer)" error={errors.observerName} value={form.observerName} onChange={(v) => set('observerName', v)} />
      <TextInput id="observer-id" label="Your staff ID" width={10} error={errors.observerId} value={form.observerId} onChange={(v) => set('observerId', v)} />
      <DateInput id="observed-on" legend="Date of observation" hint="For example, 27 3 2026" error={errors.observedOn} value={form.observedOn} onChange={(v) => set('observedOn', v)} />
      <Radios<ObservationNature>
        id="nature"
        legend="Nature of observation"
        error={errors.nature}
        value={form.nature}
        onChange={(v) => set('nature', v)}
        options={OBSERVATION_NATURES.map((n) =>
          n.value === 'other'
            ? {
                ...n,
                conditional: (
                  <TextInput id="nature-other" label="What did you observe?" error={errors.natureOther} value={form.natureOther} onChange={(v) => set('natureOther', v)} />
                ),
              }
            : n,
        )}
      />
    </>
  );
}

// 004 Appendix 2, "Preparing for observation" (L529–L531).
export function BeforeStep({ form, set, errors }: StepProps) {
  return (
    <>
      <Textarea
        labelSize="s"
        id="focus"
        label="Focus agreed with the practitioner beforehand"
        hint="What aspect of their practice you agreed to look at, and what they hoped to achieve."
        error={errors.focus}
        value={form.focus}
        onChange={(v) => set('focus', v)}
      />
      <Radios
        id="purpose-explained"
        legend="Was the purpose of the observation explained to the family or the people present?"
        inline
        error={errors.purposeExplained}
        value={form.purposeExplained}
        onChange={(v) => set('purposeExplained', v)}
        options={YES_NO}
      />
      <Radios
        id="permission-obtained"
        legend="Did they give their permission for you to observe?"
        inline
        error={errors.permissionObtained}
        value={form.permissionObtained}
        onChange={(v) => set('permissionObtained', v)}
        options={YES_NO}
      />
      <Textarea
        labelSize="s"
        id="power-and-equalities"
        label="How power imbalance and equalities were considered"
        error={errors.powerAndEqualities}
        value={form.powerAndEqualities}
        onChange={(v) => set('powerAndEqualities', v)}
      />
    </>
  );
}

// 004 L541: "write up your findings, reflecting on not only what you have heard, but also what
// you have observed and felt".
export function RecordStep({ form, set, errors }: StepProps) {
  return (
    <Textarea
      labelSize="s"
      id="record"
      label="Record of observation"
      hint="Write it up after the observation: what you heard, what you observed and what you felt."
      rows={12}
      error={errors.record}
      value={form.record}
      onChange={(v) => set('record', v)}
    />
  );
}

// 004 L542: feedback is a two-way conversation, from strengths rather than deficits.
export function FeedbackStep({ form, set, errors }: StepProps) {
  return (
    <>
      <Textarea labelSize="s" id="strengths" label="Strengths identified" error={errors.strengths} value={form.strengths} onChange={(v) => set('strengths', v)} />
      <Textarea labelSize="s" id="areas-for-development" label="Areas for development identified" error={errors.areasForDevelopment} value={form.areasForDevelopment} onChange={(v) => set('areasForDevelopment', v)} />
      <Textarea
        labelSize="s"
        id="practitioner-reflection"
        label="The practitioner's own reflection"
        hint="How they felt it went, for them and for the family, and whether they would do anything differently."
        error={errors.practitionerReflection}
        value={form.practitionerReflection}
        onChange={(v) => set('practitionerReflection', v)}
      />
      <Textarea labelSize="s" id="conclusions" label="Conclusions agreed together" error={errors.conclusions} value={form.conclusions} onChange={(v) => set('conclusions', v)} />
    </>
  );
}

let actionKeys = 0;
const newActionKey = () => `action-${Date.now().toString(36)}-${(actionKeys += 1)}`;

export function ActionsStep({ form, set, errors }: StepProps) {
  const change = (index: number, patch: Partial<ObservationForm['actions'][number]>) =>
    set('actions', form.actions.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <>
      <h2 className="govuk-heading-m">Actions</h2>
      <p className="govuk-body">Who will do what, and by when. Leave blank if there are none.</p>
      {form.actions.map((action, index) => {
        const n = index + 1;
        return (
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={action.key}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Action {n}</legend>
            <TextInput id={`action-${n}-who`} label="Who" error={errors[`actions.${index}.who`]} value={action.who} onChange={(who) => change(index, { who })} />
            <Textarea labelSize="s" id={`action-${n}-what`} label="What" rows={3} error={errors[`actions.${index}.what`]} value={action.what} onChange={(what) => change(index, { what })} />
            <DateInput id={`action-${n}-by-when`} legend="By when" hint="For example, 27 3 2026" error={errors[`actions.${index}.byWhen`]} value={action.byWhen} onChange={(byWhen) => change(index, { byWhen })} />
            {form.actions.length > 1 && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => set('actions', form.actions.filter((a) => a.key !== action.key))}>
                Remove action {n}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => set('actions', [...form.actions, emptyAction(newActionKey())])}>
        Add another action
      </button>
      <Textarea
        labelSize="s"
        id="next-supervision"
        label="Points for discussion and reflection at the next supervision"
        error={errors.nextSupervision}
        value={form.nextSupervision}
        onChange={(v) => set('nextSupervision', v)}
      />
    </>
  );
}

export function KnowledgeAndSkillsStep({ form, set, errors }: StepProps) {
  return (
    <Checkboxes<KnowledgeAndSkillsStatementId>
      id="knowledge-and-skills"
      legend="Which Knowledge and Skills Statements did the practice evidence?"
      hint="Select all that apply."
      error={errors.knowledgeAndSkills}
      values={form.knowledgeAndSkills}
      onChange={(v) => set('knowledgeAndSkills', v)}
      options={KNOWLEDGE_AND_SKILLS_STATEMENTS.map((s) => ({ value: s.id, text: `${s.number}. ${s.heading}` }))}
    />
  );
}

const COPIES = [
  { value: 'copyToPractitioner', text: 'A copy has been sent to the practitioner' },
  { value: 'copyToLineManager', text: 'A copy has been sent to their line manager' },
  { value: 'qaLeadNotified', text: 'The QA lead or principal social worker has been notified' },
] as const;
type Copy = (typeof COPIES)[number]['value'];
const SENT_IN_APP = {
  copyToPractitioner: 'They will see it in Doorstep once you complete the observation and this device syncs.',
  copyToLineManager: 'Their line manager will see it in Doorstep once you complete the observation and this device syncs.',
} as const;

// 004 Appendix 2 and 002 L989: a typed copy to the worker and their line manager, and the
// observation logged centrally.
// Completing the observation with either copy ticked is what sends it (sync/push.ts), when the
// practitioner was chosen from the team (a server user id), not typed in.
export function CopiesStep({ form, set }: StepProps) {
  const inApp = serverIdSchema.safeParse(form.practitionerId.trim()).success;
  const values = COPIES.map((c) => c.value).filter((key) => form[key]);
  return (
    <Checkboxes<Copy>
      id="copies"
      legend="Which of these have been done?"
      hint="Select all that apply. Doorstep reminds you about any that have not been done once the observation is complete."
      values={values}
      onChange={(chosen) => COPIES.forEach((c) => set(c.value, chosen.includes(c.value)))}
      options={inApp ? COPIES.map((c) => (c.value === 'qaLeadNotified' ? c : { ...c, hint: SENT_IN_APP[c.value] })) : COPIES}
    />
  );
}
