import { records } from './001-records.ts';
import { accounts } from './002-accounts.ts';
import { sync } from './003-sync.ts';
import { reviewsAndAudit } from './004-reviews-and-audit.ts';
import { practitionerStart } from './005-practitioner-start.ts';
import { keyEscrow } from './007-key-escrow.ts';
import { recordPhotos } from './008-record-photos.ts';
import { signInCounters } from './006-sign-in-counters.ts';

export interface Migration {
  /** Zero-padded and increasing: the order migrations run in, and their key in schema_migrations. */
  readonly id: string;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every migration, oldest first. Migrations are TypeScript modules rather than .sql files so
 * they travel with the code and no file path has to be resolved at run time. Never edit one
 * that has shipped: add the next.
 */
export const migrations: readonly Migration[] = [records, accounts, sync, reviewsAndAudit, practitionerStart, signInCounters, keyEscrow, recordPhotos];
