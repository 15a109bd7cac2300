import type { WireValue } from './data/model.js';
import { closest, WebserviceError } from './errors.js';
import type { ResourceSchema } from './shapes/schema-types.js';
import type { Entry, ScanHints } from './sources.js';
import type { PrestaShopVersion } from './version.js';

/**
 * The webservice's list query language (display, filter, sort, limit, date=1), parsed and applied as
 * PrestaShop's WebserviceRequest does, quirks included.
 */

export type Display =
  | { readonly kind: 'ids' }
  | { readonly kind: 'full' }
  | { readonly kind: 'fields'; readonly fields: readonly string[] };

export type FilterOp = 'in' | 'between' | 'gt' | 'lt' | 'like' | 'eq';

export interface Filter {
  readonly field: string;
  readonly op: FilterOp;
  readonly values: readonly string[];
  /** For `like`: % before / after. */
  readonly prefix?: boolean;
  readonly suffix?: boolean;
}

export interface SortKey {
  readonly field: string;
  readonly descending: boolean;
}

export interface ListQuery {
  readonly display: Display;
  readonly filters: readonly Filter[];
  readonly sort: readonly SortKey[];
  readonly offset: number;
  readonly count: number | undefined;
}

const DATE_FIELDS = new Set(['date_add', 'date_upd']);

/** Fields one may filter/sort on: date_add/date_upd only with date=1 (PrestaShop's own rule). */
function usableFields(schema: ResourceSchema, dateEnabled: boolean): string[] {
  return schema.fields.map((f) => f.name).filter((name) => dateEnabled || !DATE_FIELDS.has(name));
}

function unknownFilter(
  field: string,
  usable: readonly string[],
  version: PrestaShopVersion,
): WebserviceError {
  const list = usable.map((name) => `"${name}"`).join(', ');
  const error = {
    code: 32,
    message: `This filter does not exist. Did you mean: "${closest(field, usable)}"? The full list is: ${list}`,
  };
  if (version !== '8') return new WebserviceError(400, [error]);
  // 8.1.2 on PHP 8.2 trips on its own error path: HTTP 500 and four PHP warnings as errors code 3.
  const warnings = [1333, 1334, 1335, 1336].map((line) => ({
    code: 3,
    message: `[PHP Warning #2] Trying to access array offset on value of type bool (/var/www/prestashop/classes/webservice/WebserviceRequest.php, line ${line})`,
  }));
  return new WebserviceError(500, [error, ...warnings]);
}

function parseFilter(field: string, raw: string): Filter {
  const text = raw.trim();
  let m = /^(%?)\[(.*)\](%?)$/s.exec(text);
  if (m) {
    const inner = m[2] ?? '';
    if (m[1] || m[3])
      return { field, op: 'like', values: [inner], prefix: m[1] === '%', suffix: m[3] === '%' };
    if (inner.includes('|')) return { field, op: 'in', values: inner.split('|') };
    const comma = inner.split(',');
    if (comma.length === 2) return { field, op: 'between', values: comma };
    return { field, op: 'eq', values: [inner] };
  }
  m = /^([<>])\[(.*)\]$/s.exec(text);
  if (m) return { field, op: m[1] === '>' ? 'gt' : 'lt', values: [m[2] ?? ''] };
  return { field, op: 'eq', values: [text] };
}

export function parseListQuery(
  params: URLSearchParams,
  schema: ResourceSchema,
  version: PrestaShopVersion,
): ListQuery {
  const dateEnabled = params.get('date') === '1';
  const usable = usableFields(schema, dateEnabled);
  const allNames = schema.fields.map((f) => f.name);

  const filters: Filter[] = [];
  for (const [key, value] of params) {
    const m = /^filter\[([^\]]*)\]$/.exec(key);
    if (!m) continue;
    const field = m[1] ?? '';
    if (!usable.includes(field)) throw unknownFilter(field, usable, version);
    filters.push(parseFilter(field, value));
  }

  let display: Display = { kind: 'ids' };
  const displayParam = params.get('display');
  if (displayParam === 'full') display = { kind: 'full' };
  else if (displayParam) {
    const fields = displayParam
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    for (const field of fields)
      if (!allNames.includes(field))
        throw new WebserviceError(400, [
          {
            code: 35,
            message: `Unable to display this field "${field}". However, these are available: ${allNames.join(', ')}`,
          },
        ]);
    display = { kind: 'fields', fields };
  }

  const sort: SortKey[] = [];
  const sortParam = params.get('sort');
  if (sortParam) {
    for (const part of sortParam.replace(/^\[|\]$/g, '').split(',')) {
      const m = /^(.+)_(ASC|DESC)$/i.exec(part.trim());
      if (!m)
        throw new WebserviceError(400, [
          {
            code: 37,
            message: `The "sort" value has to be formed as this example: "field_ASC" or '[field_1_DESC,field_2_ASC,field_3_ASC,...]' ("field" has to be an available field)`,
          },
        ]);
      const field = m[1] ?? '';
      if (!usable.includes(field))
        throw new WebserviceError(400, [
          {
            code: 37,
            message: `Unable to sort by this field "${field}". However, these are available: ${usable.join(', ')}`,
          },
        ]);
      sort.push({ field, descending: (m[2] ?? '').toUpperCase() === 'DESC' });
    }
  }

  let offset = 0;
  let count: number | undefined;
  const limitParam = params.get('limit');
  if (limitParam) {
    const m = /^\s*(\d+)\s*(?:,\s*(\d+)\s*)?$/.exec(limitParam);
    if (!m)
      throw new WebserviceError(400, [
        { code: 36, message: 'The "limit" value has to be formed as this example: "5,25" or "10"' },
      ]);
    if (m[2] === undefined) count = Number(m[1]);
    else {
      offset = Number(m[1]);
      count = Number(m[2]);
    }
  }
  return { display, filters, sort, offset, count };
}

/** OR-lists and exact values on one field, handed to sources so they can skip a full scan. */
export function scanHints(query: ListQuery): ScanHints {
  const hints = new Map<string, readonly string[]>();
  for (const f of query.filters) if (f.op === 'in' || f.op === 'eq') hints.set(f.field, f.values);
  return hints;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Whether `compareValues` compares a text as a number. */
export function isNumeric(text: string): boolean {
  return NUMBER.test(text);
}

/** MySQL-like comparison: numeric when both sides are numbers, else case-insensitive text. */
export function compareValues(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) return Math.sign(Number(a) - Number(b));
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function text(value: WireValue | undefined, fallback: WireValue): string {
  const v = value === undefined ? fallback : value;
  if (v === null || v === false) return '';
  if (v === true) return '1';
  return String(v);
}

/**
 * A filter as a test of one value, built once per query: an OR-list of 500 ids is then a set look-up
 * per entry instead of 500 comparisons (the related look-ups of an import page send such lists).
 */
function matcherOf(filter: Filter): (value: string) => boolean {
  const first = (filter.values[0] ?? '').trim();
  switch (filter.op) {
    case 'eq':
    case 'in':
      return oneOf(filter.values.map((v) => v.trim()));
    case 'between': {
      const second = (filter.values[1] ?? '').trim();
      return (value) => compareValues(value, first) >= 0 && compareValues(value, second) <= 0;
    }
    case 'gt':
      return (value) => compareValues(value, first) > 0;
    case 'lt':
      return (value) => compareValues(value, first) < 0;
    case 'like': {
      const needle = (filter.values[0] ?? '').toLowerCase();
      if (filter.prefix && filter.suffix) return (value) => value.toLowerCase().includes(needle);
      if (filter.prefix) return (value) => value.toLowerCase().endsWith(needle);
      return (value) => value.toLowerCase().startsWith(needle);
    }
  }
}

/**
 * `compareValues(value, v) === 0` for some v of `values`. A number equals a number (`7` and `7.0`), or
 * a text the same text in any case; a number never equals a non-number as text (its lower case is
 * itself, and a number).
 */
function oneOf(values: readonly string[]): (value: string) => boolean {
  const numbers = new Set(values.filter(isNumeric).map(Number));
  const texts = new Set(values.map((v) => v.toLowerCase()));
  return (value) => (isNumeric(value) ? numbers.has(Number(value)) : texts.has(value.toLowerCase()));
}

/** Reads an entry's field as the list compares it (the schema's default when the record omits it). */
export function fieldReader(schema: ResourceSchema): (entry: Entry, field: string) => string {
  const defaults = new Map(schema.fields.map((f) => [f.name, f.default]));
  return (entry, field) => text(entry.value(field), defaults.get(field) ?? '');
}

/** Whether an entry passes every filter of the query. */
export function filterOf(query: ListQuery, schema: ResourceSchema): (entry: Entry) => boolean {
  const valueOf = fieldReader(schema);
  const tests = query.filters.map((filter) => ({ field: filter.field, accepts: matcherOf(filter) }));
  return (entry) => tests.every(({ field, accepts }) => accepts(valueOf(entry, field)));
}

/** Filters, sorts (default: by id) and pages entries, looking at every one of them. */
export function applyListQuery(entries: Iterable<Entry>, query: ListQuery, schema: ResourceSchema): Entry[] {
  const valueOf = fieldReader(schema);
  const accept = filterOf(query, schema);
  const kept: Entry[] = [];
  for (const entry of entries) if (accept(entry)) kept.push(entry);
  // Without sort, PrestaShop answers in table order (order_states: 2…13, 1, 10): keep the source's order.
  const keys = query.sort;
  if (keys.length > 0)
    kept.sort((a, b) => {
      for (const key of keys) {
        const c = compareValues(valueOf(a, key.field), valueOf(b, key.field));
        if (c !== 0) return key.descending ? -c : c;
      }
      return 0;
    });
  return query.count === undefined
    ? kept.slice(query.offset)
    : kept.slice(query.offset, query.offset + query.count);
}
