import { TEMPLATES } from './shapes/templates.js';

/** A stored object: field name → value as the database gives it back (strings), or null. */
export type Row = Record<string, unknown>;

function isEmptyContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function copy(value: unknown): unknown {
  return value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * One field's value in the kind the call returns it with. PHP hands back what MySQL gave (strings) after a
 * fetch, and native ints and floats for objects still in memory after a create: the template of the call
 * says which, the row says what.
 */
function cast(value: unknown, kinds: string, fallback: unknown): unknown {
  if (kinds === 'n') return null;
  if (value === undefined) return copy(fallback);
  if (value === null) {
    if (kinds.includes('n')) return null;
    if (kinds.includes('e')) return '';
    return copy(fallback);
  }
  if (typeof value === 'number') {
    if (kinds.includes('i')) return value;
    if (kinds.includes('s') || kinds.includes('e')) return String(value);
    return copy(fallback);
  }
  if (typeof value === 'string') {
    if (kinds.includes('s') || kinds.includes('e')) return value;
    if (kinds.includes('i')) return value === '' ? 0 : Number(value);
    return copy(fallback);
  }
  if (typeof value === 'boolean') return kinds.includes('b') ? value : copy(fallback);
  // PHP encodes an empty array as [] whether it is a list or a map.
  if (isEmptyContainer(value)) return kinds.includes('a') ? [] : kinds.includes('o') ? {} : copy(fallback);
  if (Array.isArray(value)) return kinds.includes('a') ? value : copy(fallback);
  return kinds.includes('o') ? value : copy(fallback);
}

/** Renders a row through the template `name` (e.g. `order.get`), fields in Dolibarr's order. */
export function render(name: string, row: Row): Record<string, unknown> {
  const template = TEMPLATES[name];
  if (!template) throw new Error(`no template ${name}`);
  const out: Record<string, unknown> = {};
  for (const [field, kinds, fallback] of template) out[field] = cast(row[field], kinds, fallback);
  return out;
}

/** Restricts an answer to the `properties=` the caller asked for (Dolibarr keeps the known ones only). */
export function pick(object: Record<string, unknown>, properties: readonly string[] | undefined): unknown {
  if (!properties || properties.length === 0) return object;
  const out: Record<string, unknown> = {};
  for (const name of properties) if (name in object) out[name] = object[name];
  return out;
}
