import { z } from 'zod';
import { id, isoDate } from './common.ts';
import { involvementSchema } from './involvement.ts';

export const childSchema = z.object({
  id,
  /** Optional: only used to make warnings read naturally ("Sam was due to be seen…"). */
  name: z.string().min(1).nullable().optional(),
  dateOfBirth: isoDate,
  involvements: z.array(involvementSchema),
});

export type Child = z.output<typeof childSchema>;
