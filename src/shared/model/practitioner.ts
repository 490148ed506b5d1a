import { z } from 'zod';
import { id, instant } from './common.ts';

export const practitionerSchema = z.object({
  id,
  /** Optional: only used in warning messages. */
  name: z.string().min(1).nullable().optional(),
  /** When they started in post: observations are due once 12 months have passed. */
  startedAt: instant,
  lineManagerId: id.nullable().optional(),
});

export type Practitioner = z.output<typeof practitionerSchema>;
