/**
 * What any JSON a device sends must be, whatever its schema says, so that the database can
 * store it and the server can read it: PostgreSQL refuses `\u0000` in text and jsonb and a
 * lone UTF-16 surrogate in jsonb, JSON.parse turns `1e400` into Infinity (written back as
 * null), and JSON nested thousands deep overflows the stack of every recursive reader
 * (JSON.stringify, zod, jsonb). Checked without recursion, so the check itself cannot overflow.
 */

/** Deeper than any form's body (a visit note is 4 levels): room to grow, far from any stack limit. */
export const JSON_DEPTH_MAX = 64;

export interface ContentProblem {
  /** Keys and indexes from the value checked to the offending value or key. */
  path: (string | number)[];
  message: string;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Text must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'Text must not contain a lone UTF-16 surrogate (not a character)';
  return undefined;
}

/** The first problem in document order, or undefined when the value can be stored as it is. */
export function findContentProblem(value: unknown): ContentProblem | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const message = textProblem(current);
      if (message) return { path, message };
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { path, message: 'A number must be finite (1e400 is not)' };
    } else if (typeof current === 'object' && current !== null) {
      if (path.length >= JSON_DEPTH_MAX) return { path, message: `Nested more than ${JSON_DEPTH_MAX} levels deep` };
      const entries: [string | number, unknown][] = Array.isArray(current)
        ? current.map((item, index) => [index, item])
        : Object.keys(current).map((key) => [key, (current as Record<string, unknown>)[key]]);
      // Pushed in reverse so that they are popped, and reported, in document order.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        pending.push({ value: item, path: [...path, key] });
      }
      for (const [key] of entries) {
        if (typeof key !== 'string') continue;
        // An own "__proto__" key (JSON.parse makes one) would set the prototype of any object it is copied into.
        const message = key === '__proto__' ? 'The key __proto__ is not allowed' : textProblem(key);
        if (message) return { path: [...path, key], message };
      }
    } else if (typeof current !== 'boolean' && current !== null && current !== undefined) {
      return { path, message: `Not a JSON value (${typeof current})` };
    }
  }
  return undefined;
}

/** "a.b.0.c" for messages; empty for the value itself. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}
