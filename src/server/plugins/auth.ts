import type { FastifyInstance } from 'fastify';
import { signInRequestSchema, type SessionInfo } from '../../shared/sync/index.ts';
import { findUserByEmail, toSessionUser } from '../accounts/accounts-store.ts';
import { decoyPasswordHash, verifyPassword } from '../accounts/passwords.ts';
import { createSession, deleteExpiredSessions, deleteSession } from '../accounts/sessions-store.ts';
import {
  clearSignInFailures,
  recordSignInFailure,
  secondsUntilSignInAllowed,
  signInSubjects,
} from '../accounts/sign-in-limits.ts';
import type { Storage } from '../storage/storage.ts';
import { currentSession } from './current-user.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { parseOrReply } from './validation.ts';

export interface AuthPluginOptions {
  storage: Storage;
  sessionDays: number;
}

/** Sign-in, sign-out and "who am I". The token only ever travels in the HttpOnly cookie. */
export async function authPlugin(app: FastifyInstance, { storage, sessionDays }: AuthPluginOptions): Promise<void> {
  app.post('/api/auth/sign-in', async (request, reply) => {
    const body = parseOrReply(signInRequestSchema, request.body, reply);
    if (!body) return reply;
    const subjects = signInSubjects(body.email, request.ip);

    const wait = await secondsUntilSignInAllowed(storage, subjects);
    if (wait > 0) {
      return reply
        .code(429)
        .header('retry-after', String(wait))
        .send({ error: 'Too many failed sign-ins. Wait a few minutes, then try again.', code: 'rate-limited', retryAfterSeconds: wait });
    }

    const user = await findUserByEmail(storage, body.email);
    const matches = await verifyPassword(body.password, user?.password_hash ?? (await decoyPasswordHash()));
    if (!user || !matches) {
      await recordSignInFailure(storage, subjects);
      request.log.info('sign-in failed');
      return reply.code(401).send({ error: 'The email or password is not right', code: 'signed-out' });
    }

    await clearSignInFailures(storage, subjects);
    await deleteExpiredSessions(storage);
    const session = await createSession(storage, user.id, sessionDays);
    setSessionCookie(request, reply, session.token, session.expiresAt);
    request.log.info({ userId: user.id }, 'signed in');
    const info: SessionInfo = { user: toSessionUser(user), expiresAt: session.expiresAt.toISOString() };
    return reply.header('cache-control', 'no-store').send(info);
  });

  app.post('/api/auth/sign-out', async (request, reply) => {
    const session = await currentSession(storage, request);
    if (session) await deleteSession(storage, session.token);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.get('/api/session', async (request, reply) => {
    const session = await currentSession(storage, request);
    if (!session) return reply.code(401).send({ error: 'Sign in to continue', code: 'signed-out' });
    const info: SessionInfo = { user: toSessionUser(session.user), expiresAt: session.expiresAt.toISOString() };
    return reply.header('cache-control', 'no-store').send(info);
  });
}
