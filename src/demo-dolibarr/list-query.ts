import { RestError } from './errors.js';
import type { Row } from './render.js';
import { matches, parseSqlFilters } from './sqlfilters.js';
import { asText } from './text.js';

/**
 * The list endpoints' shared parameters: `sqlfilters`, `sortfield`/`sortorder`, `limit`/`page` (pages
 * count from 0, 100 rows by default), `properties` and `pagination_data`.
 */
export interface ListOptions {
  /** Names MySQL knows in the WHERE clause, without `t.`: the row's fields plus the table's own columns. */
  readonly columns: ReadonlySet<string>;
  /** Table column → row field (`rowid` → `id`, `fk_soc` → `socid`…). */
  readonly aliases: Readonly<Record<string, string>>;
  /** The name in Dolibarr's "Error when retrieve … list" message. */
  readonly listName: string;
}

export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly limit: number;
}

export function listRows<T extends { row: Row }>(
  records: readonly T[],
  query: URLSearchParams,
  options: ListOptions & {
    /** Table columns the answer does not show, computed from the record (`tms`). */
    readonly computed?: Readonly<Record<string, (record: T) => unknown>>;
  },
): ListPage<T> {
  const field = (name: string): string => {
    const bare = name.replace(/^t\./, '');
    return options.aliases[bare] ?? bare;
  };
  let selected = [...records];
  const sqlfilters = query.get('sqlfilters');
  if (sqlfilters !== null && sqlfilters !== '') {
    const computed = options.computed ?? {};
    const columns = new Set([...options.columns, ...Object.keys(options.aliases), ...Object.keys(computed)]);
    const parsed = parseSqlFilters(sqlfilters, columns, options.listName);
    if (!parsed.ok) throw new RestError(parsed.status, parsed.message);
    const valueOf = (r: T, name: string): unknown => {
      const compute = computed[name.replace(/^t\./, '')];
      return compute ? compute(r) : r.row[field(name)];
    };
    selected = selected.filter((r) => matches(parsed.filter, (name) => valueOf(r, name)));
  }
  const sortField = field(query.get('sortfield') ?? 't.rowid');
  const descending = (query.get('sortorder') ?? 'ASC').toUpperCase() === 'DESC';
  selected.sort((a, b) => {
    const x = a.row[sortField];
    const y = b.row[sortField];
    const nx = Number(x);
    const ny = Number(y);
    const c =
      Number.isFinite(nx) && Number.isFinite(ny) && x !== null && y !== null
        ? nx - ny
        : asText(x).localeCompare(asText(y));
    return descending ? -c : c;
  });
  const limit = Math.max(0, Number(query.get('limit') ?? '100') || 100);
  const page = Math.max(0, Number(query.get('page') ?? '0') || 0);
  return { items: selected.slice(page * limit, page * limit + limit), total: selected.length, page, limit };
}

/** The answer: a list, or `{data, pagination}` with `pagination_data=true`. */
export function listAnswer(
  page: ListPage<unknown>,
  items: readonly unknown[],
  query: URLSearchParams,
): unknown {
  if (query.get('pagination_data') !== 'true') return items;
  return {
    data: items,
    pagination: {
      total: page.total,
      page: page.page,
      page_count: Math.ceil(page.total / page.limit),
      limit: page.limit,
    },
  };
}

export function properties(query: URLSearchParams): string[] | undefined {
  const raw = query.get('properties');
  return raw ? raw.split(',').map((p) => p.trim()) : undefined;
}
