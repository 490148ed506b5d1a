import type { z } from 'zod';
import type { FieldError } from '../error-summary';

export interface FormErrors {
  /** Inline messages by issue path, e.g. `date` or `actions.0.who`. */
  byPath: Record<string, string>;
  /** For the error summary, in the order the fields appear. */
  summary: FieldError[];
}

export const noErrors: FormErrors = { byPath: {}, summary: [] };

/** Checks `value` against `schema`; each issue's path becomes a field id through `fieldId`. */
export function validate(schema: z.ZodType, value: unknown, fieldId: (path: string) => string): FormErrors {
  const result = schema.safeParse(value);
  if (result.success) return noErrors;
  const byPath: Record<string, string> = {};
  const summary: FieldError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path in byPath) continue;
    byPath[path] = issue.message;
    summary.push({ fieldId: fieldId(path), message: issue.message });
  }
  return { byPath, summary: inPageOrder(summary) };
}

/** The error summary lists problems in the order the fields come on the page. */
function inPageOrder(summary: FieldError[]): FieldError[] {
  const position = (e: FieldError) => document.getElementById(e.fieldId);
  return [...summary].sort((a, b) => {
    const [x, y] = [position(a), position(b)];
    if (!x || !y || x === y) return 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
