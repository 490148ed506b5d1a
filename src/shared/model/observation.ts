import { z } from 'zod';
import { id, instant } from './common.ts';

/** A practice observation (004 City of London QA framework, Appendix 2). */
export const observationSchema = z.object({
  id,
  observedPractitionerId: id,
  observerId: id,
  observedAt: instant,
  completedAt: instant.nullable().optional(),
  copyToPractitioner: z.boolean().optional(),
  copyToLineManager: z.boolean().optional(),
  qaLeadNotified: z.boolean().optional(),
});

export type Observation = z.output<typeof observationSchema>;
