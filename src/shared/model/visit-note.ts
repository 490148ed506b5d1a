/**
 * The body of a `visit` record: a visit note while it is written and once it is finished.
 * `contact` holds the practice-rules §2 contact with every answer allowed to be missing (a
 * draft is saved from the first keystroke); `toContact` turns it into the exact §2 contact
 * the rules read. Every object here is strict (unknown keys are refused): this is the one
 * definition of what a visit note's body holds (see record-bodies.ts).
 */
import { z } from 'zod';
import { instant } from './common.ts';
import { CONTACT_MODES, contactSchema, type Contact } from './contact.ts';

/** The form's steps, in order; the current one is saved with the draft so reopening resumes there. */
export const VISIT_STEPS = ['details', 'children', 'seen', 'worries', 'note', 'check'] as const;
export type VisitStep = (typeof VISIT_STEPS)[number];

/** practice-rules §3: the reasons offered when a child was not seen alone. */
export const SEEN_ALONE_REASONS = ['young-age', 'child-declined', 'parent-refused', 'asleep-or-unwell', 'other'] as const;
export type SeenAloneReason = (typeof SEEN_ALONE_REASONS)[number];

/** What the contact records as `seenAloneReason` for each fixed reason ("other" records the typed text). */
export const SEEN_ALONE_REASON_TEXT: Record<Exclude<SeenAloneReason, 'other'>, string> = {
  'young-age': "Child's young age",
  'child-declined': 'Child did not want to be seen alone',
  'parent-refused': 'Parent or carer refused',
  'asleep-or-unwell': 'Child asleep or unwell',
};

const yesNo = z.boolean().nullable();

/**
 * One child on the visit: §2's fields, each null until answered, plus two the form keeps for
 * itself (contactSchema drops them): which reason was chosen and the "Other" text, kept when
 * another reason is chosen so nothing typed is lost. `seenAloneReason` is always §2's text for
 * the choice (setSeenAloneReason keeps it in step).
 */
export const draftContactChildSchema = z.strictObject({
  childId: z.string().min(1),
  seen: yesNo,
  seenAlone: yesNo,
  seenAloneReason: z.string().nullable(),
  bedroomSeen: yesNo,
  bedroomSeenReason: z.string().nullable(),
  managerInformed: yesNo,
  seenAloneReasonChoice: z.enum(SEEN_ALONE_REASONS).nullable(),
  seenAloneReasonOther: z.string(),
});
export type DraftContactChild = z.output<typeof draftContactChildSchema>;

/**
 * §2's contact with nullable parts; `id` is the record's id. Once every answer is in, it passes
 * contactSchema as it is, so the caseload can read it without the form's help.
 */
export const draftContactSchema = z.strictObject({
  id: z.string().min(1),
  occurredAt: instant.nullable(),
  mode: z.enum(CONTACT_MODES).nullable(),
  setting: z.enum(['community', 'residential']),
  significantEvent: yesNo,
  criticalWorries: yesNo,
  completedAt: instant.nullable(),
  children: z.array(draftContactChildSchema),
});
export type DraftContact = z.output<typeof draftContactSchema>;

/** The date and time exactly as typed, so a half-typed date survives a reload. */
export const visitWhenSchema = z.strictObject({
  day: z.string(),
  month: z.string(),
  year: z.string(),
  time: z.string(),
});
export type VisitWhen = z.output<typeof visitWhenSchema>;

export const visitNoteTextSchema = z.strictObject({
  whatHappened: z.string(),
  /**
   * Per child, keyed by child id: each child's wishes and feelings belong on that child's
   * record, and one child's words must not be read as a sibling's when the note is shared.
   */
  childsVoice: z.record(z.string(), z.string()),
  analysis: z.string(),
  nextSteps: z.string(),
});
export type VisitNoteText = z.output<typeof visitNoteTextSchema>;

export const visitNoteBodySchema = z.strictObject({
  contact: draftContactSchema,
  when: visitWhenSchema,
  note: visitNoteTextSchema,
  step: z.enum(VISIT_STEPS),
});
export type VisitNoteBody = z.output<typeof visitNoteBodySchema>;

export function emptyVisitNote(id: string, when: VisitWhen = { day: '', month: '', year: '', time: '' }): VisitNoteBody {
  return {
    contact: {
      id,
      occurredAt: null,
      mode: null,
      setting: 'community',
      significantEvent: null,
      criticalWorries: null,
      completedAt: null,
      children: [],
    },
    when,
    note: { whatHappened: '', childsVoice: {}, analysis: '', nextSteps: '' },
    step: 'details',
  };
}

export function emptyContactChild(childId: string): DraftContactChild {
  return {
    childId,
    seen: null,
    seenAlone: null,
    seenAloneReason: null,
    bedroomSeen: null,
    bedroomSeenReason: null,
    managerInformed: null,
    seenAloneReasonChoice: null,
    seenAloneReasonOther: '',
  };
}

const textOrNull = (text: string | null) => (text === null || text.trim() === '' ? null : text.trim());

/** §2's `seenAloneReason` for a choice: the reason's words, the "Other" text, or null. */
export function seenAloneReasonText(choice: SeenAloneReason | null, other: string): string | null {
  if (choice === null) return null;
  if (choice === 'other') return textOrNull(other);
  return SEEN_ALONE_REASON_TEXT[choice];
}

/**
 * The exact practice-rules §2 contact for the rules and the server, or null while the visit
 * has no date and time or no mode (the rules cannot place it yet). A question not answered yet
 * reads as "no" (not seen, no significant event), so the form warns only about what it knows.
 * Answers that do not apply
 * are left out as "not answered": seen alone for a child not seen, the bedroom on anything but
 * a home visit, the reasons when the answer was yes.
 */
export function toContact(body: VisitNoteBody): Contact | null {
  const { contact } = body;
  if (contact.occurredAt === null || contact.mode === null) return null;
  const homeVisit = contact.mode === 'home-visit';
  return contactSchema.parse({
    id: contact.id,
    occurredAt: contact.occurredAt,
    mode: contact.mode,
    setting: contact.setting,
    significantEvent: contact.significantEvent === true,
    criticalWorries: contact.criticalWorries === true,
    completedAt: contact.completedAt,
    children: contact.children.map((child) => {
      const seen = child.seen === true;
      const seenAlone = seen ? child.seenAlone : null;
      const bedroomSeen = homeVisit ? child.bedroomSeen : null;
      return {
        childId: child.childId,
        seen,
        seenAlone,
        seenAloneReason: seenAlone === false ? textOrNull(child.seenAloneReason) : null,
        bedroomSeen,
        bedroomSeenReason: bedroomSeen === false ? textOrNull(child.bedroomSeenReason) : null,
        managerInformed: seenAlone === false && child.managerInformed === true,
      };
    }),
  });
}
