import { malformedAnswer } from './errors.js';
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
  /** e.g. `date_add` or `invoice_date`: PrestaShop stores them to the second, `YYYY-MM-DD HH:MM:SS`. */
  readonly dateField: string;
  readonly from: string;
  readonly to: string;
  readonly pageSize?: number;
}

/**
 * Pages of a list in `(dateField, id)` order, each record once, even while records are added or
 * changed during the read. Offset paging would skip or repeat rows when the set moves; instead each
 * page asks for `dateField` in `[last date seen, to]` and drops the ids already yielded at that date,
 * asking for as many more rows as it drops.
 *
 * A date holds many records when a shop imports orders (one `date_add` second) or bulk-updates them
 * (a back-office mass change to an invoice state gives them all the same `invoice_date` second). Asking for ever more rows would then grow
 * each page by a page (hosts cut big pages with a 504, and the read never gets past that second); so
 * once a whole page has been read at one date, the rest of that second is read by id, a page at a
 * time, and the next page starts at the second after.
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
    if (seenAtLowerDate.size >= pageSize) {
      const afterId = Math.max(...seenAtLowerDate);
      yield* secondPagesById(list, resource, { params, dateField, pageSize, date: lowerDate, afterId });
      lowerDate = secondAfter(lowerDate, `${resource} (${dateField})`);
      seenAtLowerDate = new Set();
    }
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
    // The page is full here, so it has a last record.
    const lastDate = textField(records[records.length - 1] ?? {}, dateField);
    if (lastDate !== lowerDate) {
      lowerDate = lastDate;
      seenAtLowerDate = new Set();
    }
    for (const record of records) {
      if (textField(record, dateField) === lowerDate) seenAtLowerDate.add(idOf(record));
    }
  }
}

/** The records of one second after `afterId`, by id, a page at a time. */
async function* secondPagesById(
  list: ListReader,
  resource: string,
  second: {
    readonly params: ReadParams;
    readonly dateField: string;
    readonly pageSize: number;
    readonly date: string;
    readonly afterId: number;
  },
): AsyncGenerator<RawRecord[]> {
  const { params, dateField, pageSize, date } = second;
  let afterId = second.afterId;
  for (;;) {
    const records = await list(resource, {
      ...params,
      // `[date,date]` and `>[id]` become `BETWEEN date AND date` and a strict `id > id` in PrestaShop's
      // SQL (SQLUtils::getSQLRetrieveFilter, classes/webservice/); dates need `date=1` as ever.
      filter: { ...params.filter, [dateField]: { between: [date, date] }, id: { greaterThan: afterId } },
      sort: ['id_ASC'],
      limit: { offset: 0, count: pageSize },
    });
    if (records.length > 0) yield records;
    if (records.length < pageSize) return;
    afterId = idOf(records[records.length - 1] ?? {});
  }
}

/** `2026-10-01 09:59:59` → `2026-10-01 10:00:00`: dates are wall-clock text, compared as such. */
export function secondAfter(date: string, what: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(date);
  if (!parts) throw malformedAnswer(what, `date illisible « ${date} »`);
  const [, year, month, day, hour, minute, second] = parts.map(Number);
  const next = new Date(
    Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, (second ?? 0) + 1),
  );
  return next.toISOString().slice(0, 19).replace('T', ' ');
}

function textField(record: RawRecord, field: string): string {
  const value = record[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function idOf(record: RawRecord): number {
  return Number(record['id']);
}
