import type { FastifyInstance } from 'fastify';
import { teamResponseSchema, type TeamResponse } from '../../shared/sync/index.ts';
import { EVERY_ROLE } from '../accounts/role-guard.ts';
import { errorReplies, withZodSchemas } from '../http/route-schemas.ts';
import type { Storage } from '../storage/storage.ts';
import { listTeamMembers } from './team-members.ts';
import { teamPinPolicy } from './team-pin-policy.ts';

export interface TeamPluginOptions {
  storage: Storage;
}

/**
 * GET /api/team: who is in the signed-in user's team, so a device can name the authors of
 * pulled records and work out practice observations due (practice-rules §6). Every role may
 * ask: it holds no case content, and an admin (no team) gets only their own entry. Names are
 * personal data, so the reply is never cached and never logged.
 */
export async function teamPlugin(app: FastifyInstance, { storage }: TeamPluginOptions): Promise<void> {
  withZodSchemas(app).get(
    '/api/team',
    { config: { roles: EVERY_ROLE }, schema: { response: { 200: teamResponseSchema, ...errorReplies } } },
    async (request, reply) => {
      const body: TeamResponse = {
        members: await listTeamMembers(storage, request.user),
        devicePinPolicy: await teamPinPolicy(storage, request.user.team_id),
      };
      return reply.header('cache-control', 'no-store').send(body);
    },
  );
}
