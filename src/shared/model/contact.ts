import { z } from 'zod';
import { answer, id, instant, optionalText } from './common.ts';

export const CONTACT_MODES = ['home-visit', 'visit-elsewhere', 'video', 'phone', 'message'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** In person = a home visit or a visit elsewhere (school, placement, office…). */
export function isInPerson(mode: ContactMode): boolean {
  return mode === 'home-visit' || mode === 'visit-elsewhere';
}

/** One child on a contact (practice-rules §2). */
export const contactChildSchema = z.object({
  childId: id,
  seen: z.boolean(),
  seenAlone: answer,
  seenAloneReason: optionalText,
  bedroomSeen: answer,
  bedroomSeenReason: optionalText,
  managerInformed: z.boolean().optional(),
});

/** One visit or keeping-in-touch contact, possibly with several children (practice-rules §2). */
export const contactSchema = z.object({
  id,
  occurredAt: instant,
  mode: z.enum(CONTACT_MODES),
  /** `residential`: the worker is based in a children's home or resource. */
  setting: z.enum(['community', 'residential']).optional(),
  significantEvent: z.boolean(),
  criticalWorries: z.boolean().optional(),
  /** When the practitioner finalised the note; null while it is a draft. */
  completedAt: instant.nullable(),
  children: z.array(contactChildSchema),
});

export type ContactChild = z.output<typeof contactChildSchema>;
export type Contact = z.output<typeof contactSchema>;
