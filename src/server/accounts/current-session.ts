import type { FastifyRequest } from 'fastify';
import type { Storage } from '../storage/storage.ts';
import type { UserRow } from './accounts-store.ts';
import { readSessionToken } from './session-cookie.ts';
import { findSession } from './sessions-store.ts';

export interface SignedIn {
  user: UserRow;
  token: string;
  expiresAt: Date;
}

/**
 * The signed-in user, looked up in the database on every request (no state in the process).
 * Routes get it from the role guard as request.user; sign-out reads it itself, being public.
 */
export async function currentSession(storage: Storage, request: FastifyRequest): Promise<SignedIn | undefined> {
  const token = readSessionToken(request);
  if (!token) return undefined;
  const session = await findSession(storage, token);
  return session && { ...session, token };
}
