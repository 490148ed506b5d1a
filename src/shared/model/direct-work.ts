/**
 * Direct work with a child (issue 5 item 3): what the worker and child did together, what the
 * child said in their own words, the worker's analysis, and photos of the child's drawings.
 *
 * Two schemas: `directWorkDraftSchema` accepts anything a half-filled form can hold (the
 * draft autosaves on every change), `directWorkSchema` is what "Finish and record" requires.
 */
import { z } from 'zod';
import { instant } from './common.ts';

/** A GOV.UK date input's three boxes, kept as typed so a half-typed date survives a reload. */
export const datePartsSchema = z.object({ day: z.string(), month: z.string(), year: z.string() });
export type DateParts = z.output<typeof datePartsSchema>;
export const emptyDate = (): DateParts => ({ day: '', month: '', year: '' });

/** `YYYY-MM-DD` for a real calendar date, otherwise null. */
export function isoDateFromParts({ day, month, year }: DateParts): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` for today on this device's clock. */
export function todayIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date that happened: required, real, not in the future (GOV.UK date input error messages). */
export function pastDate(what: string) {
  return datePartsSchema.superRefine((parts, ctx) => {
    if (!parts.day.trim() && !parts.month.trim() && !parts.year.trim()) {
      ctx.addIssue({ code: 'custom', message: `Enter the date of ${what}` });
      return;
    }
    const iso = isoDateFromParts(parts);
    if (!iso) ctx.addIssue({ code: 'custom', message: `The date of ${what} must be a real date, like 27 3 2026` });
    else if (iso > todayIsoDate()) ctx.addIssue({ code: 'custom', message: `The date of ${what} must be today or in the past` });
  });
}

/** 001 L383: "a variety of direct work tools and activities … direct observations of very young children". */
export const DIRECT_WORK_TOOLS = [
  { value: 'three-houses', text: 'Three houses' },
  { value: 'wishes-and-feelings', text: 'Wishes and feelings' },
  { value: 'ecomap', text: 'Ecomap' },
  { value: 'life-story-work', text: 'Life story work' },
  { value: 'play-or-drawing', text: 'Play or drawing' },
  { value: 'observation-of-very-young-child', text: 'Direct observation of a very young child' },
  { value: 'other', text: 'Other' },
] as const;
export type DirectWorkTool = (typeof DIRECT_WORK_TOOLS)[number]['value'];
const toolValues = DIRECT_WORK_TOOLS.map((t) => t.value) as [DirectWorkTool, ...DirectWorkTool[]];

/** A photo of the child's drawing or work: the id of a blob stored on the device, and its alt text. */
export const directWorkPhotoSchema = z.object({
  blobId: z.string().min(1),
  contentType: z.string(),
  alt: z.string(),
});
export type DirectWorkPhoto = z.output<typeof directWorkPhotoSchema>;

export const directWorkDraftSchema = z.object({
  /** A child record's id on this device, or '' when the worker typed a name. */
  childId: z.string(),
  childName: z.string(),
  date: datePartsSchema,
  tools: z.array(z.enum(toolValues)),
  toolsOther: z.string(),
  childsWords: z.string(),
  analysis: z.string(),
  photos: z.array(directWorkPhotoSchema),
  /** When "Finish" was pressed: a real instant (2026-02-31T25:00:00Z is refused). */
  completedAt: instant.nullable(),
});
export type DirectWorkForm = z.output<typeof directWorkDraftSchema>;

export function emptyDirectWork(): DirectWorkForm {
  return {
    childId: '',
    childName: '',
    date: emptyDate(),
    tools: [],
    toolsOther: '',
    childsWords: '',
    analysis: '',
    photos: [],
    completedAt: null,
  };
}

/** Reads a stored body, filling in anything an older draft did not have yet. */
export function directWorkFromStored(stored: unknown): DirectWorkForm {
  const merged = { ...emptyDirectWork(), ...(typeof stored === 'object' && stored ? stored : {}) };
  const parsed = directWorkDraftSchema.safeParse(merged);
  return parsed.success ? parsed.data : emptyDirectWork();
}

/** What "Finish and record" checks. Issue paths name the body field they are about. */
export const directWorkSchema = directWorkDraftSchema
  .extend({
    date: pastDate('the direct work'),
    tools: z.array(z.enum(toolValues)).min(1, 'Select the tools and activities you used'),
    childsWords: z.string().trim().min(1, 'Enter what the child said, in their own words'),
    analysis: z.string().trim().min(1, 'Enter your analysis'),
    photos: z.array(
      directWorkPhotoSchema.extend({
        alt: z
          .string()
          .refine((alt) => !['', 'drawing of'].includes(alt.trim().toLowerCase()), 'Describe what the photo shows'),
      }),
    ),
  })
  .superRefine((body, ctx) => {
    if (!body.childId && !body.childName.trim()) {
      ctx.addIssue({ code: 'custom', path: ['child'], message: 'Select the child you did the direct work with' });
    }
    if (body.tools.includes('other') && !body.toolsOther.trim()) {
      ctx.addIssue({ code: 'custom', path: ['toolsOther'], message: 'Enter the other tool or activity you used' });
    }
  });
