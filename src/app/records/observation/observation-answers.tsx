import type { ReactNode } from 'react';
import { isoDateFromParts } from '../../../shared/model/direct-work';
import { KNOWLEDGE_AND_SKILLS_STATEMENTS } from '../../../shared/model/knowledge-and-skills';
import { OBSERVATION_NATURES, OBSERVATION_STEPS, recordedActions, type ObservationForm } from '../../../shared/model/observation-form';
import { serverIdSchema } from '../../../shared/sync/index.ts';
import { formatCalendarDate } from '../../ui/format-date';


/** "3 November 2025", or '' while the form has no real date. */
export function observedOnText(form: Pick<ObservationForm, 'observedOn'>): string {
  const date = isoDateFromParts(form.observedOn);
  return date ? formatCalendarDate(date) : '';
}

/** A name with its staff ID; a server user id (chosen from the team, or the account) is not shown. */
const withStaffId = (name: string, id: string) => (id.trim() && !serverIdSchema.safeParse(id.trim()).success ? `${name} (staff ID ${id})` : name);

// A button (it changes the step, it does not go anywhere) that looks like the GOV.UK link.
const linkButton = { background: 'none', border: 0, padding: 0, cursor: 'pointer', font: 'inherit', textDecoration: 'underline' } as const;
const text = (value: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
const yesNo = (value: string) => (value === 'yes' ? 'Yes' : value === 'no' ? 'No' : '');

/** What the observer wrote, section by section; `onChange` adds a "Change" link to each step. */
export function ObservationAnswers({ form, onChange }: { form: ObservationForm; onChange?: (step: number) => void }) {
  const nature = OBSERVATION_NATURES.find((n) => n.value === form.nature);
  const sections: { step: number; rows: [string, ReactNode][] }[] = [
    {
      step: 1,
      rows: [
        ['Practitioner observed', withStaffId(form.practitionerName, form.practitionerId)],
        ['Observer', withStaffId(form.observerName, form.observerId)],
        ['Date of observation', isoDateFromParts(form.observedOn) ?? ''],
        ['Nature of observation', form.nature === 'other' ? `Other: ${form.natureOther}` : (nature?.text ?? '')],
      ],
    },
    {
      step: 2,
      rows: [
        ['Focus agreed beforehand', text(form.focus)],
        ['Purpose explained', yesNo(form.purposeExplained)],
        ['Permission given', yesNo(form.permissionObtained)],
        ['Power imbalance and equalities', text(form.powerAndEqualities)],
      ],
    },
    { step: 3, rows: [['Record of observation', text(form.record)]] },
    {
      step: 4,
      rows: [
        ['Strengths', text(form.strengths)],
        ['Areas for development', text(form.areasForDevelopment)],
        ["Practitioner's reflection", text(form.practitionerReflection)],
        ['Conclusions agreed', text(form.conclusions)],
      ],
    },
    {
      step: 5,
      rows: [
        [
          'Actions',
          recordedActions(form).length === 0 ? 'None' : (
            <ul className="govuk-list">
              {recordedActions(form).map((a) => (
                <li key={a.key}>
                  {a.who}: {a.what} by {isoDateFromParts(a.byWhen)}
                </li>
              ))}
            </ul>
          ),
        ],
        ['Points for next supervision', text(form.nextSupervision)],
      ],
    },
    {
      step: 6,
      rows: [
        [
          'Knowledge and Skills Statements',
          KNOWLEDGE_AND_SKILLS_STATEMENTS.filter((s) => form.knowledgeAndSkills.includes(s.id))
            .map((s) => `${s.number}. ${s.heading}`)
            .join('; '),
        ],
      ],
    },
    {
      step: 7,
      rows: [
        ['Copy to the practitioner', form.copyToPractitioner ? 'Sent' : 'Not yet'],
        ['Copy to their line manager', form.copyToLineManager ? 'Sent' : 'Not yet'],
        ['QA lead or principal social worker', form.qaLeadNotified ? 'Notified' : 'Not yet'],
      ],
    },
  ];
  return (
    <>
      {sections.map((section) => (
        <section key={section.step}>
          <h2 className="govuk-heading-m">{OBSERVATION_STEPS[section.step - 1]}</h2>
          <dl className="govuk-summary-list govuk-!-margin-bottom-9">
            {section.rows.map(([key, value]) => (
              <div className="govuk-summary-list__row" key={key}>
                <dt className="govuk-summary-list__key">{key}</dt>
                <dd className="govuk-summary-list__value">{value}</dd>
                {onChange && (
                  <dd className="govuk-summary-list__actions">
                    <button type="button" className="govuk-link" style={linkButton} onClick={() => onChange(section.step)}>
                      Change<span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
                    </button>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
