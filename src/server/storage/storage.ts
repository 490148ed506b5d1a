/**
 * The one storage interface the server talks to. Two adapters implement it: embedded PGlite
 * (the default, no setup) and PostgreSQL (DATABASE_URL). Both speak the same SQL and run the
 * same migrations, and one contract test suite (storage.contract.ts) holds them to it.
 */

export type StorageKind = 'pglite' | 'postgres';

export interface QueryResult<Row> {
  rows: Row[];
}

/** What can run SQL: the storage itself, or the handle given inside a transaction. */
export interface Queryable {
  /** One statement with $1, $2… parameters. Never build SQL by concatenating values. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /**
   * A script of several statements without parameters, such as a migration. Kept apart from
   * query() because both drivers only accept multi-statement text without parameters.
   */
  exec(sql: string): Promise<void>;
}

export interface MigrationReport {
  /** Ids of the migrations this call applied, in order; empty when the schema was current. */
  applied: string[];
}

export interface Storage extends Queryable {
  readonly kind: StorageKind;
  /** Runs fn in one transaction: committed if fn resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Brings the schema up to date. Safe to call again, and from several processes at once. */
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
}
