/**
 * What each record type's sealed body holds: the shared agreement between the data layer, the
 * caseload and the forms. A form may add fields of its own; the caseload reads only what is
 * named here. Types only: validate with the src/shared/model schemas where it matters.
 */
import type { Child, Contact, Observation, Practitioner } from '../../shared/model';

/** type 'child'; record id = child.id. Name and involvements as in the caseload format. */
export type ChildBody = Child;

/** The device user's practitioner profile, sealed in meta (getSealedMeta('practitioner')). */
export type PractitionerBody = Practitioner;

/**
 * type 'visit'; record id = contact.id. `contact` is the rules' contact (its children are
 * child record ids); the caseload evaluates it only once it passes contactSchema, so a draft
 * still being filled in simply gives no warnings yet. Status: 'draft' while
 * contact.completedAt is null, 'submitted' once the practitioner finalises it.
 */
export interface VisitBody {
  contact: Contact;
  /** The written note (the visit form owns its fields, e.g. summary, child's views, analysis). */
  note: VisitNote;
  /** Where the form is up to (the visit form's own step id), for "Continue". */
  step?: string;
}

export interface VisitNote {
  [field: string]: unknown;
}

/** type 'direct-work'. `childIds` are child record ids (the child's page lists it). */
export interface DirectWorkBody {
  childIds: string[];
  /** When the session happened, ISO instant. */
  occurredAt?: string;
  /** A short title for lists, e.g. "Three houses". */
  title?: string;
  /** Ids of photos kept with saveBlob(recordId, blobId, blob). */
  photoIds?: string[];
  [field: string]: unknown;
}

/** type 'observation'. `observation` is the rules' observation once it is filled in enough. */
export interface ObservationBody {
  observation?: Partial<Observation>;
  [field: string]: unknown;
}

export type RecordBodies = {
  child: ChildBody;
  visit: VisitBody;
  'direct-work': DirectWorkBody;
  observation: ObservationBody;
  addendum: unknown;
};

/** The children a record is about (child record ids), for lists of drafts. */
export function childIdsOf(type: string, body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  if (type === 'visit') {
    const children = (body as Partial<VisitBody>).contact?.children;
    return Array.isArray(children) ? children.map((c) => c?.childId).filter((id): id is string => typeof id === 'string') : [];
  }
  if (type === 'direct-work') {
    const ids = (body as Partial<DirectWorkBody>).childIds;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }
  return [];
}
