/**
 * Form fields are named after the config paths they edit (`states[3].documentType`, `period.kind`), the
 * same paths that validateConfig's issues carry: an issue lands next to its input without a mapping table.
 */

export type PathPart = string | number;

export function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Sets `value` at `path` in a plain object tree, creating objects and arrays on the way. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = parsePath(path);
  if (parts.some((part) => typeof part === 'string' && FORBIDDEN_KEYS.has(part))) return;
  let node: Record<string | number, unknown> = root;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (last) {
      if (value === undefined) delete node[part];
      else node[part] = value;
      return;
    }
    const next = parts[index + 1];
    const child = node[part];
    if (typeof child !== 'object' || child === null) node[part] = typeof next === 'number' ? [] : {};
    node = node[part] as Record<string | number, unknown>;
  });
}

/** Every leaf of a plain object tree by its path: `{ a: { b: [1] } }` → `a.b[0]` → 1. */
export function flattenPaths(
  value: unknown,
  prefix = '',
  into = new Map<string, unknown>(),
): Map<string, unknown> {
  if (Array.isArray(value)) {
    // A list of plain values is one multi-valued field (a checkbox group), a list of objects a table.
    if (value.every((item) => typeof item !== 'object' || item === null)) into.set(prefix, value);
    else value.forEach((item, index) => flattenPaths(item, `${prefix}[${index}]`, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value))
      flattenPaths(item, prefix === '' ? key : `${prefix}.${key}`, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}
