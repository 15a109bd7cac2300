import { asText } from './text.js';

/**
 * Dolibarr's universal search criteria (`sqlfilters`): `(t.field:op:value)` terms joined by AND / OR and
 * grouped by parentheses. Dolibarr checks the syntax first (400 "Bad syntax of the search string") and
 * hands the rest to MySQL, whose complaints come back as 503: an unquoted word is read as a column name,
 * an unknown column is refused.
 */

export type Filter =
  | { readonly kind: 'term'; readonly field: string; readonly op: string; readonly value: FilterValue }
  | { readonly kind: 'and' | 'or'; readonly left: Filter; readonly right: Filter };

export type FilterValue =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number'; readonly number: number }
  | { readonly kind: 'null' }
  /** An unquoted word: MySQL takes it for a column. */
  | { readonly kind: 'column'; readonly name: string };

export type ParseResult =
  | { readonly ok: true; readonly filter: Filter }
  | { readonly ok: false; readonly status: 400 | 503; readonly message: string };

const OPERATORS = new Set(['=', '!=', '<>', '<', '>', '<=', '>=', 'like', 'notlike', 'is', 'isnot']);

class SyntaxFault extends Error {}

function parseValue(raw: string): FilterValue {
  const text = raw.trim();
  const quoted = /^'(.*)'$/s.exec(text);
  if (quoted) return { kind: 'string', text: quoted[1] ?? '' };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'number', number: Number(text) };
  if (/^null$/i.test(text)) return { kind: 'null' };
  // Dolibarr strips what a column name cannot hold before MySQL sees it.
  return { kind: 'column', name: text.replace(/[^a-z0-9_.]/gi, '') };
}

/** Parses `sqlfilters`; `columns` are the fields the list knows (without the `t.` prefix). */
export function parseSqlFilters(source: string, columns: ReadonlySet<string>, listName: string): ParseResult {
  const text = source.trim();
  let position = 0;
  const skipSpaces = (): void => {
    while (position < text.length && text[position] === ' ') position += 1;
  };
  const parseTerm = (): Filter => {
    skipSpaces();
    if (text[position] !== '(') throw new SyntaxFault();
    position += 1;
    skipSpaces();
    if (text[position] === '(') {
      const inner = parseExpression();
      skipSpaces();
      if (text[position] !== ')') throw new SyntaxFault();
      position += 1;
      return inner;
    }
    // A term runs to the next ')', as Dolibarr's own regex reads it: a value cannot hold a parenthesis,
    // while a quote inside a quoted value is fine (Dolibarr escapes it for MySQL).
    const end = text.indexOf(')', position);
    if (end < 0) throw new SyntaxFault();
    const body = text.slice(position, end);
    position = end + 1;
    const first = body.indexOf(':');
    const second = first < 0 ? -1 : body.indexOf(':', first + 1);
    if (first < 0 || second < 0) throw new SyntaxFault();
    const field = body.slice(0, first).trim();
    const op = body
      .slice(first + 1, second)
      .trim()
      .toLowerCase();
    if (!/^[a-z0-9_.]+$/i.test(field) || !OPERATORS.has(op)) throw new SyntaxFault();
    return { kind: 'term', field, op, value: parseValue(body.slice(second + 1)) };
  };
  const parseExpression = (): Filter => {
    let left = parseTerm();
    for (;;) {
      skipSpaces();
      const rest = text.slice(position);
      const joiner = /^(and|or)\s*\(/i.exec(rest);
      if (!joiner) return left;
      position += (joiner[1] ?? '').length;
      const right = parseTerm();
      left = { kind: (joiner[1] ?? '').toLowerCase() === 'and' ? 'and' : 'or', left, right };
    }
  };
  let filter: Filter;
  try {
    filter = parseExpression();
    skipSpaces();
    if (position !== text.length) throw new SyntaxFault();
  } catch (error) {
    if (!(error instanceof SyntaxFault)) throw error;
    return {
      ok: false,
      status: 400,
      message: `Error when validating parameter sqlfilters -> Bad syntax of the search string: (${text})`,
    };
  }
  const unknown = firstUnknownColumn(filter, columns);
  if (unknown !== undefined)
    return {
      ok: false,
      status: 503,
      message: `Error when retrieve ${listName} list : Unknown column '${unknown}' in 'WHERE'`,
    };
  return { ok: true, filter };
}

function firstUnknownColumn(filter: Filter, columns: ReadonlySet<string>): string | undefined {
  if (filter.kind !== 'term')
    return firstUnknownColumn(filter.left, columns) ?? firstUnknownColumn(filter.right, columns);
  if (!columns.has(filter.field.replace(/^t\./, ''))) return filter.field;
  if (filter.value.kind === 'column') return filter.value.name;
  return undefined;
}

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Whether a row matches; the row's values are the database's strings (or null). */
export function matches(filter: Filter, row: (field: string) => unknown): boolean {
  switch (filter.kind) {
    case 'and':
      return matches(filter.left, row) && matches(filter.right, row);
    case 'or':
      return matches(filter.left, row) || matches(filter.right, row);
    case 'term':
      return matchesTerm(filter, row);
  }
}

function matchesTerm(filter: Extract<Filter, { kind: 'term' }>, row: (field: string) => unknown): boolean {
  const actual = row(filter.field.replace(/^t\./, ''));
  const value = filter.value;
  if (filter.op === 'is') return value.kind === 'null' ? actual === null || actual === undefined : false;
  if (filter.op === 'isnot') return value.kind === 'null' ? actual !== null && actual !== undefined : false;
  if (actual === null || actual === undefined || value.kind === 'null' || value.kind === 'column')
    return false;
  if (filter.op === 'like') return value.kind === 'string' && likeToRegExp(value.text).test(asText(actual));
  if (filter.op === 'notlike')
    return value.kind === 'string' && !likeToRegExp(value.text).test(asText(actual));
  // MySQL compares numbers as numbers, and strings without regard to case (utf8mb4_unicode_ci).
  const compare = (): number => {
    if (value.kind === 'number') return Number(actual) - value.number;
    const a = asText(actual).toLowerCase();
    const b = value.text.toLowerCase();
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const c = compare();
  switch (filter.op) {
    case '=':
      return c === 0;
    case '!=':
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}
