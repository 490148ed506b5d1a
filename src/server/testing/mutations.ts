import { v7 as uuidv7 } from 'uuid';
import type { Mutation, RecordStatus, RecordType, ReviewRequest } from '../../shared/sync/index.ts';

export const newId = () => uuidv7();

export function childBody(id: string, name = 'Sam'): Record<string, unknown> {
  return { id, name, dateOfBirth: '2018-03-04', involvements: [] };
}

/** A valid body for each record type, as a device would push it. */
export function bodyFor(type: RecordType, recordId: string, note = 'first'): Record<string, unknown> {
  switch (type) {
    case 'child':
      return childBody(recordId, note);
    case 'visit':
      return { contact: { id: recordId }, note: { whatHappened: note }, step: 'note' };
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
