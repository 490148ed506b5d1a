import { YesNo } from '../../ui/form/radios';
import { fieldIds } from './field-ids';
import type { StepProps } from './step-props';
import { setCriticalWorries, setSignificantEvent } from './visit-note-updates';

export function StepWorries({ body, update }: StepProps) {
  return (
    <>
      <YesNo
        id={fieldIds.significantEvent}
        name="significant-event"
        legend="Was there a significant event or emergency?"
        legendSize="m"
        hint="Your local authority may need this visit recorded sooner"
        value={body.contact.significantEvent}
        onChange={(answer) => update(setSignificantEvent(answer))}
      />
      <YesNo
        id={fieldIds.criticalWorries}
        name="critical-worries"
        legend="Do you have critical worries about a child?"
        legendSize="m"
        hint="Your local authority may need this visit recorded the same day"
        value={body.contact.criticalWorries}
        onChange={(answer) => update(setCriticalWorries(answer))}
      />
    </>
  );
}
