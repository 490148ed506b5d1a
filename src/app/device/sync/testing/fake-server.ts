import type {
  BlobUploadReply,
  ConflictCopy,
  Mutation,
  MutationResult,
  PullChange,
  PullResponse,
  PushRequest,
  PushResponse,
  RecordReview,
  ServerRecord,
  SessionInfo,
  TeamResponse,
} from '../../../../shared/sync/index.ts';
import { checkRecordBody, contentHash } from '../../../../shared/sync/index.ts';
import { sha256Hex } from '../blobs';
import { OfflineError, RequestError, SignedOutError } from '../errors';
import type { DownloadedBlob, SyncTransport } from '../transport';

export const TEAM_ID = '0190a000-0000-7000-8000-000000000001';
export const ME = '0190a000-0000-7000-8000-000000000002';
export const COLLEAGUE = '0190a000-0000-7000-8000-000000000003';
export const MANAGER = '0190a000-0000-7000-8000-000000000004';

export const DEMO_SESSION: SessionInfo = {
  user: { id: ME, name: 'Alex Rowntree', email: 'alex@example.test', role: 'practitioner', teamId: TEAM_ID, lineManagerId: null },
  expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
};

let uuidCounter = 0;
const fakeUuid = () => `0190a000-0000-7000-9000-${String(++uuidCounter).padStart(12, '0')}`;

/**
 * An in-memory sync server with the protocol's rules (revisions, conflict copies, duplicate
 * mutation ids, cursor order), for the engine's tests. `transport` is what the engine sees;
 * the other methods play the server and other devices.
 */
export class FakeServer {
  records = new Map<string, ServerRecord>();
  copies = new Map<string, ConflictCopy>();
  results = new Map<string, MutationResult>();
  /** Size of each stored blob, by SHA-256. */
  blobs = new Map<string, number>();
  /** The stored bytes, by SHA-256 (a test may put wrong bytes here to play a faulty server). */
  blobBytes = new Map<string, ArrayBuffer>();
  /** Every call in order: 'blob:<sha>' (PUT), 'get-blob:<sha>', 'push:<recordId>,…', 'pull:<since>'. */
  calls: string[] = [];
  pushed: Mutation[] = [];
  /** Make the next calls fail with these errors, one each. */
  failures: Error[] = [];
  /** Awaited before a push is answered: lets a test edit while the push is in flight. */
  beforePushReply: (() => Promise<void>) | null = null;
  rejectRecord = new Set<string>();
  signedIn = true;
  /**
   * What GET /api/team answers: by default the signed-in practitioner (DEMO_SESSION), a
   * colleague and their manager, with no start dates known. Set `teamFailure` to make the
   * next team requests fail. Team requests are counted in `teamRequests`, not listed in
   * `calls`, so tests of the other calls' order do not depend on them.
   */
  team: TeamResponse = {
    members: [
      { id: ME, name: 'Alex Rowntree', role: 'practitioner', lineManagerId: MANAGER, startedAt: null },
      { id: COLLEAGUE, name: 'Jess Colleague', role: 'practitioner', lineManagerId: MANAGER, startedAt: null },
      { id: MANAGER, name: 'Morgan Ashby', role: 'manager', lineManagerId: null, startedAt: null },
    ],
  };
  teamFailure: Error | null = null;
  teamRequests = 0;
  /**
   * Key escrow (PUT/GET /api/key-escrow/:deviceId), by `${userId}/${deviceId}`. `escrowUser` is
   * who is signed in (another user gets 404, as the real server answers); `freshSignIn` false
   * plays a session older than the server's window (403 'sign-in-again').
   */
  keyEscrow = new Map<string, string>();
  escrowUser = ME;
  freshSignIn = true;
  private seq = 0;
  private order = new Map<string, number>();

  readonly transport: SyncTransport = {
    signIn: async () => this.call('sign-in', () => DEMO_SESSION),
    signOut: async () => this.call('sign-out', () => undefined),
    session: async () => this.call('session', () => DEMO_SESSION),
    push: (request) => this.push(request),
    pull: async (since, limit) => this.call(`pull:${since}`, () => this.pull(since, limit ?? 200)),
    putBlob: async (sha256, bytes) => this.call(`blob:${sha256}`, () => this.putBlob(sha256, bytes)),
    getBlob: async (sha256) => this.call(`get-blob:${sha256}`, () => this.getBlob(sha256)),
    putKeyEscrow: async (deviceId, wrappedKey) =>
      this.call(`put-key-escrow:${deviceId}`, () => {
        this.keyEscrow.set(`${this.escrowUser}/${deviceId}`, wrappedKey);
      }),
    getKeyEscrow: async (deviceId) =>
      this.call(`get-key-escrow:${deviceId}`, () => {
        const wrappedKey = this.keyEscrow.get(`${this.escrowUser}/${deviceId}`);
        if (wrappedKey === undefined) throw new RequestError('No key copy for this device', 404, 'not-found');
        if (!this.freshSignIn) throw new RequestError('Sign in with your password again', 403, 'sign-in-again');
        return wrappedKey;
      }),
    team: async () => {
      this.teamRequests++;
      if (this.teamFailure) throw this.teamFailure;
      if (!this.signedIn) throw new SignedOutError();
      return structuredClone(this.team);
    },
  };

  private async call<T>(name: string, answer: () => T): Promise<T> {
    this.calls.push(name);
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (!this.signedIn) throw new SignedOutError();
    return answer();
  }

  private async push(request: PushRequest): Promise<PushResponse> {
    // Content hashes first (WebCrypto is async); then the mutations apply one by one, in order.
    const hashes = await Promise.all(request.mutations.map((m) => contentHash(m.record.body)));
    const response = await this.call(`push:${request.mutations.map((m) => m.recordId).join(',')}`, () => ({
      results: request.mutations.map((m, i) => this.apply(m, hashes[i]!)),
    }));
    if (this.beforePushReply) await this.beforePushReply();
    return response;
  }

  private apply(m: Mutation, hash: string): MutationResult {
    this.pushed.push(m);
    const earlier = this.results.get(m.mutationId);
    if (earlier) {
      if (earlier.status === 'applied') return { mutationId: m.mutationId, status: 'duplicate', earlier: 'applied', rev: earlier.rev };
      if (earlier.status === 'conflict') return { mutationId: m.mutationId, status: 'duplicate', earlier: 'conflict', rev: null, conflictId: earlier.conflictId };
      return earlier;
    }
    let result: MutationResult;
    const current = this.records.get(m.recordId);
    const reviewing = m.record.status === 'signed-off' || m.record.status === 'returned';
    // Like the real server (src/server/sync/apply-mutation.ts): every pushed body is checked first.
    const check = checkRecordBody(m.recordType, m.record.body, m.record.status);
    if (!check.ok) {
      result = { mutationId: m.mutationId, status: 'rejected', code: 'schema', reason: check.reason };
    } else if (this.rejectRecord.has(m.recordId)) {
      result = { mutationId: m.mutationId, status: 'rejected', code: 'schema', reason: 'The visit record does not match its schema' };
    } else if (current?.status === 'signed-off') {
      result = { mutationId: m.mutationId, status: 'rejected', code: 'signed-off', reason: 'This record is signed off: add an addendum instead' };
    } else if (reviewing) {
      const review = m.record.review;
      if (!review || !current || current.status !== 'submitted' || current.rev !== m.baseRev || review.contentSha256 !== hash) {
        result = { mutationId: m.mutationId, status: 'rejected', code: 'changed-since-read', reason: 'This record changed after you opened it' };
      } else {
        const record = this.write(m.recordId, m.recordType, m.record.status, m.record.body, MANAGER, current.blobs, {
          action: m.record.status as RecordReview['action'],
          rev: current.rev + 1,
          contentSha256: review.contentSha256,
          by: MANAGER,
          byName: 'Morgan Ashby',
          at: new Date().toISOString(),
          comment: review.comment ?? null,
        });
        result = { mutationId: m.mutationId, status: 'applied', rev: record.rev };
      }
    } else if ((current?.rev ?? null) !== m.baseRev) {
      const copy = this.keepCopy(m, current!);
      result = { mutationId: m.mutationId, status: 'conflict', conflictId: copy.id, serverRecord: current! };
    } else {
      const record = this.write(m.recordId, m.recordType, m.record.status, m.record.body, ME, m.record.blobs ?? []);
      for (const id of m.resolvesConflicts ?? []) this.resolveCopy(id, record.rev);
      result = { mutationId: m.mutationId, status: 'applied', rev: record.rev };
    }
    this.results.set(m.mutationId, result);
    return result;
  }

  /** Another device (or person) saves a version on the server. */
  write(
    id: string,
    type: ServerRecord['type'],
    status: ServerRecord['status'],
    body: Record<string, unknown>,
    by = COLLEAGUE,
    blobs: string[] = [],
    review?: RecordReview,
  ): ServerRecord {
    const current = this.records.get(id);
    const record: ServerRecord = {
      id,
      type,
      status,
      rev: (current?.rev ?? 0) + 1,
      body,
      teamId: TEAM_ID,
      createdBy: current?.createdBy ?? by,
      updatedBy: by,
      updatedAt: new Date().toISOString(),
      observedPractitionerId: null,
      blobs,
      review: review ?? current?.review ?? null,
    };
    this.records.set(id, record);
    this.order.set(`record:${id}`, ++this.seq);
    return record;
  }

  /** Another device's edit based on an old revision: kept as a conflict copy. */
  keepCopy(m: Pick<Mutation, 'mutationId' | 'recordId' | 'recordType' | 'baseRev' | 'record'>, current: ServerRecord, by = ME): ConflictCopy {
    const copy: ConflictCopy = {
      id: fakeUuid(),
      recordId: m.recordId,
      recordType: m.recordType,
      baseRev: m.baseRev,
      serverRev: current.rev,
      status: m.record.status,
      body: m.record.body,
      mutationId: m.mutationId,
      createdBy: by,
      createdAt: new Date().toISOString(),
      resolvedAt: null,
      resolvedByRev: null,
    };
    this.copies.set(copy.id, copy);
    this.order.set(`conflict:${copy.id}`, ++this.seq);
    return copy;
  }

  resolveCopy(id: string, rev: number): void {
    const copy = this.copies.get(id);
    if (!copy) return;
    this.copies.set(id, { ...copy, resolvedAt: new Date().toISOString(), resolvedByRev: rev });
    this.order.set(`conflict:${id}`, ++this.seq);
  }

  private pull(since: string, limit: number): PullResponse {
    const after = Number(since);
    const pending = [...this.order.entries()].filter(([, seq]) => seq > after).sort((a, b) => a[1] - b[1]);
    const page = pending.slice(0, limit);
    const changes: PullChange[] = page.map(([key, seq]) => {
      const [kind, id] = key.split(/:(.*)/) as ['record' | 'conflict', string];
      return kind === 'record'
        ? { kind: 'record', cursor: String(seq), record: this.records.get(id)! }
        : { kind: 'conflict', cursor: String(seq), conflict: this.copies.get(id)! };
    });
    const last = page.at(-1);
    return { changes, nextCursor: String(last ? last[1] : after), hasMore: pending.length > page.length };
  }

  private putBlob(sha256: string, bytes: ArrayBuffer): BlobUploadReply {
    const stored = !this.blobs.has(sha256);
    this.blobs.set(sha256, bytes.byteLength);
    this.blobBytes.set(sha256, bytes.slice(0));
    return { sha256, size: bytes.byteLength, stored };
  }

  /** Like the real server: the bytes as application/octet-stream (it keeps no media type), or 404. */
  private getBlob(sha256: string): DownloadedBlob {
    const bytes = this.blobBytes.get(sha256);
    if (!bytes) throw new RequestError('Not found', 404, 'not-found');
    return { bytes: bytes.slice(0), mediaType: 'application/octet-stream' };
  }

  /** Another device uploads a photo; returns its SHA-256 name. */
  async uploadFromElsewhere(bytes: Uint8Array): Promise<string> {
    const copy = bytes.slice().buffer;
    const sha256 = await sha256Hex(copy);
    this.putBlob(sha256, copy);
    return sha256;
  }

  goOffline(times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(new OfflineError());
  }
}
