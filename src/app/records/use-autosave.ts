import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { getRecord, saveDraft, saveRecord, type RecordStatus, type RecordType } from '../device/db';
import { SAVE_NOW_EVENT } from '../device/pwa/save-before-reload';

/** Long enough to skip most keystrokes, short enough that a save lands within half a second. */
export const AUTOSAVE_DELAY_MS = 250;

// Saves of one record run one after another, so an older body never lands after a newer one;
// module-level so a page opened again straight away waits for the last page's final save.
const saveQueues = new Map<string, Promise<unknown>>();
function queueSave(id: string, save: () => Promise<unknown>): Promise<unknown> {
  // Start at once when nothing is queued, so the save is already in flight (and counted by
  // whenDraftSavesSettled) when "Lock now" or an update asks every form to save.
  const queued = saveQueues.get(id);
  const run = queued ? queued.then(save) : save();
  const settled = run.catch(() => undefined);
  saveQueues.set(id, settled);
  void settled.then(() => saveQueues.get(id) === settled && saveQueues.delete(id));
  return run;
}
const whenSaved = (id: string) => saveQueues.get(id) ?? Promise.resolve();

export type DraftSaveState = 'idle' | 'saved' | 'failed';

export type LoadState<Form> =
  | { status: 'loading' }
  | { status: 'missing' }
  /** On the device, but not in a form this version can read. */
  | { status: 'unreadable' }
  /** `createdBy`: the server user who created it (pulled records); undefined when made here. */
  | { status: 'ready'; id: string; form: Form; recordStatus: RecordStatus; createdBy?: string | undefined };

export interface AutosaveOptions<Form> {
  type: Exclude<RecordType, 'child'>;
  /** The route's record id; undefined on /…/new. */
  recordId: string | undefined;
  /** Where the form lives, e.g. '/observations': /new becomes `${basePath}/${id}` on the first save. */
  basePath: string;
  /** A new record's form; `id` is the record id it will be saved under. */
  empty: (id: string) => Form;
  /** The form from a stored body; null when the body cannot be read as this kind. */
  fromStored: (body: unknown) => Form | null;
  /** The body as stored: the form plus whatever the rest of the app reads from it. */
  toStored: (form: Form, recordId: string) => unknown;
}

/**
 * One record as a form, the way every form in Doorstep keeps what is typed: loaded from the
 * device, saved as a draft on every change (debounced) and at once when the page is hidden,
 * left or about to update. On /…/new the record is saved by the first change and the address
 * becomes /…/:recordId (a replace), so a reload opens the same record.
 */
export function useAutosave<Form>(options: AutosaveOptions<Form>) {
  const { type, recordId, basePath } = options;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const navigate = useNavigate();

  const [state, setState] = useState<LoadState<Form>>({ status: 'loading' });
  const [saveState, setSaveState] = useState<DraftSaveState>('idle');
  const current = useRef<{ id: string; form: Form; stored: boolean } | null>(null);
  const unsaved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  // A replace: the layout leaves focus where it is, so someone typing keeps their place.
  const replaceAddress = useCallback(
    (id: string) => void navigate(`${basePath}/${id}`, { replace: true, preventScrollReset: true }),
    [navigate, basePath],
  );

  const flush = useCallback((): Promise<unknown> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const record = current.current;
    if (!record) return Promise.resolve();
    if (!unsaved.current) return whenSaved(record.id);
    unsaved.current = false;
    const first = !record.stored;
    record.stored = true;
    const body = optionsRef.current.toStored(record.form, record.id);
    return queueSave(record.id, () => saveDraft(record.id, type, body)).then(
      () => {
        if (!mounted.current) return;
        setSaveState('saved');
        if (first) replaceAddress(record.id);
      },
      (error: unknown) => {
        console.error(`Could not save the ${type} draft`, error);
        if (mounted.current) setSaveState('failed');
      },
    );
  }, [type, replaceAddress]);

  // Load, unless the route's id is the record this page is already writing (after its first save).
  useEffect(() => {
    if (recordId !== undefined && recordId === current.current?.id) return;
    void flush();
    unsaved.current = false;
    let cancelled = false;
    if (recordId === undefined) {
      const id = uuidv7();
      const form = optionsRef.current.empty(id);
      current.current = { id, form, stored: false };
      setState({ status: 'ready', id, form, recordStatus: 'draft' });
      setSaveState('idle');
      return;
    }
    current.current = null;
    setState({ status: 'loading' });
    whenSaved(recordId)
      .then(() => getRecord(recordId))
      .then(
        (record) => {
          if (cancelled) return;
          if (!record || record.type !== type) return setState({ status: 'missing' });
          const form = optionsRef.current.fromStored(record.body);
          if (form === null) return setState({ status: 'unreadable' });
          current.current = { id: record.id, form, stored: true };
          setState({ status: 'ready', id: record.id, form, recordStatus: record.status, createdBy: record.createdBy });
        },
        (error: unknown) => {
          console.error(`Could not open the ${type} record`, error);
          if (!cancelled) setState({ status: 'unreadable' });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [recordId, type, flush]);

  useEffect(() => {
    mounted.current = true;
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onLeave = () => void flush();
    window.addEventListener('pagehide', onLeave);
    window.addEventListener(SAVE_NOW_EVENT, onLeave);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener(SAVE_NOW_EVENT, onLeave);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      mounted.current = false;
      void flush(); // leaving the page inside the app
    };
  }, [flush]);

  /** Changes the form and schedules the draft save. */
  const update = useCallback(
    (change: (form: Form) => Form) => {
      const record = current.current;
      if (record === null) return;
      record.form = change(record.form);
      unsaved.current = true;
      const form = record.form;
      setState((s) => (s.status === 'ready' ? { ...s, form } : s));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** The record's id, saved now if it has not been yet (photos need the record first). */
  const ensureId = useCallback((): string => {
    const record = current.current;
    if (!record) throw new Error('No record is open');
    if (!record.stored) {
      unsaved.current = true;
      void flush();
    }
    return record.id;
  }, [flush]);

  /**
   * Saves the finished record as submitted, after any draft save in flight. Resolves true once
   * it is on the device; false (and "could not be saved" shown) if the device refused it, with
   * the form left as it was so nothing typed is lost.
   */
  const finish = useCallback(
    async (form: Form): Promise<boolean> => {
      const record = current.current;
      if (!record) return false;
      clearTimeout(timer.current);
      unsaved.current = false;
      const before = record.form;
      const first = !record.stored;
      record.form = form;
      record.stored = true;
      try {
        await queueSave(record.id, () =>
          saveRecord({ id: record.id, type, status: 'submitted', body: optionsRef.current.toStored(form, record.id) }),
        );
      } catch (error) {
        console.error(`Could not record the ${type}`, error);
        record.form = before;
        record.stored = !first;
        unsaved.current = true;
        if (mounted.current) setSaveState('failed');
        return false;
      }
      if (!mounted.current) return true;
      setState((s) => ({ status: 'ready', id: record.id, form, recordStatus: 'submitted', createdBy: s.status === 'ready' ? s.createdBy : undefined }));
      if (first) replaceAddress(record.id);
      return true;
    },
    [type, replaceAddress],
  );

  return { state, saveState, update, flush, ensureId, finish };
}
