// The device's sync engine: push the outbox (photos first), pull changes since the cursor,
// keep conflicts for a person to resolve. Small files by step; each has its test beside it.
export { appScheduler, appTransport, setAppTransport } from './app-sync';
export { ACCOUNT_KEY, loadAccount, sessionIsCurrent, signIn, SignInError, useAccount, type Account, type SignInFailure } from './account';
export { createBackoff, type Backoff, type BackoffOptions } from './backoff';
export { uploadPhotosOf, sha256Hex } from './blobs';
export { downloadPhotos, listPhotosToFetch, notePhotosToFetch, type PhotoDownloadSummary, type PhotoToFetch } from './blob-download';
export { getConflict, listConflicts, resolveConflict, ConflictGoneError, type ConflictSummary, type ConflictView, type Resolution } from './conflicts';
export { OfflineError, RequestError, ServerError, SignedOutError } from './errors';
export { watchOutbox } from './local-changes';
export { getCursor, pullChanges, applyPage } from './pull';
export { pushChanges, PUSH_BATCH_SIZE, type PushSummary } from './push';
export { getRejection, listRecordsNeedingSync, recordSyncState, recordSyncStates, rejectionOf, type RecordNeedingSync, type RecordSyncState } from './record-state';
export { createSyncScheduler, type SchedulerOptions, type SyncScheduler } from './scheduler';
export { loadLastSuccess, useSyncState, type SyncState, type SyncStatus } from './state';
export { runSync, type SyncRunResult } from './sync';
export { createFetchTransport, type AuditRequest, type DownloadedBlob, type SyncTransport } from './transport';
export { fetchPinPolicy, pinChangeRequired } from './pin-policy';
