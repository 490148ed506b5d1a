/** The PIN or passphrase did not unwrap the data key (AES-GCM authentication failed). */
export class WrongPinError extends Error {
  override readonly name = 'WrongPinError';
  constructor() {
    super('The PIN or passphrase is not correct');
  }
}

/** A stored vault record or sealed value is not in a shape this version can read. */
export class CryptoFormatError extends Error {
  override readonly name = 'CryptoFormatError';
}

/**
 * A sealed value did not open: the wrong data key, the wrong record id, or the bytes were
 * changed. AES-GCM cannot tell these apart, and neither should the caller.
 */
export class SealedOpenError extends Error {
  override readonly name = 'SealedOpenError';
  constructor() {
    super('This record could not be decrypted');
  }
}

/** WebCrypto reports an AES-GCM tag mismatch as a DOMException named OperationError. */
export function isAuthenticationFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'OperationError';
}
