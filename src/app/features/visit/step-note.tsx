import { Textarea } from '../../ui/form/textarea';
import { fieldIds } from './field-ids';
import type { StepProps } from './step-props';
import { setChildsVoice, setNote } from './visit-note-updates';

export function StepNote({ body, update, errorFor, childName }: StepProps) {
  const { note } = body;
  return (
    <>
      <Textarea
        id={fieldIds.whatHappened}
        label="What happened"
        labelSize="m"
        hint="What you saw and heard on the visit, and who was there."
        rows={10}
        error={errorFor(fieldIds.whatHappened)}
        value={note.whatHappened}
        onChange={(whatHappened) => update(setNote({ whatHappened }))}
      />
      {body.contact.children.map(({ childId }) => (
        <Textarea
          key={childId}
          id={fieldIds.childsVoice(childId)}
          label={`${childName(childId)}'s voice`}
          labelSize="m"
          hint="What they said, showed or how they seemed about their life, wishes and feelings, in their words where you can."
          rows={6}
          value={note.childsVoice[childId] ?? ''}
          onChange={(text) => update(setChildsVoice(childId, text))}
        />
      ))}
      <Textarea
        id={fieldIds.analysis}
        label="Analysis"
        labelSize="m"
        hint="What this tells you about the children's safety and wellbeing."
        rows={6}
        value={note.analysis}
        onChange={(analysis) => update(setNote({ analysis }))}
      />
      <Textarea
        id={fieldIds.nextSteps}
        label="Next steps"
        labelSize="m"
        hint="What will happen next, who will do it, and by when."
        rows={4}
        value={note.nextSteps}
        onChange={(nextSteps) => update(setNote({ nextSteps }))}
      />
    </>
  );
}
