import type { ContactMode } from '../../../shared/model/contact.ts';
import { SEEN_ALONE_REASON_TEXT } from '../../../shared/model/visit-note.ts';

// How a visit's answers are named, in the form and wherever the visit is read.
export const MODE_LABELS: Record<ContactMode, { label: string; hint?: string }> = {
  'home-visit': { label: 'Home visit' },
  'visit-elsewhere': { label: 'Visit elsewhere', hint: 'For example, at school, a placement or the office' },
  video: { label: 'Video call' },
  phone: { label: 'Phone call' },
  message: { label: 'Message', hint: 'For example, a text, email or social media message' },
};

export const SETTING_LABELS = {
  community: 'In the community',
  residential: "I'm based in a children's home or residential resource",
} as const;

export const SEEN_ALONE_REASON_LABELS = { ...SEEN_ALONE_REASON_TEXT, other: 'Other' };
