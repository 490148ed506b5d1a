/** The network is not there (or the request never reached the server). Normal here, not a fault. */
export class OfflineError extends Error {
  override readonly name = 'OfflineError';
  constructor(message = 'You are offline') {
    super(message);
  }
}

/** 401: no session or it has expired. Sign in again; nothing on the device is touched. */
export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
  constructor(message = 'Your session has ended') {
    super(message);
  }
}

/** 5xx, or a reply that does not match the protocol: try again later with backoff. */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Any other 4xx: the request itself was refused. `message` is the server's sentence. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export type SyncError = OfflineError | SignedOutError | ServerError | RequestError;
