import { CONTACT_MODES } from '../../../shared/model/contact.ts';
import { MODE_LABELS, SETTING_LABELS } from '../../records/visit/visit-labels';
import { DateInput } from '../../ui/form/date-input';
import { Radios } from '../../ui/form/radios';
import { TextInput } from '../../ui/form/text-input';
import { fieldIds } from './field-ids';
import type { StepProps } from './step-props';
import { setMode, setSetting, setWhen } from './visit-note-updates';

export function StepDetails({ body, update, errorFor }: StepProps) {
  return (
    <>
      <DateInput
        id={fieldIds.date}
        legend="Date of the visit"
        legendSize="m"
        hint="For example, 27 3 2026"
        error={errorFor(fieldIds.dateDay)}
        value={body.when}
        onChange={(date) => update(setWhen(date))}
      />
      <TextInput
        id={fieldIds.time}
        label="Time of the visit"
        labelSize="m"
        hint="Use the 24-hour clock, for example 14:30"
        width={5}
        error={errorFor(fieldIds.time)}
        value={body.when.time}
        onChange={(time) => update(setWhen({ time }))}
      />
      <Radios
        id={fieldIds.mode}
        name="mode"
        legend="How did the visit happen?"
        legendSize="m"
        error={errorFor(fieldIds.mode)}
        options={CONTACT_MODES.map((mode) => ({ value: mode, text: MODE_LABELS[mode].label, hint: MODE_LABELS[mode].hint }))}
        value={body.contact.mode}
        onChange={(mode) => update(setMode(mode))}
      />
      <Radios
        id={fieldIds.setting}
        name="setting"
        legend="Where are you based?"
        legendSize="m"
        hint="Recording timescales can be shorter for workers based in a children's home"
        options={[
          { value: 'community', text: SETTING_LABELS.community },
          { value: 'residential', text: SETTING_LABELS.residential },
        ]}
        value={body.contact.setting}
        onChange={(setting) => update(setSetting(setting))}
      />
    </>
  );
}
