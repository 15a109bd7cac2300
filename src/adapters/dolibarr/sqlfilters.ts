import { DolibarrFailure, filterValueUnsupported } from './errors.js';

/**
 * Dolibarr's `sqlfilters`, built and escaped here and nowhere else. A term is `(t.field:op:'value')`;
 * terms join with AND / OR. Dolibarr reads a term up to the next `)`, so a value cannot contain a
 * parenthesis; a quote inside a quoted value is escaped by Dolibarr itself. String values must be quoted:
 * unquoted, MySQL takes them for a column (503). A `:` inside a value is fine here, unlike in a URL path.
 */
export type SqlFilter = { readonly text: string };

const FIELD = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/i;

function field(name: string): string {
  if (!FIELD.test(name)) throw new Error(`not a column name: ${name}`);
  return name.includes('.') ? name : `t.${name}`;
}

function literal(name: string, value: string | number): string | DolibarrFailure {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number for ${name}`);
    return String(value);
  }
  if (/[()]/.test(value)) return filterValueUnsupported(name);
  return `'${value}'`;
}

/** `(t.field:=:'value')`, or the failure when the value cannot be searched. */
export function equals(name: string, value: string | number): SqlFilter | DolibarrFailure {
  const text = literal(name, value);
  return text instanceof DolibarrFailure ? text : { text: `(${field(name)}:=:${text})` };
}

/** `(t.field:>=:value)` and the other comparisons: dates as `'YYYY-MM-DD HH:MM:SS'` in server time. */
export function compare(
  name: string,
  op: '<' | '<=' | '>' | '>=' | '!=',
  value: string | number,
): SqlFilter | DolibarrFailure {
  const text = literal(name, value);
  return text instanceof DolibarrFailure ? text : { text: `(${field(name)}:${op}:${text})` };
}

/** `(t.field:like:'value%')`: `%` and `_` are the wildcards. */
export function like(name: string, pattern: string): SqlFilter | DolibarrFailure {
  const text = literal(name, pattern);
  return text instanceof DolibarrFailure ? text : { text: `(${field(name)}:like:${text})` };
}

/** One filter for "field is any of these": an OR of equalities (one call for a whole page of keys). */
export function anyOf(name: string, values: readonly (string | number)[]): SqlFilter | DolibarrFailure {
  if (values.length === 0) throw new Error('anyOf needs at least one value');
  const terms: string[] = [];
  for (const value of values) {
    const term = equals(name, value);
    if (term instanceof DolibarrFailure) return term;
    terms.push(term.text);
  }
  return { text: terms.join(' OR ') };
}

/** Any of these filters (on different fields): one call where several look-ups would each take one. */
export function either(...filters: readonly SqlFilter[]): SqlFilter {
  if (filters.length === 0) throw new Error('either needs at least one filter');
  return { text: filters.map((f) => (f.text.includes(' AND ') ? `(${f.text})` : f.text)).join(' OR ') };
}

export function allOf(...filters: readonly SqlFilter[]): SqlFilter {
  return { text: filters.map((f) => (f.text.includes(' OR ') ? `(${f.text})` : f.text)).join(' AND ') };
}
