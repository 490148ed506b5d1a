import { contactSchema } from '../../../shared/model/contact.ts';
import { directWorkFromStored, isoDateFromParts } from '../../../shared/model/direct-work';
import { observationFormFromStored } from '../../../shared/model/observation-form';
import { visitNoteBodySchema } from '../../../shared/model/visit-note.ts';
import { formatDateTime } from '../../components/format-date';
import { SummaryList } from '../../components/summary-list';
import type { LocalRecord } from '../../db';
import type { ChildOnDevice } from '../caseload/use-children-on-device';
import { DirectWorkAnswers } from '../direct-work/direct-work-summary';
import { ObservationAnswers } from '../observation/observation-summary';
import { StepCheck } from '../visit/step-check';
import { MODE_LABELS } from '../visit/step-details';

export const KIND_NAMES = {
  visit: 'Visit',
  'direct-work': 'Direct work',
  observation: 'Practice observation',
  addendum: 'Addendum',
  child: 'Child',
} as const;

const PATHS = { visit: '/visits', 'direct-work': '/direct-work', observation: '/observations', addendum: '/addenda', child: '/children' } as const;

/** Where a record opens: its form, or its read-only view once signed off. */
export const recordPath = (record: Pick<LocalRecord, 'id' | 'type'>) => `${PATHS[record.type]}/${encodeURIComponent(record.id)}`;

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A date typed as day, month and year ("2026-03-05") as GOV.UK writes it: "5 March 2026". */
const formatDay = (isoDate: string) => dayFormat.format(new Date(`${isoDate}T00:00:00Z`));

const nameOf = (children: ChildOnDevice[]) => (id: string) => children.find((c) => c.id === id)?.name ?? `Child ${id}`;

/** A line for lists: who the record is about and when. "Tamsin Ellery, 2 March 2026 at 10:00am". */
export function aboutRecord(record: Pick<LocalRecord, 'type' | 'body'>, children: ChildOnDevice[]): string {
  const name = nameOf(children);
  const body = record.body as Record<string, unknown> | null;
  if (record.type === 'visit') {
    const contact = (body?.contact ?? {}) as { children?: { childId: string }[]; occurredAt?: string | null };
    const who = (contact.children ?? []).map((c) => name(c.childId)).join(', ') || 'No child chosen';
    return contact.occurredAt ? `${who}, ${formatDateTime(contact.occurredAt)}` : who;
  }
  if (record.type === 'direct-work') {
    const form = directWorkFromStored(body);
    const who = form.childId ? name(form.childId) : form.childName || 'No child chosen';
    const date = isoDateFromParts(form.date);
    return date ? `${who}, ${formatDay(date)}` : who;
  }
  if (record.type === 'observation') {
    const form = observationFormFromStored(body);
    const date = isoDateFromParts(form.observedOn);
    return `${form.practitionerName || 'Practitioner not named'}${date ? `, ${formatDay(date)}` : ''}`;
  }
  if (record.type === 'addendum') {
    const writtenAt = typeof body?.writtenAt === 'string' ? body.writtenAt : null;
    return writtenAt ? `Written ${formatDateTime(writtenAt)}` : 'Addendum';
  }
  return '';
}

/** The whole record, read only: what a manager reads before signing it off, and a signed-off record. */
export function RecordAnswers({ record, children }: { record: Pick<LocalRecord, 'type' | 'body'>; children: ChildOnDevice[] }) {
  const childName = nameOf(children);
  switch (record.type) {
    case 'visit': {
      const note = visitNoteBodySchema.safeParse(record.body);
      if (note.success) return <StepCheck body={note.data} childName={childName} />;
      const contact = contactSchema.safeParse((record.body as { contact?: unknown } | null)?.contact);
      if (!contact.success) return <p className="govuk-body">This visit is not in a form this version of Doorstep can show.</p>;
      return (
        <SummaryList
          rows={[
            { key: 'Date and time', value: formatDateTime(contact.data.occurredAt) },
            { key: 'How', value: MODE_LABELS[contact.data.mode].label },
            { key: 'Children', value: contact.data.children.map((c) => childName(c.childId)).join(', ') },
          ]}
        />
      );
    }
    case 'direct-work':
      return <DirectWorkAnswers form={directWorkFromStored(record.body)} children={children} />;
    case 'observation':
      return <ObservationAnswers form={observationFormFromStored(record.body)} />;
    case 'addendum': {
      const body = record.body as { text?: unknown; writtenAt?: unknown } | null;
      return (
        <SummaryList
          rows={[
            { key: 'Written', value: typeof body?.writtenAt === 'string' ? formatDateTime(body.writtenAt) : 'Not known' },
            { key: 'Addendum', value: <span style={{ whiteSpace: 'pre-wrap' }}>{typeof body?.text === 'string' ? body.text : ''}</span> },
          ]}
        />
      );
    }
    case 'child':
      return null;
  }
}
