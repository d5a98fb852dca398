/**
 * Helpers for reading files a user brings in (frameworks, templates): plain-language problems
 * instead of exceptions. No zod here, so any module may use it.
 */

/** A file lists at most this many problems, then "…and N more problems." */
export const maxListedProblems = 20;

/** 12,345 — the way the interface writes numbers. */
export function withThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path in parsed JSON, reading only the object's own keys. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

/** How a JSON type is named in a problem ("should be text"). */
export const jsonTypeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Each problem once, at most `maxListedProblems`, then how many more there were. */
export function listedProblems(problems: readonly string[]): string[] {
  const unique = problems.filter((problem, index) => problems.indexOf(problem) === index);
  if (unique.length <= maxListedProblems) return unique;
  const more = unique.length - maxListedProblems;
  return [...unique.slice(0, maxListedProblems), `…and ${withThousands(more)} more ${more === 1 ? 'problem' : 'problems'}.`];
}
