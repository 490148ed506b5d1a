import { z } from 'zod';
import { tryParseDuration } from '../rules/durations.ts';
import { id, instant } from './common.ts';

export const INVOLVEMENT_TYPES = [
  'early-help',
  'section-47',
  'child-in-need',
  'child-protection',
  'child-in-care',
  'private-fostering',
  'missing-return',
  'care-leaver',
  'adoption',
  'short-breaks',
  'temporary-approval',
  'care-order-at-home',
] as const;

export type InvolvementType = (typeof INVOLVEMENT_TYPES)[number];

/** "5 working days", "48 hours", "2 weeks", "1 month", … (practice-rules §1 units). */
export const intervalText = z
  .string()
  .refine((text) => tryParseDuration(text) !== null, {
    message: 'Expected an interval such as "5 working days", "48 hours", "2 weeks" or "1 month"',
  });

export const involvementSchema = z.object({
  id,
  type: z.enum(INVOLVEMENT_TYPES),
  /** Start of the involvement: plan agreed, placement, notification, return, allocation… */
  start: instant,
  end: instant.nullable().optional(),
  /** Visits may reduce to 3-monthly once agreed at a review (Redcar & Cleveland, §5). */
  reductionAgreedAt: instant.nullable().optional(),
  firstReviewAt: instant.nullable().optional(),
  stableComplexNeeds: z.boolean().optional(),
  /** A team manager's tighter visiting interval for this child. */
  agreedInterval: z.object({ every: intervalText }).nullable().optional(),
});

export type Involvement = z.output<typeof involvementSchema>;
