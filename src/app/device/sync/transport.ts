import type { ZodType } from 'zod';
import {
  auditPageSchema,
  blobUploadReplySchema,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  errorBodySchema,
  keyEscrowDepositSchema,
  pullResponseSchema,
  pushResponseSchema,
  sessionInfoSchema,
  teamResponseSchema,
  type AuditPage,
  type BlobUploadReply,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SessionInfo,
  type SignInRequest,
  type TeamResponse,
} from '../../../shared/sync/index.ts';
import { OfflineError, RequestError, ServerError, SignedOutError } from './errors';

/**
 * Everything the engine asks of the server. The app uses createFetchTransport(); tests pass a
 * fake. Every method throws OfflineError, SignedOutError (401), ServerError (5xx) or
 * RequestError (other 4xx).
 */
export interface SyncTransport {
  signIn(request: SignInRequest): Promise<SessionInfo>;
  signOut(): Promise<void>;
  session(): Promise<SessionInfo>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(since: string, limit?: number): Promise<PullResponse>;
  /** PUT /api/blobs/:sha256, idempotent. */
  putBlob(sha256: string, bytes: ArrayBuffer, mediaType: string): Promise<BlobUploadReply>;
  /**
   * GET /api/blobs/:sha256: the photo's bytes and the media type the server sent (the real
   * server keeps none and always says application/octet-stream). The caller checks the hash.
   * 404 (RequestError, code 'not-found') when it is not there or not this user's to read.
   */
  getBlob(sha256: string): Promise<DownloadedBlob>;
  /**
   * GET /api/team: the members of the signed-in user's team (names, roles, start dates).
   * Optional so that test transports written before it still fit; without it the device simply
   * never learns its team (sync/team.ts).
   */
  team?(): Promise<TeamResponse>;
  /**
   * GET /api/audit (admins only; 403 RequestError otherwise): one page of the audit trail,
   * oldest first. Never stored on the device. Optional like team().
   */
  audit?(query: AuditRequest): Promise<AuditPage>;
  /** PUT /api/key-escrow/:deviceId: keep the wrapped half of this device's key (lock/key-escrow.ts). */
  putKeyEscrow?(deviceId: string, wrappedKey: string): Promise<void>;
  /** GET /api/key-escrow/:deviceId: the wrapped half; 403 'sign-in-again' or 404 RequestError. */
  getKeyEscrow?(deviceId: string): Promise<string>;
}

/** The audit trail's filters (either, both or neither) and the page to read ("0" first). */
export interface AuditRequest {
  childId?: string;
  userId?: string;
  cursor?: string;
  limit?: number;
}

export interface DownloadedBlob {
  bytes: ArrayBuffer;
  mediaType: string;
}

export interface FetchTransportOptions {
  /** '' for the same origin (the app is served by the sync server). */
  baseUrl?: string;
  fetch?: typeof fetch;
  isOnline?: () => boolean;
}

/** The real transport: same-origin fetch, the session cookie, and the CSRF header on writes. */
export function createFetchTransport(options: FetchTransportOptions = {}): SyncTransport {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine);

  // cache: 'no-store' on everything, photos included: the HTTP cache would keep a plain copy
  // of a child's drawing outside the sealed database.
  async function send(method: string, path: string, accept: string, body?: BodyInit, contentType?: string): Promise<Response> {
    if (!isOnline()) throw new OfflineError();
    const headers: Record<string, string> = { accept };
    if (method !== 'GET') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
    if (contentType) headers['content-type'] = contentType;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new OfflineError('The server could not be reached');
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function request<T>(method: string, path: string, schema: ZodType<T> | null, body?: BodyInit, contentType?: string): Promise<T> {
    const response = await send(method, path, 'application/json', body, contentType);
    if (schema === null) return undefined as T;
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new ServerError('The server sent a reply Doorstep does not understand', response.status);
    return parsed.data;
  }

  const json = (value: unknown) => JSON.stringify(value);
  return {
    signIn: (body) => request('POST', '/api/auth/sign-in', sessionInfoSchema, json(body), 'application/json'),
    signOut: () => request('POST', '/api/auth/sign-out', null),
    session: () => request('GET', '/api/session', sessionInfoSchema),
    push: (body) => request('POST', '/api/sync/push', pushResponseSchema, json(body), 'application/json'),
    pull: (since, limit) =>
      request('GET', `/api/sync/pull?since=${encodeURIComponent(since)}${limit ? `&limit=${limit}` : ''}`, pullResponseSchema),
    team: () => request('GET', '/api/team', teamResponseSchema),
    audit: (query) => request('GET', `/api/audit?${auditSearch(query)}`, auditPageSchema),
    putKeyEscrow: (deviceId, wrappedKey) =>
      request('PUT', `/api/key-escrow/${encodeURIComponent(deviceId)}`, null, json({ wrappedKey }), 'application/json'),
    getKeyEscrow: async (deviceId) =>
      (await request('GET', `/api/key-escrow/${encodeURIComponent(deviceId)}`, keyEscrowDepositSchema)).wrappedKey,
    putBlob: (sha256, bytes, mediaType) =>
      request('PUT', `/api/blobs/${sha256}`, blobUploadReplySchema, bytes, mediaType.startsWith('image/') ? mediaType : 'application/octet-stream'),
    getBlob: async (sha256) => {
      const response = await send('GET', `/api/blobs/${encodeURIComponent(sha256)}`, 'image/*, application/octet-stream');
      let bytes: ArrayBuffer;
      try {
        bytes = await response.arrayBuffer();
      } catch {
        throw new OfflineError('The photo did not finish downloading');
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      return { bytes, mediaType: mediaType || 'application/octet-stream' };
    },
  };
}

function auditSearch({ childId, userId, cursor, limit }: AuditRequest): string {
  const search = new URLSearchParams();
  if (childId) search.set('childId', childId);
  if (userId) search.set('userId', userId);
  if (cursor) search.set('cursor', cursor);
  if (limit) search.set('limit', String(limit));
  return search.toString();
}

async function errorFrom(response: Response): Promise<Error> {
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => undefined));
  const body = parsed.success ? parsed.data : undefined;
  const message = body?.error ?? `The server answered ${response.status}`;
  if (response.status === 401) return new SignedOutError(message);
  if (response.status >= 500) return new ServerError(message, response.status);
  const retryAfter = body?.retryAfterSeconds ?? (Number(response.headers.get('retry-after')) || undefined);
  return new RequestError(message, response.status, body?.code, retryAfter);
}
