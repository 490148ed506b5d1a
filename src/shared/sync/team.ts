import { z } from 'zod';
import { roleSchema } from './auth.ts';
import { serverIdSchema, serverInstantSchema } from './common.ts';
import { devicePinPolicySchema } from './key-escrow.ts';

/**
 * One person in the signed-in user's team, as a device needs them: a name for the dashboard's
 * per-practitioner rows and records' `createdBy`, and when they started in post for the
 * practice-observation rule (practice-rules §6). No email: the device has no use for it.
 */
export const teamMemberSchema = z.object({
  id: serverIdSchema,
  name: z.string(),
  role: roleSchema,
  lineManagerId: serverIdSchema.nullable(),
  /** When they started in post (ISO instant), or null when the server does not know. */
  startedAt: serverInstantSchema.nullable(),
});
export type TeamMember = z.output<typeof teamMemberSchema>;

/**
 * GET /api/team → 200 TeamResponse (session required; 401 otherwise). Every member of the
 * user's team, the user included, by name; a user with no team (an admin) gets their own
 * entry only.
 */
export const teamResponseSchema = z.object({
  members: z.array(teamMemberSchema),
  /** The team's rule for device PINs (admin: set-pin-policy); absent from a server without it (read as 'pin-6'). */
  devicePinPolicy: devicePinPolicySchema.optional(),
});
export type TeamResponse = z.output<typeof teamResponseSchema>;
