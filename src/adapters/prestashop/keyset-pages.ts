import type { RawRecord } from './webservice-answer.js';
import type { ReadParams } from './webservice-dialect.js';

/**
 * Paging over the webservice's lists, as async generators that stop on a short page: the webservice
 * gives no total count (8.1.2/34_orders_by_date_upd_page2.json is the short last page).
 */

/** The one read paging needs: a page of a list. */
export type ListReader = (resource: string, params: ReadParams) => Promise<RawRecord[]>;

/** Offset pages of a list. Only for sets that do not change while read; orders use `keysetPages`. */
export async function* offsetPages(
  list: ListReader,
  resource: string,
  params: ReadParams,
  pageSize = 100,
): AsyncGenerator<RawRecord[]> {
  for (let offset = 0; ; offset += pageSize) {
    const records = await list(resource, { ...params, limit: { offset, count: pageSize } });
    if (records.length > 0) yield records;
    if (records.length < pageSize) return;
  }
}

export interface KeysetOptions {
  readonly params: ReadParams;
  readonly dateField: string;
  readonly from: string;
  readonly to: string;
  readonly pageSize?: number;
}

/**
 * Pages of a list in `(dateField, id)` order, each record once, even while records are added or
 * changed during the read. Offset paging would skip or repeat rows when the set moves; instead each
 * page asks for `dateField` in `[last date seen, to]` and drops the ids already yielded at that date
 * (asking for as many more rows as it drops, so that a second full of records never stalls).
 */
export async function* keysetPages(
  list: ListReader,
  resource: string,
  options: KeysetOptions,
): AsyncGenerator<RawRecord[]> {
  const { params, dateField, to } = options;
  const pageSize = options.pageSize ?? 100;
  let lowerDate = options.from;
  let seenAtLowerDate = new Set<number>();
  for (;;) {
    const count = pageSize + seenAtLowerDate.size;
    const records = await list(resource, {
      ...params,
      filter: { ...params.filter, [dateField]: { between: [lowerDate, to] } },
      sort: [`${dateField}_ASC`, 'id_ASC'],
      limit: { offset: 0, count },
    });
    const fresh = records.filter((record) => {
      return !(textField(record, dateField) === lowerDate && seenAtLowerDate.has(idOf(record)));
    });
    if (fresh.length > 0) yield fresh;
    if (records.length < count) return;
    const last = records[records.length - 1];
    const lastDate = last === undefined ? lowerDate : textField(last, dateField);
    if (lastDate !== lowerDate) {
      lowerDate = lastDate;
      seenAtLowerDate = new Set();
    }
    for (const record of records) {
      if (textField(record, dateField) === lowerDate) seenAtLowerDate.add(idOf(record));
    }
  }
}

function textField(record: RawRecord, field: string): string {
  const value = record[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function idOf(record: RawRecord): number {
  return Number(record['id']);
}
