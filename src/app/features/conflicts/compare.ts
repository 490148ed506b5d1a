/** One compared field of a conflicted record: where it is, how it is named, both values. */
export interface ComparedField {
  path: (string | number)[];
  label: string;
  mine: string;
  theirs: string;
  differs: boolean;
  /** Text a person can merge by editing (both sides are text, or missing). */
  editable: boolean;
}

type Leaf = { path: (string | number)[]; value: unknown };

const LABELS: Record<string, string> = {
  'contact.occurredAt': 'Date of visit',
  'contact.completedAt': 'Completed',
  'contact.mode': 'How the visit happened',
  'contact.children': 'Children',
  'contact.id': 'Reference',
  childIds: 'Children',
  occurredAt: 'Date',
  title: 'Title',
  name: 'Name',
  dateOfBirth: 'Date of birth',
  step: 'Step reached',
};

/**
 * The two versions field by field. Visit notes get their own names (date, children, the note's
 * fields); anything else falls back to the body's keys, flattened ("note › child's views").
 * Children lists are compared as one field of names.
 */
export function compareBodies(mine: unknown, theirs: unknown, childName: (id: string) => string = (id) => id): ComparedField[] {
  const mineLeaves = flatten(mine);
  const theirsLeaves = flatten(theirs);
  const keys = new Map<string, (string | number)[]>();
  for (const leaf of [...mineLeaves, ...theirsLeaves]) keys.set(keyOf(leaf.path), leaf.path);
  const mineMap = new Map(mineLeaves.map((l) => [keyOf(l.path), l.value]));
  const theirsMap = new Map(theirsLeaves.map((l) => [keyOf(l.path), l.value]));

  return [...keys.entries()]
    .filter(([key]) => key !== 'step')
    .map(([key, path]) => {
      const a = mineMap.get(key);
      const b = theirsMap.get(key);
      return {
        path,
        label: labelOf(path),
        mine: display(a, path, childName),
        theirs: display(b, path, childName),
        differs: JSON.stringify(a) !== JSON.stringify(b),
        editable: (typeof a === 'string' || a === undefined) && (typeof b === 'string' || b === undefined) && !isChildList(path),
      };
    });
}

function isChildList(path: (string | number)[]): boolean {
  const key = path.join('.');
  return key === 'contact.children' || key === 'childIds';
}

function flatten(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (isChildList(path)) return [{ path, value }];
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every((v) => typeof v !== 'object' || v === null)) return [{ path, value }];
    return value.flatMap((v, i) => flatten(v, [...path, i]));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return path.length ? [{ path, value }] : [];
    return entries.flatMap(([k, v]) => flatten(v, [...path, k]));
  }
  return [{ path, value }];
}

const keyOf = (path: (string | number)[]) => path.join('.');

function labelOf(path: (string | number)[]): string {
  const known = LABELS[keyOf(path)];
  if (known) return known;
  const parts = path[0] === 'note' ? path.slice(1) : path;
  return parts.map((p) => (typeof p === 'number' ? `${p + 1}` : humanise(p))).join(' › ');
}

/** "childsViews" → "Childs views", "seen_alone" → "Seen alone". */
function humanise(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function display(value: unknown, path: (string | number)[], childName: (id: string) => string): string {
  if (value === undefined || value === null || value === '') return 'Not given';
  if (isChildList(path) && Array.isArray(value)) {
    const ids = value.map((c) => (typeof c === 'string' ? c : (c as { childId?: string })?.childId)).filter((id): id is string => !!id);
    return ids.length ? ids.map(childName).join(', ') : 'None';
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : 'None';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Mine with each edited text field replaced: the merged version to save. */
export function mergeBody(mine: unknown, edits: Map<string, { path: (string | number)[]; text: string }>): unknown {
  const merged = JSON.parse(JSON.stringify(mine ?? {})) as Record<string | number, unknown>; // bodies are JSON
  for (const { path, text } of edits.values()) {
    let node = merged;
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        node[part] = text;
        return;
      }
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = typeof path[i + 1] === 'number' ? [] : {};
      node = node[part] as Record<string | number, unknown>;
    });
  }
  return merged;
}

export const pathKey = keyOf;
