import { addendumBodySchema, type AddendumBody } from '../../../shared/model/addendum.ts';

export type AddendumForm = AddendumBody;

export const emptyAddendum = (parentId: string): AddendumForm => ({ parentId, text: '', writtenAt: new Date().toISOString() });

/** Reads a stored addendum; anything unreadable becomes an empty one with no parent. */
export function addendumFromStored(stored: unknown): AddendumForm {
  const parsed = addendumBodySchema.safeParse(stored);
  return parsed.success ? parsed.data : emptyAddendum('');
}

export const parentIdOf = (body: unknown): string | null => {
  const parentId = (body as { parentId?: unknown } | null)?.parentId;
  return typeof parentId === 'string' ? parentId : null;
};
