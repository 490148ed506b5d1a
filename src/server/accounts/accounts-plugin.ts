import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sessionInfoSchema, signInRequestSchema, type SessionInfo } from '../../shared/sync/index.ts';
import { errorReplies, withZodSchemas } from '../http/route-schemas.ts';
import type { Storage } from '../storage/storage.ts';
import { findUserByEmail, toSessionUser } from './accounts-store.ts';
import { currentSession } from './current-session.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { EVERY_ROLE } from './role-guard.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { createSession, deleteExpiredSessions, deleteSession } from './sessions-store.ts';
import { clearSignInFailures, countSignInFailure, secondsUntilSignInAllowed, signInSubjects } from './sign-in-limits.ts';

export interface AccountsPluginOptions {
  storage: Storage;
  sessionDays: number;
}

/** Sign-in, sign-out and "who am I". The token only ever travels in the HttpOnly cookie. */
export async function accountsPlugin(app: FastifyInstance, { storage, sessionDays }: AccountsPluginOptions): Promise<void> {
  const api = withZodSchemas(app);

  api.post(
    '/api/auth/sign-in',
    { config: { public: true }, schema: { body: signInRequestSchema, response: { 200: sessionInfoSchema, ...errorReplies } } },
    async (request, reply) => {
      const { email, password } = request.body;
      // request.ip is the client's address as TRUST_PROXY allows it to be read (Fastify trustProxy).
      const subjects = signInSubjects(email, request.ip);
      const tooMany = (wait: number) =>
        reply
          .code(429)
          .header('retry-after', String(wait))
          .send({ error: 'Too many failed sign-ins. Wait a few minutes, then try again.', code: 'rate-limited', retryAfterSeconds: wait });

      // Cheap early refusal (no scrypt); the decisions that hold under parallel requests are below.
      const wait = await secondsUntilSignInAllowed(storage, subjects);
      if (wait > 0) return tooMany(wait);

      const user = await findUserByEmail(storage, email);
      const matches = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
      if (!user || !matches) {
        request.log.info('sign-in failed');
        // Counted and judged in one statement: only guesses within the limit learn they were wrong.
        const over = await countSignInFailure(storage, subjects);
        if (over > 0) return tooMany(over);
        return reply.code(401).send({ error: 'The email or password is not right', code: 'signed-out' });
      }
      // Guesses counted while this password was being checked refuse it too (one burst, one limit).
      const waitNow = await secondsUntilSignInAllowed(storage, subjects);
      if (waitNow > 0) return tooMany(waitNow);

      await clearSignInFailures(storage, subjects);
      await deleteExpiredSessions(storage);
      const session = await createSession(storage, user.id, sessionDays);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      request.log.info({ userId: user.id }, 'signed in');
      const info: SessionInfo = { user: toSessionUser(user), expiresAt: session.expiresAt.toISOString() };
      return reply.header('cache-control', 'no-store').send(info);
    },
  );

  // Public: signing out with no session (or an expired one) still clears the cookie.
  api.post(
    '/api/auth/sign-out',
    { config: { public: true }, schema: { response: { 204: z.undefined(), ...errorReplies } } },
    async (request, reply) => {
      const session = await currentSession(storage, request);
      if (session) await deleteSession(storage, session.token);
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/session',
    { config: { roles: EVERY_ROLE }, schema: { response: { 200: sessionInfoSchema, ...errorReplies } } },
    async (request, reply) => {
      const info: SessionInfo = { user: toSessionUser(request.user), expiresAt: request.session.expiresAt.toISOString() };
      return reply.header('cache-control', 'no-store').send(info);
    },
  );
}
