import type { Sealed } from '../crypto/sealed';
import type { RecordStatus, RecordType } from './types';

/**
 * Two versions of one record that a person must choose between (design invariant 2). The
 * device's own record row stays as it is ("mine"); the other version is kept here, sealed
 * under the data key with AAD `conflict:<recordId>`. One conflict per record: a later one
 * replaces it, and a resolution clears it.
 */
export interface StoredConflict {
  recordId: string;
  recordType: RecordType;
  /**
   * 'server': the other version is the server's current one (my edit was based on an old
   * revision). 'copy': the other version is a conflict copy the server kept from another
   * device, and my row is the server's current one.
   */
  theirsIs: 'server' | 'copy';
  /** The server's id of its conflict copy, once the server holds one; null until then. */
  conflictId: string | null;
  /** The server's current revision: a resolution is saved on top of it. */
  serverRev: number | null;
  theirsStatus: RecordStatus;
  /** Missing only when the server named a conflict without sending its version (a retried push). */
  theirs?: Sealed;
  detectedAt: string;
  /**
   * Set when a person has resolved it on this device: the other version is gone and the
   * merged version waits in the outbox, sent with resolvesConflicts: [conflictId]. The row is
   * deleted once the server accepts it.
   */
  resolvedAt?: string;
  /**
   * Set when someone else resolved it on the server (the pulled copy came back resolved): this
   * device then takes the server's version (theirs) unless it has newer edits of its own.
   */
  settledAt?: string;
}

/** A change the server refused (schema or permission): the record is kept, the reason shown. */
export interface StoredRejection {
  recordId: string;
  mutationId: string;
  code?: string;
  /** The server's sentence for a person (no record content). */
  reason: string;
  rejectedAt: string;
}

/**
 * The exact content sent under a mutation id (copied from the record row when the outbox entry
 * was marked sent, still sealed), so a retry after a lost reply resends the same content.
 */
export interface SendingSnapshot {
  mutationId: string;
  recordId: string;
  type: RecordType;
  status: RecordStatus;
  sealed?: Sealed;
  body?: unknown;
  /** With status 'signed-off' or 'returned': the manager's review (AAD `review:<recordId>`), sent as record.review. */
  sealedReview?: Sealed;
  /** Conflict copies this version settles (sent as resolvesConflicts). */
  resolvesConflicts?: string[];
}

/** A photo already on the server, by its local blob id. */
export interface UploadedBlob {
  id: string;
  sha256: string;
  uploadedAt: string;
}
