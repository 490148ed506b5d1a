import type { ReactNode } from 'react';
import { directWorkFromStored, isoDateFromParts } from '../../shared/model/direct-work';
import { observationFormFromStored } from '../../shared/model/observation-form';
import { parseVisitBody } from '../../shared/model/visit-body.ts';
import { formatCalendarDate, formatDateTime } from '../ui/format-date';
import { SummaryList } from '../ui/summary-list';
import type { LocalRecord, RecordType } from '../device/db';
import { addendumFromStored } from './addendum/addendum-body';
import type { ChildOnDevice } from './caseload/use-children-on-device';
import { DirectWorkAnswers } from './direct-work/direct-work-answers';
import { ObservationAnswers } from './observation/observation-answers';
import { StepCheck } from './visit/visit-answers';
import { MODE_LABELS } from './visit/visit-labels';

type ChildName = (childId: string) => string;

/** What every screen needs to know about a kind of record, in one place. */
export interface RecordKind {
  /** As lists and headings name it: "Practice observation". */
  name: string;
  /** Where its records open: `${path}/${id}` (its form, or its read view once finished). */
  path: string;
  /** The children it is about (child record ids). */
  childIds: (body: unknown) => string[];
  /** When its author finished it, as its body says; null while a draft. */
  submittedAt: (body: unknown) => string | null;
  /** A line for lists: who it is about and when. */
  about: (body: unknown, childName: ChildName) => string;
  /** The whole record, read only. */
  answers: (body: unknown, children: ChildOnDevice[], childName: ChildName) => ReactNode;
}

const ids = (values: unknown[]) => values.filter((id): id is string => typeof id === 'string' && id !== '');

/** A visit's contact (a visit note's, or an imported visit's), read with the shared visit body schema. */
function visitContact(body: unknown): { childIds: string[]; occurredAt: string | null; completedAt: string | null } {
  const visit = parseVisitBody(body);
  if (!visit) return { childIds: [], occurredAt: null, completedAt: null };
  const { contact } = visit;
  return { childIds: ids(contact.children.map((c) => c.childId)), occurredAt: contact.occurredAt, completedAt: contact.completedAt };
}

const visit: RecordKind = {
  name: 'Visit',
  path: '/visits',
  childIds: (body) => visitContact(body).childIds,
  submittedAt: (body) => visitContact(body).completedAt,
  about: (body, childName) => {
    const contact = visitContact(body);
    const who = contact.childIds.map(childName).join(', ') || 'No child chosen';
    return contact.occurredAt ? `${who}, ${formatDateTime(contact.occurredAt)}` : who;
  },
  answers: (body, _children, childName) => {
    const visit = parseVisitBody(body);
    if (!visit) return <p className="govuk-body">This visit is not in a form this version of Doorstep can show.</p>;
    if (visit.step !== 'imported') return <StepCheck body={visit} childName={childName} />;
    return (
      <SummaryList
        rows={[
          { key: 'Date and time', value: formatDateTime(visit.contact.occurredAt) },
          { key: 'How', value: MODE_LABELS[visit.contact.mode].label },
          { key: 'Children', value: visit.contact.children.map((c) => childName(c.childId)).join(', ') },
        ]}
      />
    );
  },
};

const directWork: RecordKind = {
  name: 'Direct work',
  path: '/direct-work',
  childIds: (body) => ids([directWorkFromStored(body).childId]),
  submittedAt: (body) => directWorkFromStored(body).completedAt,
  about: (body, childName) => {
    const form = directWorkFromStored(body);
    const who = form.childId ? childName(form.childId) : form.childName || 'No child chosen';
    const date = isoDateFromParts(form.date);
    return date ? `${who}, ${formatCalendarDate(date)}` : who;
  },
  answers: (body, children) => <DirectWorkAnswers form={directWorkFromStored(body)} children={children} />,
};

const observation: RecordKind = {
  name: 'Practice observation',
  path: '/observations',
  childIds: () => [],
  submittedAt: (body) => observationFormFromStored(body).completedAt,
  about: (body) => {
    const form = observationFormFromStored(body);
    const date = isoDateFromParts(form.observedOn);
    return `${form.practitionerName || 'Practitioner not named'}${date ? `, ${formatCalendarDate(date)}` : ''}`;
  },
  answers: (body) => <ObservationAnswers form={observationFormFromStored(body)} />,
};

const addendum: RecordKind = {
  name: 'Addendum',
  path: '/addenda',
  childIds: () => [],
  submittedAt: (body) => addendumFromStored(body).writtenAt || null,
  about: (body) => {
    const { writtenAt } = addendumFromStored(body);
    return writtenAt ? `Written ${formatDateTime(writtenAt)}` : 'Addendum';
  },
  answers: (body) => {
    const { text, writtenAt } = addendumFromStored(body);
    return (
      <SummaryList
        rows={[
          { key: 'Written', value: writtenAt ? formatDateTime(writtenAt) : 'Not known' },
          { key: 'Addendum', value: <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> },
        ]}
      />
    );
  },
};

const child: RecordKind = {
  name: 'Child',
  path: '/children',
  childIds: () => [],
  submittedAt: () => null,
  about: () => '',
  answers: () => null,
};

/** The one registry of record kinds: visit, direct work, practice observation, addendum, and the child records they are about. */
export const RECORD_KINDS: Record<RecordType, RecordKind> = { visit, 'direct-work': directWork, observation, addendum, child };

const nameOf =
  (children: ChildOnDevice[]): ChildName =>
  (id) =>
    children.find((c) => c.id === id)?.name ?? `Child ${id}`;

/** Where a record opens: its form, or its read-only view once signed off. */
export const recordPath = (record: Pick<LocalRecord, 'id' | 'type'>) => `${RECORD_KINDS[record.type].path}/${encodeURIComponent(record.id)}`;

/** A line for lists: who the record is about and when. "Tamsin Ellery, 2 March 2026 at 10:00am". */
export const aboutRecord = (record: Pick<LocalRecord, 'type' | 'body'>, children: ChildOnDevice[]): string =>
  RECORD_KINDS[record.type].about(record.body, nameOf(children));

/** The children a record is about (child record ids), for lists of drafts. */
export const childIdsOf = (record: Pick<LocalRecord, 'type' | 'body'>): string[] => RECORD_KINDS[record.type].childIds(record.body);

/** When the author finished the record, as its body says; the device's last change if it does not. */
export const submittedAtOf = (record: Pick<LocalRecord, 'type' | 'body' | 'updatedAt'>): string =>
  RECORD_KINDS[record.type].submittedAt(record.body) ?? record.updatedAt;

/** The whole record, read only: what a manager reads before signing it off, and a signed-off record. */
export function RecordAnswers({ record, children }: { record: Pick<LocalRecord, 'type' | 'body'>; children: ChildOnDevice[] }) {
  return RECORD_KINDS[record.type].answers(record.body, children, nameOf(children));
}
