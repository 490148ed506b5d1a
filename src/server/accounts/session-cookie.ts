import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../shared/sync/index.ts';

/**
 * The session token travels only in an HttpOnly cookie: page scripts (and so an XSS payload)
 * cannot read it, and the PWA's same-origin fetches carry it without any code. SameSite=Strict
 * keeps other sites' requests from carrying it; Secure is added when the request came over
 * https (behind a TLS-terminating proxy, set TRUST_PROXY so this is seen).
 * Parsed by hand: one cookie does not need a dependency.
 */
export function readSessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  reply.header('set-cookie', cookie(request, `${SESSION_COOKIE}=${token}`, maxAge));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', cookie(request, `${SESSION_COOKIE}=`, 0));
}

function cookie(request: FastifyRequest, pair: string, maxAge: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${pair}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}
