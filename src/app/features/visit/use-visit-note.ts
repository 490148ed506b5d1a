import { useCallback } from 'react';
import { emptyVisitNote, visitNoteBodySchema, type VisitNoteBody } from '../../../shared/model/visit-note.ts';
import { useAutosave } from '../../records/use-autosave';
import { whenFromInstant } from '../../records/visit/occurred-at';
import { finish as finishUpdate, setWhen, type VisitNoteUpdate } from './visit-note-updates';

export type VisitNoteState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'unreadable' }
  | { status: 'open'; id: string; body: VisitNoteBody }
  | { status: 'recorded'; id: string; body: VisitNoteBody };

const visitFromStored = (body: unknown): VisitNoteBody | null => {
  const parsed = visitNoteBodySchema.safeParse(body);
  return parsed.success ? parsed.data : null;
};

/**
 * One visit note, kept by the autosave every form uses: a new one (no recordId, dated now) or
 * the record in the route. Open while a draft or returned (its author makes the changes the
 * manager asked for); recorded once finished.
 */
export function useVisitNote(recordId: string | undefined) {
  const autosave = useAutosave<VisitNoteBody>({
    type: 'visit',
    recordId,
    basePath: '/visits',
    empty: (id) => setWhen(whenFromInstant(new Date()))(emptyVisitNote(id)),
    fromStored: visitFromStored,
    toStored: (body) => body,
  });
  const { state: loaded, update, finish: finishRecord } = autosave;

  const state: VisitNoteState =
    loaded.status !== 'ready'
      ? loaded
      : {
          status: loaded.recordStatus === 'draft' || loaded.recordStatus === 'returned' ? 'open' : 'recorded',
          id: loaded.id,
          body: loaded.form,
        };

  const body = loaded.status === 'ready' ? loaded.form : null;
  /** "Finish and record": completedAt now, status submitted, after any draft save in flight. */
  const finish = useCallback(async () => {
    if (body) await finishRecord(finishUpdate(new Date().toISOString())(body));
  }, [body, finishRecord]);

  return { state, saveState: autosave.saveState, update: update as (change: VisitNoteUpdate) => void, finish };
}
