export { db, DoorstepDatabase } from './database';
export {
  saveRecord,
  saveRecords,
  getRecord,
  listRecords,
  listRecordsByStatus,
  countPendingChanges,
  countRecords,
  sealPlaintextRecords,
  RecordFrozenError,
  RecordChangedError,
} from './records';
export { saveBlob, getBlob, hasBlob, listBlobIds, deleteBlob, type SavedBlob } from './blobs';
export { getMeta, setMeta, getSealedMeta, setSealedMeta } from './meta';
export { metaStore } from './meta-store';
export { deviceSession } from '../lock/device-session-store';
export { createDraft, saveDraft, listDrafts, whenDraftSavesSettled } from './drafts';
export { DeviceLockedError } from '../lock/session-key';
export type { LocalRecord, OutboxEntry, RecordInput, RecordReview, RecordStatus, RecordType, ReviewToSave } from './types';
// The record bodies are defined once, in src/shared/model (record-bodies.ts).
export type { ChildBody, DirectWorkBody, ObservationBody, PractitionerBody, RecordBodies, VisitBody } from '../../../shared/model/record-bodies.ts';
