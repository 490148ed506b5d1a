import { SEEN_ALONE_REASONS, type DraftContactChild } from '../../../shared/model/visit-note.ts';
import { SEEN_ALONE_REASON_LABELS } from '../../records/visit/visit-labels';
import { Radios, YesNo } from '../../ui/form/radios';
import { TextInput } from '../../ui/form/text-input';
import { Textarea } from '../../ui/form/textarea';
import { fieldIds } from './field-ids';
import type { StepProps } from './step-props';
import { setChild, setSeenAloneReason } from './visit-note-updates';

export function StepSeen(props: StepProps) {
  const { body } = props;
  if (body.contact.children.length === 0) {
    return <p className="govuk-body">Choose the children who were part of this visit first.</p>;
  }
  return (
    <>
      {body.contact.children.map((child) => (
        <ChildQuestions key={child.childId} child={child} {...props} />
      ))}
    </>
  );
}

function ChildQuestions({ child, body, update, errorFor, childName }: StepProps & { child: DraftContactChild }) {
  const id = child.childId;
  const name = childName(id);
  const change = (patch: Parameters<typeof setChild>[1]) => update(setChild(id, patch));
  const homeVisit = body.contact.mode === 'home-visit';
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`child-heading-${id}`}>
      <h2 className="govuk-heading-m" id={`child-heading-${id}`}>
        {name}
      </h2>
      <YesNo
        id={fieldIds.seen(id)}
        name={`seen-${id}`}
        legendSize="s"
        legend={`Was ${name} seen?`}
        error={errorFor(fieldIds.seen(id))}
        value={child.seen}
        onChange={(seen) => change({ seen })}
      />
      {child.seen === true && (
        <YesNo
          id={fieldIds.seenAlone(id)}
          name={`seen-alone-${id}`}
          legendSize="s"
          legend={`Was ${name} seen alone?`}
          value={child.seenAlone}
          onChange={(seenAlone) => change({ seenAlone })}
          whenNo={
            <Radios
              id={fieldIds.seenAloneReason(id)}
              name={`seen-alone-reason-${id}`}
              legendSize="s"
              legend={`Why was ${name} not seen alone?`}
              options={SEEN_ALONE_REASONS.map((reason) => ({
                value: reason,
                text: SEEN_ALONE_REASON_LABELS[reason],
                conditional:
                  reason === 'other' ? (
                    <TextInput
                      id={fieldIds.seenAloneReasonOther(id)}
                      label="Give the reason"
                      value={child.seenAloneReasonOther}
                      onChange={(text) => change({ seenAloneReasonOther: text })}
                    />
                  ) : undefined,
              }))}
              value={child.seenAloneReasonChoice}
              onChange={(reason) => update(setSeenAloneReason(id, reason))}
            />
          }
        />
      )}
      {child.seen === true && child.seenAlone === false && (
        <YesNo
          id={fieldIds.managerInformed(id)}
          name={`manager-informed-${id}`}
          legendSize="s"
          legend={`Have you told your team manager that ${name} was not seen alone?`}
          value={child.managerInformed}
          onChange={(managerInformed) => change({ managerInformed })}
        />
      )}
      {homeVisit && (
        <YesNo
          id={fieldIds.bedroomSeen(id)}
          name={`bedroom-seen-${id}`}
          legendSize="s"
          legend={`Did you see ${name}'s bedroom?`}
          value={child.bedroomSeen}
          onChange={(bedroomSeen) => change({ bedroomSeen })}
          whenNo={
            <Textarea
              id={fieldIds.bedroomSeenReason(id)}
              label={`Why was ${name}'s bedroom not seen?`}
              rows={2}
              value={child.bedroomSeenReason ?? ''}
              onChange={(text) => change({ bedroomSeenReason: text })}
            />
          }
        />
      )}
    </section>
  );
}
