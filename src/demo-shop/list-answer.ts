import {
  applyListQuery,
  compareValues,
  fieldReader,
  filterOf,
  isNumeric,
  scanHints,
  type ListQuery,
} from './query-language.js';
import type { ResourceSchema } from './shapes/schema-types.js';
import type { Entry, Source } from './sources.js';

/**
 * Answers a list query, walking an index of the source when the query's order is one the source keeps
 * (orders by id, by (date_add, id), by (date_upd, id)): a keyset page of 100 orders out of 100,000 then
 * costs a binary search and the orders up to the page's end, not a scan and a sort of every order. Any
 * other query is answered by the scan (`applyListQuery`), the reference both must agree with.
 */
export function answerList(
  source: Source,
  query: ListQuery,
  schema: ResourceSchema,
  shopIds: readonly number[],
): Entry[] {
  const plan = indexPlan(query);
  const ordered = plan && source.ordered?.(plan.field, plan.isBelow);
  if (!plan || !ordered) return scanList(source, query, schema, shopIds);
  if (query.count === 0) return [];
  const valueOf = fieldReader(schema);
  const accept = filterOf(query, schema);
  const page: Entry[] = [];
  let toSkip = query.offset;
  for (const entry of ordered) {
    if (plan.isPast(valueOf(entry, plan.field))) break;
    if (source.shopScoped && !inShops(entry, shopIds)) continue;
    if (!accept(entry)) continue;
    if (toSkip > 0) {
      toSkip -= 1;
      continue;
    }
    page.push(entry);
    if (query.count !== undefined && page.length >= query.count) break;
  }
  return page;
}

/** The reference answer: every entry of the source filtered, sorted and paged. */
export function scanList(
  source: Source,
  query: ListQuery,
  schema: ResourceSchema,
  shopIds: readonly number[],
): Entry[] {
  let entries = source.scan(scanHints(query));
  if (source.shopScoped) entries = restrictToShops(entries, shopIds);
  return applyListQuery(entries, query, schema);
}

/** How to walk an index: which one, where to start, where to stop. */
export interface IndexPlan {
  readonly field: string;
  /** True for values before the first one the filters can accept (monotone: a lower bound). */
  readonly isBelow: (value: string) => boolean;
  /** True for values past the last one the filters can accept (monotone: an upper bound). */
  readonly isPast: (value: string) => boolean;
}

/**
 * The index walk that gives the scan's answer, or undefined. The scan keeps the source's order (ids
 * ascending for orders) and sorts stably, so no sort, `[id_ASC]`, `[F_ASC]` and `[F_ASC,id_ASC]` are all
 * the order of the (F, id) index. Filters on F bound the walk; every filter is still checked on each
 * entry walked, so a bound only has to be safe, never exact.
 */
export function indexPlan(query: ListQuery): IndexPlan | undefined {
  // An OR-list of ids is already a short list: the scan reads only those.
  if (query.filters.some((f) => f.field === 'id' && (f.op === 'in' || f.op === 'eq'))) return undefined;
  const field = indexOrder(query);
  if (field === undefined) return undefined;
  const lowers: ((value: string) => boolean)[] = [];
  const uppers: ((value: string) => boolean)[] = [];
  for (const filter of query.filters) {
    if (filter.field !== field) continue;
    const first = (filter.values[0] ?? '').trim();
    const second = (filter.values[1] ?? '').trim();
    // Ids compare as numbers only against a number: "abc" compares as text, out of numeric order.
    const usable = (bound: string): boolean => field !== 'id' || isNumeric(bound);
    const from = (bound: string, inclusive: boolean): void => {
      if (usable(bound)) lowers.push((v) => compareValues(v, bound) < (inclusive ? 0 : 1));
    };
    const to = (bound: string, inclusive: boolean): void => {
      if (usable(bound)) uppers.push((v) => compareValues(v, bound) > (inclusive ? 0 : -1));
    };
    if (filter.op === 'between') {
      from(first, true);
      to(second, true);
    } else if (filter.op === 'eq') {
      from(first, true);
      to(first, true);
    } else if (filter.op === 'gt') from(first, false);
    else if (filter.op === 'lt') to(first, false);
  }
  return {
    field,
    isBelow: (value) => lowers.some((below) => below(value)),
    isPast: (value) => uppers.some((past) => past(value)),
  };
}

/** The field whose (field, id) order the answer is in, when it is such an order. */
function indexOrder(query: ListQuery): string | undefined {
  const [first, second, ...rest] = query.sort;
  if (!first) return 'id';
  if (first.descending || rest.length > 0) return undefined;
  if (second && (second.field !== 'id' || second.descending)) return undefined;
  return first.field;
}

function inShops(entry: Entry, shopIds: readonly number[]): boolean {
  return shopIds.includes(Number(entry.value('id_shop')));
}

function* restrictToShops(entries: Iterable<Entry>, shopIds: readonly number[]): Iterable<Entry> {
  for (const entry of entries) if (inShops(entry, shopIds)) yield entry;
}
