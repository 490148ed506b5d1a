import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FRESH_SIGN_IN_MINUTES, keyEscrowDepositSchema, keyEscrowParamsSchema } from '../../shared/sync/index.ts';
import { EVERY_ROLE } from '../accounts/role-guard.ts';
import { errorReplies, withZodSchemas } from '../http/route-schemas.ts';
import type { Storage } from '../storage/storage.ts';
import { readEscrow, sessionIsFresh, storeEscrow } from './key-escrow-store.ts';

export interface KeyEscrowPluginOptions {
  storage: Storage;
}

const NOT_FOUND = { error: 'No key copy for this device', code: 'not-found' } as const;
const SIGN_IN_AGAIN = {
  error: `Sign in with your password again (within ${FRESH_SIGN_IN_MINUTES} minutes) to recover this device`,
  code: 'sign-in-again',
} as const;

/**
 * The escrowed copy of a device's wrapped data key (shared/sync/key-escrow.ts). Every role may
 * keep one: every device that holds records has a PIN. The copy is useless alone (its key is on
 * the device), and it is handed back only to the same user, freshly signed in.
 */
export async function keyEscrowPlugin(app: FastifyInstance, { storage }: KeyEscrowPluginOptions): Promise<void> {
  const api = withZodSchemas(app);

  api.put(
    '/api/key-escrow/:deviceId',
    {
      config: { roles: EVERY_ROLE },
      schema: { params: keyEscrowParamsSchema, body: keyEscrowDepositSchema, response: { 204: z.null(), ...errorReplies } },
    },
    async (request, reply) => {
      await storeEscrow(storage, request.user.id, request.params.deviceId, request.body.wrappedKey);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/key-escrow/:deviceId',
    { config: { roles: EVERY_ROLE }, schema: { params: keyEscrowParamsSchema, response: { 200: keyEscrowDepositSchema, ...errorReplies } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      // 404 before freshness: a stale session must not learn whether a device has a copy either.
      const wrappedKey = await readEscrow(storage, request.user.id, request.params.deviceId);
      if (wrappedKey === undefined) return reply.code(404).send(NOT_FOUND);
      if (!(await sessionIsFresh(storage, request.session.token))) return reply.code(403).send(SIGN_IN_AGAIN);
      return reply.send({ wrappedKey });
    },
  );
}
