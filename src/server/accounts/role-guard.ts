import type { FastifyInstance, FastifyReply, FastifyRequest, onRouteHookHandler, preValidationHookHandler } from 'fastify';
import { ROLES, type Role } from '../../shared/sync/index.ts';
import type { Storage } from '../storage/storage.ts';
import type { UserRow } from './accounts-store.ts';
import { currentSession, type SignedIn } from './current-session.ts';

/** Who works with case records; an admin manages users and teams, never case content. */
export const CASE_ROLES = ['practitioner', 'observer', 'manager'] as const satisfies readonly Role[];
export const EVERY_ROLE = ROLES;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Only a signed-in user with one of these roles may call the route (401 / 403 otherwise). */
    roles?: readonly Role[];
    /** Anyone may call the route, signed in or not. Every /api route says one or the other. */
    public?: true;
  }
  interface FastifyRequest {
    /** The signed-in user: set before validation on every route with `config.roles`, and only there. */
    user: UserRow;
    /** Their session (token and expiry), set alongside `user`. */
    session: SignedIn;
  }
}

const SIGNED_OUT = { error: 'Sign in to continue', code: 'signed-out' } as const;
const FORBIDDEN = { error: 'Your role does not allow this', code: 'forbidden' } as const;

/**
 * Who may call a route is a route option, `config: { roles: [...] }`, checked here and
 * nowhere else. Installed on the root instance before the concerns' plugins register, because
 * an onRoute hook only sees routes registered in its own context and below.
 *
 * The check runs at preValidation, not preHandler: a signed-out or forbidden caller must get
 * 401/403 whatever they sent, never a 400 that tells them what a valid request looks like.
 * An /api route with neither `roles` nor `public: true` stops the server from starting, so a
 * new route cannot be left open by forgetting the option.
 */
export function installRoleGuard(app: FastifyInstance, storage: Storage): void {
  app.decorateRequest('user', null as unknown as UserRow);
  app.decorateRequest('session', null as unknown as SignedIn);

  const requireRole: preValidationHookHandler = async function requireRole(request: FastifyRequest, reply: FastifyReply) {
    const roles = request.routeOptions.config.roles ?? [];
    const session = await currentSession(storage, request);
    if (!session) return reply.code(401).send(SIGNED_OUT);
    if (!roles.includes(session.user.role)) return reply.code(403).send(FORBIDDEN);
    request.session = session;
    request.user = session.user;
  };

  const guardRoute: onRouteHookHandler = (route) => {
    const { roles, public: isPublic } = route.config ?? {};
    if (route.url.startsWith('/api/') && roles === undefined && isPublic !== true) {
      throw new Error(`${String(route.method)} ${route.url} must say who may call it: config.roles, or config.public: true`);
    }
    if (roles === undefined) return;
    const others = route.preValidation === undefined ? [] : [route.preValidation].flat();
    route.preValidation = [requireRole, ...others];
  };
  app.addHook('onRoute', guardRoute);
}
