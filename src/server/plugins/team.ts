import type { FastifyInstance } from 'fastify';
import { ROLES, type TeamResponse } from '../../shared/sync/index.ts';
import { listTeamMembers } from '../accounts/team-members.ts';
import type { Storage } from '../storage/storage.ts';
import { requireUser } from './current-user.ts';

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
  app.get('/api/team', async (request, reply) => {
    const user = await requireUser(storage, request, reply, ROLES);
    if (!user) return reply;
    const body: TeamResponse = { members: await listTeamMembers(storage, user) };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
