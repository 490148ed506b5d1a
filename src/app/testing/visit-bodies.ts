import { emptyVisitNote, type VisitNoteBody, type VisitNoteText } from '../../shared/model/visit-note.ts';

/**
 * A valid visit note body (the one strict schema the server checks every pushed body with),
 * with "what happened" and any other note text given: for tests that save or push a visit.
 */
export function visitNoteBody(id: string, whatHappened: string, note: Partial<VisitNoteText> = {}): VisitNoteBody {
  const body = emptyVisitNote(id);
  return { ...body, note: { ...body.note, whatHappened, ...note }, step: 'note' };
}
