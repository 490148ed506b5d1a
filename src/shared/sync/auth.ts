import { z } from 'zod';
import { serverIdSchema, serverInstantSchema } from './common.ts';

export const ROLES = ['practitioner', 'observer', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.output<typeof roleSchema>;

/** POST /api/auth/sign-in body. */
export const signInRequestSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.output<typeof signInRequestSchema>;

/** Who is signed in. Admins may have no team; everyone else has one. */
export const sessionUserSchema = z.object({
  id: serverIdSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  teamId: serverIdSchema.nullable(),
  /** A practitioner's line manager (a user id); null for others or when not set. */
  lineManagerId: serverIdSchema.nullable(),
});
export type SessionUser = z.output<typeof sessionUserSchema>;

/**
 * 200 reply to POST /api/auth/sign-in and GET /api/session. The session token itself is never
 * in a body: it travels only in the HttpOnly cookie `doorstep_session`.
 */
export const sessionInfoSchema = z.object({
  user: sessionUserSchema,
  /** When the session ends (SESSION_DAYS after sign-in); sign in again after that. */
  expiresAt: serverInstantSchema,
});
export type SessionInfo = z.output<typeof sessionInfoSchema>;
export const signInResponseSchema = sessionInfoSchema;
export type SignInResponse = SessionInfo;

/** The cookie holding the session token (HttpOnly, SameSite=Strict, Secure over https). */
export const SESSION_COOKIE = 'doorstep_session';
