import type { Sealed } from '../crypto/sealed';
import type { RecordStatus, RecordType } from '../../../shared/model/record.ts';
import type { RecordReview } from '../../../shared/sync/index.ts';

/**
 * The device's own view of a record. Its content (`body`) is opaque here: the body types are
 * in src/shared/model/record-bodies.ts. Only id, type, status and dates are indexed (design
 * invariant 5: indexes never hold names or notes). RecordType and RecordStatus are the
 * model's (src/shared/model/record.ts).
 */
export type { RecordStatus, RecordType };

/** The latest sign-off or return of a record (the server's, or one made on this device). */
export type { RecordReview };

export interface LocalRecord<Body = unknown> {
  id: string;
  type: RecordType;
  status: RecordStatus;
  body: Body;
  /** Saves made on this device; goes up by one on every local write. */
  localVersion: number;
  /** The server revision this copy is based on; null until the server has accepted one. */
  rev: number | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The server user id of whoever created the record, as the server said when it was pulled
   * (plain metadata, not content). Absent on records this device created and has not pulled
   * back since: those are the signed-in user's.
   */
  createdBy?: string;
  /**
   * The latest review (sign-off or return) of the record, null when it has none. Its comment
   * and the manager's name are content: sealed like the body.
   */
  review: RecordReview | null;
}

/**
 * A review made on this device that has not been accepted by the server yet: what the record
 * was before it, so a refused review (the record changed since it was read) can be undone.
 */
export interface PendingReview {
  statusBefore: RecordStatus;
  sealedReviewBefore?: Sealed;
  /** The server revision the manager read: the one the review names. */
  readRev: number;
}

/**
 * What IndexedDB holds for a record: the same envelope, with the body sealed (AES-GCM under the
 * data key, the record id as AAD). `body` exists only on rows written before schema version 2;
 * they are sealed on the next unlock (sealPlaintextRecords).
 */
export interface StoredRecord extends Omit<LocalRecord, 'body' | 'review'> {
  sealed?: Sealed;
  body?: unknown;
  /** The latest review (RecordReview), sealed with AAD `review:<id>`; absent when none. */
  sealedReview?: Sealed;
  pendingReview?: PendingReview;
}

/** A photo (or other attachment) of a record, its bytes sealed. */
export interface StoredBlob {
  id: string;
  recordId: string;
  /** The media type, e.g. image/jpeg (not personal). */
  mediaType: string;
  sealed: Sealed;
  createdAt: string;
}

/**
 * A change waiting to go to the server. The record content is read when the change is
 * pushed, so the entry holds ids and dates only.
 */
export interface OutboxEntry {
  seq?: number;
  /** UUIDv7; names one content of the record, so a retried push is recognised as a duplicate. */
  mutationId: string;
  recordId: string;
  baseRev: number | null;
  createdAt: string;
  updatedAt: string;
  /** Set by the sync engine just before it pushes; an entry with sentAt is never reused. */
  sentAt?: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export interface RecordInput<Body = unknown> {
  /** Leave out for a new record: a UUIDv7 is made on the device. */
  id?: string;
  type: RecordType;
  status: RecordStatus;
  body: Body;
  /**
   * A manager's review (status 'signed-off' or 'returned') of exactly the revision read:
   * refused with RecordChangedError if the record on this device is no longer that revision.
   */
  newReview?: ReviewToSave;
}

export interface ReviewToSave {
  review: RecordReview;
  /** The server revision the manager read. */
  readRev: number;
}
