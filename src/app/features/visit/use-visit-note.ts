import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { getRecord, saveDraft, saveRecord } from '../../db';
import { SAVE_NOW_EVENT } from '../../pwa/save-before-reload';
import { emptyVisitNote, visitNoteBodySchema, type VisitNoteBody } from '../../../shared/model/visit-note.ts';
import { finish as finishUpdate, setWhen, type VisitNoteUpdate } from './visit-note-updates';
import { whenFromInstant } from './occurred-at';

/** Long enough to skip most keystrokes, short enough that a save lands within half a second. */
export const AUTOSAVE_DELAY_MS = 300;

// One queue for every visit note on the page: saves run in order (the first makes the record),
// and a load waits behind them, so leaving a note and opening it again at once never reads
// an older copy than the one just left.
let queue: Promise<unknown> = Promise.resolve();
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export type SaveState = 'idle' | 'saved' | 'failed';

export type VisitNoteState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'unreadable' }
  | { status: 'open'; id: string; body: VisitNoteBody }
  | { status: 'recorded'; id: string; body: VisitNoteBody };

/**
 * One visit note: a new one (no recordId) or the record in the route. Every change is saved
 * as a draft (debounced), and at once when the page is hidden, left, or about to update. The
 * first save of a new note puts its id in the address (replace), so a reload resumes it.
 */
export function useVisitNote(recordId: string | undefined) {
  const navigate = useNavigate();
  const [state, setState] = useState<VisitNoteState>({ status: 'loading' });
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const current = useRef<{ id: string; body: VisitNoteBody; stored: boolean } | null>(null);
  const unsaved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Load, unless the route's id is the note this page is already writing (after its first save).
  useEffect(() => {
    if (recordId !== undefined && recordId === current.current?.id) return;
    let cancelled = false;
    if (recordId === undefined) {
      const id = uuidv7();
      const body = setWhen(whenFromInstant(new Date()))(emptyVisitNote(id));
      current.current = { id, body, stored: false };
      setState({ status: 'open', id, body });
      return;
    }
    setState({ status: 'loading' });
    enqueue(() => getRecord<unknown>(recordId)).then(
      (record) => {
        if (cancelled) return;
        if (!record || record.type !== 'visit') return setState({ status: 'missing' });
        const parsed = visitNoteBodySchema.safeParse(record.body);
        if (!parsed.success) return setState({ status: 'unreadable' });
        current.current = { id: record.id, body: parsed.data, stored: true };
        // A returned note is open again: its author makes the changes the manager asked for.
        const editable = record.status === 'draft' || record.status === 'returned';
        setState({ status: editable ? 'open' : 'recorded', id: record.id, body: parsed.data });
      },
      (error: unknown) => {
        console.error('Could not open the visit note', error);
        if (!cancelled) setState({ status: 'unreadable' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [recordId]);

  // A replace: the layout leaves focus where it is, so someone typing keeps their place.
  const replaceAddress = useCallback(
    (id: string) => void navigate(`/visits/${id}`, { replace: true, preventScrollReset: true }),
    [navigate],
  );

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const note = current.current;
    if (!note || !unsaved.current) return;
    unsaved.current = false;
    const { id, body } = note;
    const first = !note.stored;
    note.stored = true;
    void enqueue(() => saveDraft(id, 'visit', body)).then(
      () => {
        if (!mounted.current) return;
        setSaveState('saved');
        if (first) replaceAddress(id);
      },
      (error: unknown) => {
        console.error('Could not save the visit draft', error);
        if (mounted.current) setSaveState('failed');
      },
    );
  }, [replaceAddress]);

  useEffect(() => {
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener(SAVE_NOW_EVENT, flush);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener(SAVE_NOW_EVENT, flush);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      flush(); // leaving the page inside the app
    };
  }, [flush]);

  const update = useCallback(
    (change: VisitNoteUpdate) => {
      const note = current.current;
      if (!note) return;
      note.body = change(note.body);
      unsaved.current = true;
      setState({ status: 'open', id: note.id, body: note.body });
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** "Finish and record": completedAt now, status submitted, after any draft save in flight. */
  const finish = useCallback(async () => {
    const note = current.current;
    if (!note) return;
    clearTimeout(timer.current);
    unsaved.current = false;
    const body = finishUpdate(new Date().toISOString())(note.body);
    note.body = body;
    note.stored = true;
    try {
      await enqueue(() => saveRecord({ id: note.id, type: 'visit', status: 'submitted', body }));
    } catch (error) {
      console.error('Could not record the visit', error);
      note.body = { ...body, contact: { ...body.contact, completedAt: null } };
      setSaveState('failed');
      return;
    }
    if (!mounted.current) return;
    setState({ status: 'recorded', id: note.id, body });
    if (recordId !== note.id) void navigate(`/visits/${note.id}`, { replace: true });
  }, [navigate, recordId]);

  return { state, saveState, update, finish };
}
