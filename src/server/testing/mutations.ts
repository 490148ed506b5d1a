import { v7 as uuidv7 } from 'uuid';
import { emptyContactChild, emptyVisitNote, type VisitNoteBody } from '../../shared/model/visit-note.ts';
import type { Mutation, RecordStatus, RecordType, ReviewRequest } from '../../shared/sync/index.ts';

export const newId = () => uuidv7();

export function childBody(id: string, name = 'Sam'): Record<string, unknown> {
  return { id, name, dateOfBirth: '2018-03-04', involvements: [] };
}

/** A visit note as the visit form writes it, with the note's "what happened" and the children on the visit. */
export function visitBody(recordId: string, whatHappened = 'first', childIds: string[] = []): VisitNoteBody {
  const body = emptyVisitNote(recordId);
  return {
    ...body,
    contact: { ...body.contact, children: childIds.map(emptyContactChild) },
    note: { ...body.note, whatHappened },
    step: 'note',
  };
}

/** A valid body for each record type, as a device would push it (src/shared/model/record-bodies.ts). */
export function bodyFor(type: RecordType, recordId: string, note = 'first'): Record<string, unknown> {
  switch (type) {
    case 'child':
      return childBody(recordId, note);
    case 'visit':
      return visitBody(recordId, note);
    case 'direct-work':
      return { childId: '', childName: 'Sam', childsWords: note };
    case 'observation':
      return { step: 2, focus: note };
    case 'addendum':
      // Names no real record: pass a body with the signed-off parent's id to have it applied.
      return { parentId: 'no-such-record', text: note, writtenAt: '2026-04-09T09:00:00Z' };
  }
}

export function mutation(
  type: RecordType,
  recordId: string,
  baseRev: number | null,
  options: {
    note?: string;
    status?: RecordStatus;
    body?: Record<string, unknown>;
    observedPractitionerId?: string;
    blobs?: string[];
    resolvesConflicts?: string[];
    review?: ReviewRequest;
  } = {},
): Mutation {
  return {
    mutationId: uuidv7(),
    recordId,
    recordType: type,
    baseRev,
    record: {
      status: options.status ?? 'draft',
      body: options.body ?? bodyFor(type, recordId, options.note),
      ...(options.observedPractitionerId ? { observedPractitionerId: options.observedPractitionerId } : {}),
      ...(options.blobs ? { blobs: options.blobs } : {}),
      ...(options.review ? { review: options.review } : {}),
    },
    ...(options.resolvesConflicts ? { resolvesConflicts: options.resolvesConflicts } : {}),
  };
}
