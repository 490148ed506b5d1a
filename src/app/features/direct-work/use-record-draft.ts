import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { getRecord, saveDraft, saveRecord, type RecordStatus, type RecordType } from '../../db';
import { SAVE_NOW_EVENT } from '../../pwa/save-before-reload';

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
  /** `createdBy`: the server user who created it (pulled records); undefined when made here. */
  | { status: 'ready'; form: Form; recordStatus: RecordStatus; createdBy?: string | undefined };

export interface RecordDraftOptions<Form> {
  type: Extract<RecordType, 'direct-work' | 'observation' | 'addendum'>;
  /** The route's record id; undefined on /…/new. */
  recordId: string | undefined;
  /** Where the form lives, e.g. '/observations': /new becomes `${basePath}/${id}` on the first save. */
  basePath: string;
  empty: () => Form;
  fromStored: (body: unknown) => Form;
  /** The body as stored: the form plus whatever the rest of the app reads from it. */
  toStored: (form: Form, recordId: string) => unknown;
}

/**
 * One direct work or observation record as a form: loaded from the device, saved as a draft
 * on every change (debounced) and at once when the page is hidden, left or about to update.
 * On /…/new the record is created by the first change and the address becomes /…/:recordId,
 * so a reload opens the same record.
 */
export function useRecordDraft<Form>(options: RecordDraftOptions<Form>) {
  const { type, recordId, basePath } = options;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const navigate = useNavigate();

  const [state, setState] = useState<LoadState<Form>>({ status: 'loading' });
  const [saveState, setSaveState] = useState<DraftSaveState>('idle');
  const idRef = useRef<string | null>(null);
  const formRef = useRef<Form | null>(null);
  const unsaved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  const flush = useCallback((): Promise<unknown> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const form = formRef.current;
    if (!unsaved.current || form === null) return idRef.current ? whenSaved(idRef.current) : Promise.resolve();
    unsaved.current = false;
    const isNew = idRef.current === null;
    const id = (idRef.current ??= uuidv7());
    const body = optionsRef.current.toStored(form, id);
    return queueSave(id, () => saveDraft(id, type, body)).then(
      () => {
        if (mounted.current) setSaveState('saved');
        if (isNew && mounted.current) replaceAddress(id);
      },
      (error: unknown) => {
        console.error(`Could not save the ${type} draft`, error);
        if (mounted.current) setSaveState('failed');
      },
    );
  }, [type]);

  // A replace: the layout leaves focus where it is, so a worker typing keeps their place.
  const replaceAddress = (id: string) => void navigate(`${basePath}/${id}`, { replace: true, preventScrollReset: true });

  // Load when the route names a different record (or /new) than the one being edited.
  useEffect(() => {
    if (recordId !== undefined && recordId === idRef.current) return;
    void flush();
    idRef.current = recordId ?? null;
    unsaved.current = false;
    let cancelled = false;
    if (recordId === undefined) {
      const form = optionsRef.current.empty();
      formRef.current = form;
      setState({ status: 'ready', form, recordStatus: 'draft' });
      setSaveState('idle');
      return;
    }
    setState({ status: 'loading' });
    whenSaved(recordId).then(() => getRecord(recordId)).then(
      (record) => {
        if (cancelled) return;
        if (!record || record.type !== type) return setState({ status: 'missing' });
        const form = optionsRef.current.fromStored(record.body);
        formRef.current = form;
        setState({ status: 'ready', form, recordStatus: record.status, createdBy: record.createdBy });
      },
      (error: unknown) => {
        console.error(`Could not open the ${type} record`, error);
        if (!cancelled) setState({ status: 'missing' });
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
      const current = formRef.current;
      if (current === null) return;
      const form = change(current);
      formRef.current = form;
      unsaved.current = true;
      setState((s) => (s.status === 'ready' ? { ...s, form } : s));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** The record's id, made now if the record has not been saved yet (photos need it first). */
  const ensureId = useCallback((): string => {
    if (idRef.current === null) {
      unsaved.current = true;
      void flush();
    }
    return idRef.current as unknown as string;
  }, [flush]);

  /** Saves the finished record as submitted. Resolves once it is on the device. */
  const finish = useCallback(
    async (form: Form) => {
      clearTimeout(timer.current);
      unsaved.current = false;
      const isNew = idRef.current === null;
      const id = (idRef.current ??= uuidv7());
      formRef.current = form;
      await queueSave(id, () => saveRecord({ id, type, status: 'submitted', body: optionsRef.current.toStored(form, id) }));
      setState((s) => ({ status: 'ready', form, recordStatus: 'submitted', createdBy: s.status === 'ready' ? s.createdBy : undefined }));
      if (isNew) replaceAddress(id);
    },
    [type],
  );

  return { state, saveState, update, flush, ensureId, finish, recordId: idRef.current };
}
