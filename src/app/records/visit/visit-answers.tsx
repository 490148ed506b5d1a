import type { ReactNode } from 'react';
import type { VisitStep } from '../../../shared/model/visit-note.ts';
import { formatDateTime } from '../../ui/format-date';
import type { VisitNoteBody } from '../../../shared/model/visit-note.ts';
import { MODE_LABELS, SEEN_ALONE_REASON_LABELS, SETTING_LABELS } from './visit-labels';

const yesNo = (answer: boolean | null) => (answer === null ? 'Not answered' : answer ? 'Yes' : 'No');
const text = (value: string) => (value.trim() === '' ? 'Not written' : value);

interface Row {
  key: string;
  value: ReactNode;
  step: VisitStep;
}

/**
 * The whole note as GOV.UK summary lists, each row with a way back to its step; without
 * `onChange`, read only (a note waiting for sign-off or signed off).
 */
export function StepCheck({ body, childName, onChange }: {
  body: VisitNoteBody;
  childName: (childId: string) => string;
  onChange?: (step: VisitStep) => void;
}) {
  const { contact, note } = body;
  const details: Row[] = [
    { key: 'Date and time', value: contact.occurredAt ? formatDateTime(contact.occurredAt) : 'Not complete', step: 'details' },
    { key: 'How', value: contact.mode ? MODE_LABELS[contact.mode].label : 'Not answered', step: 'details' },
    { key: 'Where you are based', value: SETTING_LABELS[contact.setting], step: 'details' },
    {
      key: 'Children',
      value: contact.children.length ? contact.children.map((c) => childName(c.childId)).join(', ') : 'None chosen',
      step: 'children',
    },
    { key: 'Significant event or emergency', value: yesNo(contact.significantEvent), step: 'worries' },
    { key: 'Critical worries', value: yesNo(contact.criticalWorries), step: 'worries' },
  ];
  return (
    <>
      <h2 className="govuk-heading-m">The visit</h2>
      <Summary rows={details} onChange={onChange} />
      {contact.children.map((child) => {
        const name = childName(child.childId);
        const rows: Row[] = [{ key: 'Seen', value: yesNo(child.seen), step: 'seen' }];
        if (child.seen) {
          rows.push({ key: 'Seen alone', value: yesNo(child.seenAlone), step: 'seen' });
          if (child.seenAlone === false) {
            const reason =
              child.seenAloneReasonChoice === 'other'
                ? `Other: ${text(child.seenAloneReasonOther)}`
                : child.seenAloneReasonChoice
                  ? SEEN_ALONE_REASON_LABELS[child.seenAloneReasonChoice]
                  : 'Not answered';
            rows.push({ key: 'Why not seen alone', value: reason, step: 'seen' });
            rows.push({ key: 'Team manager told', value: yesNo(child.managerInformed), step: 'seen' });
          }
        }
        if (contact.mode === 'home-visit') {
          rows.push({ key: 'Bedroom seen', value: yesNo(child.bedroomSeen), step: 'seen' });
          if (child.bedroomSeen === false) {
            rows.push({ key: 'Why bedroom not seen', value: text(child.bedroomSeenReason ?? ''), step: 'seen' });
          }
        }
        rows.push({ key: `${name}'s voice`, value: text(note.childsVoice[child.childId] ?? ''), step: 'note' });
        return (
          <div key={child.childId}>
            <h2 className="govuk-heading-m">{name}</h2>
            <Summary rows={rows} onChange={onChange} />
          </div>
        );
      })}
      <h2 className="govuk-heading-m">Note</h2>
      <Summary
        rows={[
          { key: 'What happened', value: text(note.whatHappened), step: 'note' },
          { key: 'Analysis', value: text(note.analysis), step: 'note' },
          { key: 'Next steps', value: text(note.nextSteps), step: 'note' },
        ]}
        onChange={onChange}
      />
    </>
  );
}

function Summary({ rows, onChange }: { rows: Row[]; onChange: ((step: VisitStep) => void) | undefined }) {
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-9">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value" style={{ whiteSpace: 'pre-wrap' }}>
            {row.value}
          </dd>
          {onChange && (
            <dd className="govuk-summary-list__actions">
              <a
                className="govuk-link"
                href={`#step-${row.step}`}
                onClick={(event) => {
                  event.preventDefault();
                  onChange(row.step);
                }}
              >
                Change<span className="govuk-visually-hidden"> {row.key.toLowerCase()}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
