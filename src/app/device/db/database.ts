import Dexie, { type EntityTable } from 'dexie';
import type { SendingSnapshot, StoredConflict, StoredRejection, UploadedBlob } from './sync-tables';
import type { MetaEntry, OutboxEntry, StoredBlob, StoredRecord } from './types';

export class DoorstepDatabase extends Dexie {
  records!: EntityTable<StoredRecord, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  blobs!: EntityTable<StoredBlob, 'id'>;
  conflicts!: EntityTable<StoredConflict, 'recordId'>;
  rejections!: EntityTable<StoredRejection, 'recordId'>;
  sending!: EntityTable<SendingSnapshot, 'mutationId'>;
  uploadedBlobs!: EntityTable<UploadedBlob, 'id'>;

  constructor(name = 'doorstep') {
    super(name);
    // Never edit a released version: add a new version with an upgrade instead.
    this.version(1).stores({
      records: 'id, type, updatedAt, status',
      outbox: '++seq, &mutationId, recordId, createdAt',
      meta: 'key',
    });
    // 2: record bodies are sealed (`sealed` replaces `body`), photos in `blobs`. No upgrade
    // function: there is no data key while upgrading (the device is locked), and WebCrypto
    // cannot run inside an upgrade transaction; v1 rows are sealed on the next unlock.
    this.version(2).stores({
      blobs: 'id, recordId',
    });
    // 3: the sync engine's tables (src/app/sync): conflict copies, refused changes, the content
    // sent under each mutation id, and photos already uploaded. New tables only: no upgrade.
    this.version(3).stores({
      conflicts: 'recordId',
      rejections: 'recordId',
      sending: 'mutationId, recordId',
      uploadedBlobs: 'id',
    });
  }
}

/** The one database on this device. Features reach it only through this folder's API. */
export const db = new DoorstepDatabase();
