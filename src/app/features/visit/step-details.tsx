import { CONTACT_MODES, type ContactMode } from '../../../shared/model/contact.ts';
import { DateInput } from './form/date-input';
import { Radios } from './form/radios';
import { TextInput } from './form/text-fields';
import { fieldIds } from './field-ids';
import type { StepProps } from './step-props';
import { setMode, setSetting, setWhen } from './visit-note-updates';

export const MODE_LABELS: Record<ContactMode, { label: string; hint?: string }> = {
  'home-visit': { label: 'Home visit' },
  'visit-elsewhere': { label: 'Visit elsewhere', hint: 'For example, at school, a placement or the office' },
  video: { label: 'Video call' },
  phone: { label: 'Phone call' },
  message: { label: 'Message', hint: 'For example, a text, email or social media message' },
};

export const SETTING_LABELS = {
  community: 'In the community',
  residential: "I'm based in a children's home or residential resource",
} as const;

export function StepDetails({ body, update, errorFor }: StepProps) {
  return (
    <>
      <DateInput
        id={fieldIds.date}
        legend="Date of the visit"
        hint="For example, 27 3 2026"
        error={errorFor(fieldIds.dateDay)}
        value={body.when}
        onChange={(patch) => update(setWhen(patch))}
      />
      <TextInput
        id={fieldIds.time}
        label="Time of the visit"
        labelSize="m"
        hint="Use the 24-hour clock, for example 14:30"
        widthClass="govuk-input--width-5"
        error={errorFor(fieldIds.time)}
        value={body.when.time}
        onChange={(time) => update(setWhen({ time }))}
      />
      <Radios
        id={fieldIds.mode}
        name="mode"
        legend="How did the visit happen?"
        error={errorFor(fieldIds.mode)}
        options={CONTACT_MODES.map((mode) => ({ value: mode, ...MODE_LABELS[mode] }))}
        value={body.contact.mode}
        onChange={(mode) => update(setMode(mode))}
      />
      <Radios
        id={fieldIds.setting}
        name="setting"
        legend="Where are you based?"
        hint="Recording timescales can be shorter for workers based in a children's home"
        options={[
          { value: 'community', label: SETTING_LABELS.community },
          { value: 'residential', label: SETTING_LABELS.residential },
        ]}
        value={body.contact.setting}
        onChange={(setting) => update(setSetting(setting))}
      />
    </>
  );
}
