import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../shared/sync/index.ts';
import type { UserRow } from '../accounts/accounts-store.ts';
import { findSession } from '../accounts/sessions-store.ts';
import type { Storage } from '../storage/storage.ts';
import { readSessionToken } from './session-cookie.ts';

export interface SignedIn {
  user: UserRow;
  token: string;
  expiresAt: Date;
}

/** The signed-in user, looked up in the database on every request (no state in the process). */
export async function currentSession(storage: Storage, request: FastifyRequest): Promise<SignedIn | undefined> {
  const token = readSessionToken(request);
  if (!token) return undefined;
  const session = await findSession(storage, token);
  return session && { ...session, token };
}

/**
 * For a route handler: the user if signed in with one of `roles`, else the 401/403 reply is
 * sent and undefined returned (the handler then returns the reply).
 */
export async function requireUser(
  storage: Storage,
  request: FastifyRequest,
  reply: FastifyReply,
  roles: readonly Role[],
): Promise<UserRow | undefined> {
  const session = await currentSession(storage, request);
  if (!session) {
    reply.code(401).send({ error: 'Sign in to continue', code: 'signed-out' });
    return undefined;
  }
  if (!roles.includes(session.user.role)) {
    reply.code(403).send({ error: 'Your role does not allow this', code: 'forbidden' });
    return undefined;
  }
  return session.user;
}
