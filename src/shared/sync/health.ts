import { z } from 'zod';

/**
 * GET /api/health, for load balancers and on-call: 200 with status 'ok' once the database
 * answers a query, 503 with status 'unavailable' otherwise. No session needed; nothing personal.
 */
export const healthReplySchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type HealthReply = z.output<typeof healthReplySchema>;
