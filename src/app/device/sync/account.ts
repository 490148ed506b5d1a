import { create } from 'zustand';
import { deviceSession, getSealedMeta, setSealedMeta } from '../db';
import type { SessionInfo, SignInRequest } from '../../../shared/sync/index.ts';
import { OfflineError, RequestError, SignedOutError } from './errors';
import { useSyncState } from './state';
import type { SyncTransport } from './transport';

export const ACCOUNT_KEY = 'account';

/** The signed-in user and when the session ends, as the server said at sign-in. */
export type Account = SessionInfo;

interface AccountState {
  /** The account kept (sealed) on this device; undefined until read after unlock. */
  account: Account | null | undefined;
  /** First run: signed in, but no PIN yet to seal the account with. Memory only. */
  pending: Account | null;
}

export const useAccount = create<AccountState>()(() => ({ account: undefined, pending: null }));

export function sessionIsCurrent(account: Account | null | undefined, now = Date.now()): account is Account {
  return !!account && Date.parse(account.expiresAt) > now;
}

export type SignInFailure =
  | { reason: 'offline' }
  | { reason: 'wrong-details' }
  | { reason: 'different-user'; expectedName: string }
  | { reason: 'rate-limited'; retryAfterSeconds: number | undefined }
  | { reason: 'failed'; message: string };

export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(readonly failure: SignInFailure) {
    super(failure.reason);
  }
}

/**
 * Signs in with the server (online only). On first run, before any PIN exists, the account
 * is held in memory until the PIN is set up (then sealed); afterwards it is sealed into meta
 * at once. A device keeps one user: signing in as someone else is refused (and that session
 * signed out), so one person's unsynced work is never pushed under another's name.
 */
export async function signIn(transport: SyncTransport, request: SignInRequest): Promise<Account> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) throw new SignInError({ reason: 'offline' });
  let info: SessionInfo;
  try {
    info = await transport.signIn(request);
  } catch (error) {
    throw new SignInError(failureOf(error));
  }
  if (!deviceSession().isUnlocked()) {
    useAccount.setState({ pending: info });
    return info;
  }
  const stored = await getSealedMeta<Account>(ACCOUNT_KEY);
  if (stored && stored.user.id !== info.user.id) {
    await transport.signOut().catch(() => undefined);
    throw new SignInError({ reason: 'different-user', expectedName: stored.user.name });
  }
  await setSealedMeta(ACCOUNT_KEY, info);
  useAccount.setState({ account: info, pending: null });
  useSyncState.setState({ status: 'idle', signedOutReason: null, lastError: null });
  return info;
}

function failureOf(error: unknown): SignInFailure {
  if (error instanceof OfflineError) return { reason: 'offline' };
  if (error instanceof SignedOutError) return { reason: 'wrong-details' };
  if (error instanceof RequestError && error.status === 429) return { reason: 'rate-limited', retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof RequestError && error.status === 400) return { reason: 'wrong-details' };
  return { reason: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/**
 * After each unlock: read the sealed account; on the first unlock after first-run sign-in,
 * seal the pending one. Returns the account (or null if this device was never signed in).
 */
export async function loadAccount(): Promise<Account | null> {
  const { pending } = useAccount.getState();
  if (pending) {
    await setSealedMeta(ACCOUNT_KEY, pending);
    useAccount.setState({ account: pending, pending: null });
    return pending;
  }
  const account = (await getSealedMeta<Account>(ACCOUNT_KEY)) ?? null;
  useAccount.setState({ account });
  return account;
}
