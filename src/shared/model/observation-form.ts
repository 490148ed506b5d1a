/**
 * The practice observation form an observer fills in (issue 5 item 4), from 004 City of London
 * QA framework Appendix 2 (L527–L546: preparing, observing, writing up, two-way feedback) and
 * the Reading observation form (002 L973–L989: practitioner, observer, nature, date, record,
 * strengths, areas for development, conclusions, actions, points for next supervision, copies).
 *
 * `observationDraftSchema` holds a half-filled form (autosaved on every change, with the step
 * the observer is on); `observationStepSchemas` are what "Continue" checks on each step; and
 * `toObservation` maps a completed form onto the shared observation record the rules read.
 */
import { z } from 'zod';
import { instant } from './common.ts';
import { datePartsSchema, emptyDate, isoDateFromParts, pastDate } from './direct-work.ts';
import { KNOWLEDGE_AND_SKILLS_STATEMENT_IDS } from './knowledge-and-skills.ts';
import { observationSchema, type Observation } from './observation.ts';

/**
 * 002 L976 "Telephone calls/Home visits/Meeting"; 000 L6769 "meetings, such as child protection
 * conferences"; 001 L969 "observation of direct work and review meetings … supervision and group
 * supervision".
 */
export const OBSERVATION_NATURES = [
  { value: 'home-visit', text: 'Home visit' },
  { value: 'direct-work', text: 'Direct work with a child' },
  { value: 'meeting', text: 'Meeting' },
  { value: 'child-protection-conference', text: 'Child protection conference' },
  { value: 'review-meeting', text: 'Review meeting' },
  { value: 'telephone-call', text: 'Telephone call' },
  { value: 'supervision', text: 'Supervision or group supervision' },
  { value: 'other', text: 'Other' },
] as const;
export type ObservationNature = (typeof OBSERVATION_NATURES)[number]['value'];
const natureValues = OBSERVATION_NATURES.map((n) => n.value) as [ObservationNature, ...ObservationNature[]];

export const OBSERVATION_STEPS = [
  'About the observation',
  'Before the observation',
  'Record of observation',
  'Feedback',
  'Actions and supervision',
  'Knowledge and Skills Statements',
  'Copies and notifications',
  'Check and complete',
] as const;
export const LAST_STEP = OBSERVATION_STEPS.length;

const yesNo = z.enum(['yes', 'no', '']);

export const observationActionSchema = z.object({
  /** Stable key for the repeated group, so React and field ids survive removing one. */
  key: z.string(),
  who: z.string(),
  what: z.string(),
  byWhen: datePartsSchema,
});
export type ObservationAction = z.output<typeof observationActionSchema>;

export const observationDraftSchema = z.object({
  step: z.number().int().min(1).max(LAST_STEP),
  practitionerName: z.string(),
  /** Their staff id in the organisation; it is what links the observation to their record. */
  practitionerId: z.string(),
  observerName: z.string(),
  observerId: z.string(),
  observedOn: datePartsSchema,
  nature: z.union([z.enum(natureValues), z.literal('')]),
  natureOther: z.string(),
  focus: z.string(),
  purposeExplained: yesNo,
  permissionObtained: yesNo,
  powerAndEqualities: z.string(),
  record: z.string(),
  strengths: z.string(),
  areasForDevelopment: z.string(),
  practitionerReflection: z.string(),
  conclusions: z.string(),
  actions: z.array(observationActionSchema),
  nextSupervision: z.string(),
  knowledgeAndSkills: z.array(z.enum(KNOWLEDGE_AND_SKILLS_STATEMENT_IDS)),
  copyToPractitioner: z.boolean(),
  copyToLineManager: z.boolean(),
  qaLeadNotified: z.boolean(),
  /** When "Finish" was pressed: a real instant (2026-02-31T25:00:00Z is refused). */
  completedAt: instant.nullable(),
});
export type ObservationForm = z.output<typeof observationDraftSchema>;

export const emptyAction = (key: string): ObservationAction => ({ key, who: '', what: '', byWhen: emptyDate() });

export function emptyObservationForm(): ObservationForm {
  return {
    step: 1,
    practitionerName: '',
    practitionerId: '',
    observerName: '',
    observerId: '',
    observedOn: emptyDate(),
    nature: '',
    natureOther: '',
    focus: '',
    purposeExplained: '',
    permissionObtained: '',
    powerAndEqualities: '',
    record: '',
    strengths: '',
    areasForDevelopment: '',
    practitionerReflection: '',
    conclusions: '',
    actions: [emptyAction('action-1')],
    nextSupervision: '',
    knowledgeAndSkills: [],
    copyToPractitioner: false,
    copyToLineManager: false,
    qaLeadNotified: false,
    completedAt: null,
  };
}

/** Reads a stored body, filling in anything an older draft did not have yet. */
export function observationFormFromStored(stored: unknown): ObservationForm {
  const merged = { ...emptyObservationForm(), ...(typeof stored === 'object' && stored ? stored : {}) };
  const parsed = observationDraftSchema.safeParse(merged);
  return parsed.success ? parsed.data : emptyObservationForm();
}

const required = (message: string) => z.string().trim().min(1, message);
const answered = (message: string) => yesNo.refine((v) => v !== '', message);
const isBlankAction = (a: ObservationAction) => !a.who.trim() && !a.what.trim() && !a.byWhen.day && !a.byWhen.month && !a.byWhen.year;

/** What "Continue" checks on each step (index 0 is step 1). Issue paths name body fields. */
export const observationStepSchemas = [
  z
    .object({
      practitionerName: required('Enter the name of the practitioner you observed'),
      practitionerId: required("Enter the practitioner's staff ID"),
      observerName: required('Enter your name'),
      observerId: required('Enter your staff ID'),
      observedOn: pastDate('the observation'),
      nature: z.string().refine((v) => v !== '', 'Select what you observed'),
      natureOther: z.string(),
    })
    .refine((b) => b.nature !== 'other' || b.natureOther.trim() !== '', {
      path: ['natureOther'],
      message: 'Enter what you observed',
    }),
  // 004 Appendix 2, "Preparing for observation" (L529–L531).
  z.object({
    focus: required('Enter the focus you agreed with the practitioner before the observation'),
    purposeExplained: answered('Select yes if the purpose of the observation was explained to the family'),
    permissionObtained: answered("Select yes if the family's permission was obtained"),
    powerAndEqualities: required('Enter how power imbalance and equalities were considered'),
  }),
  // 004 L541: "Following the observation write up your findings".
  z.object({ record: required('Enter your record of the observation') }),
  // 004 L542: feedback is a two-way conversation, strength-based.
  z.object({
    strengths: required('Enter the strengths you identified'),
    areasForDevelopment: required('Enter the areas for development you identified'),
    practitionerReflection: required("Enter the practitioner's own reflection on how it went"),
    conclusions: required('Enter the conclusions you agreed together'),
  }),
  z.object({
    actions: z.array(observationActionSchema).superRefine((actions, ctx) => {
      actions.forEach((action, index) => {
        if (isBlankAction(action)) return;
        if (!action.who.trim()) ctx.addIssue({ code: 'custom', path: [index, 'who'], message: `Enter who will do action ${index + 1}` });
        if (!action.what.trim()) ctx.addIssue({ code: 'custom', path: [index, 'what'], message: `Enter what action ${index + 1} is` });
        if (!isoDateFromParts(action.byWhen)) {
          ctx.addIssue({ code: 'custom', path: [index, 'byWhen'], message: `Enter a real date for when action ${index + 1} is due` });
        }
      });
    }),
  }),
  z.object({
    knowledgeAndSkills: z
      .array(z.string())
      .min(1, 'Select the Knowledge and Skills Statements the practice evidenced'),
  }),
  z.object({}),
  z.object({}),
] as const;

/** Actions the observer filled in, without empty rows. */
export const recordedActions = (body: ObservationForm) => body.actions.filter((a) => !isBlankAction(a));

/**
 * The shared observation record (src/shared/model/observation.ts) for a completed form, so the
 * rules (OBSERVATION_DUE, OBSERVATION_FOLLOW_UP) read it like one from the server. The form
 * holds a date only; it is stored as 12:00 UTC, which is that same date in Europe/London in
 * summer and winter alike. Throws if the form is not complete enough to make one.
 */
export function toObservation(recordId: string, body: ObservationForm): Observation {
  const date = isoDateFromParts(body.observedOn);
  return observationSchema.parse({
    id: recordId,
    observedPractitionerId: body.practitionerId.trim(),
    observerId: body.observerId.trim(),
    observedAt: date ? `${date}T12:00:00Z` : '',
    completedAt: body.completedAt,
    copyToPractitioner: body.copyToPractitioner,
    copyToLineManager: body.copyToLineManager,
    qaLeadNotified: body.qaLeadNotified,
  });
}
