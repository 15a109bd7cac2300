import { describe, expect, it } from 'vitest';

import { WebserviceFailure } from './errors.js';
import { type ListReader, keysetPages, offsetPages, secondAfter } from './keyset-pages.js';
import type { RawRecord } from './webservice-answer.js';
import type { FilterValue, ReadParams } from './webservice-dialect.js';

/**
 * A list over records in memory that reads ReadParams as PrestaShop reads the query it becomes:
 * ANDed filters (`between` inclusive, `greaterThan` strict), sort keys in order, `limit`. It refuses to
 * serve more than `maxCalls` pages, so that a pager that never ends fails instead of hanging.
 */
function memoryList(records: RawRecord[], maxCalls = 200): { list: ListReader; calls: ReadParams[] } {
  const calls: ReadParams[] = [];
  const list: ListReader = (_resource, params) => {
    calls.push(params);
    if (calls.length > maxCalls) throw new Error(`the pager asked for more than ${maxCalls} pages`);
    let rows = records.filter((record) =>
      Object.entries(params.filter ?? {}).every(([field, value]) => matches(text(record[field]), value)),
    );
    const keys = (params.sort ?? []).map((key) => key.replace(/_ASC$/, ''));
    rows = [...rows].sort((a, b) => {
      for (const key of keys) {
        const order = compare(text(a[key]), text(b[key]));
        if (order !== 0) return order;
      }
      return 0;
    });
    const { offset = 0, count = rows.length } = params.limit ?? {};
    return Promise.resolve(rows.slice(offset, offset + count));
  };
  return { list, calls };
}

function matches(actual: string, filter: FilterValue): boolean {
  if (typeof filter !== 'object') return actual === String(filter);
  if ('between' in filter)
    return compare(actual, String(filter.between[0])) >= 0 && compare(actual, String(filter.between[1])) <= 0;
  if ('greaterThan' in filter) return compare(actual, String(filter.greaterThan)) > 0;
  if ('lessThan' in filter) return compare(actual, String(filter.lessThan)) < 0;
  return filter.in.map(String).includes(actual);
}

function compare(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

async function readAll(pages: AsyncIterable<RawRecord[]>): Promise<number[][]> {
  const read: number[][] = [];
  for await (const page of pages) read.push(page.map((record) => Number(record['id'])));
  return read;
}

const order = (id: number, date_add: string): RawRecord => ({ id, date_add });
const PERIOD = { dateField: 'date_add', from: '2026-10-01 00:00:00', to: '2026-10-01 23:59:59' };

describe('keysetPages', () => {
  it('reads a second holding more orders than a page by id, with pages that never grow', async () => {
    const crowded = '2026-10-01 10:00:00';
    const records = [
      order(20, '2026-10-01 09:00:00'),
      // Listed out of id order: the pager must not depend on the table's order.
      ...[4, 1, 7, 3, 6, 2, 5].map((id) => order(id, crowded)),
      order(9, '2026-10-01 10:00:01'),
      order(8, '2026-10-01 10:00:01'),
      order(10, '2026-10-02 00:00:00'),
    ];
    const shop = memoryList(records);
    const pages = await readAll(keysetPages(shop.list, 'orders', { params: {}, ...PERIOD, pageSize: 3 }));

    expect(pages.flat()).toEqual([20, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shop.calls.map((call) => [call.filter, call.sort, call.limit?.count])).toEqual([
      [{ date_add: { between: [PERIOD.from, PERIOD.to] } }, ['date_add_ASC', 'id_ASC'], 3],
      // Two orders of 10:00:00 were read: ask for two more rows to get three new ones.
      [{ date_add: { between: [crowded, PERIOD.to] } }, ['date_add_ASC', 'id_ASC'], 5],
      // A page's worth read in that second: the rest of it by id, a page at a time.
      [{ date_add: { between: [crowded, crowded] }, id: { greaterThan: 5 } }, ['id_ASC'], 3],
      // Then from the next second on.
      [{ date_add: { between: ['2026-10-01 10:00:01', PERIOD.to] } }, ['date_add_ASC', 'id_ASC'], 3],
    ]);
  });

  it('ends and reads each of 250 orders of one second exactly once, in pages of at most twice the page size', async () => {
    const second = '2026-10-01 12:34:56';
    const records = Array.from({ length: 250 }, (_, index) => order(1000 + index, second));
    records.push(order(5000, '2026-10-01 12:34:57'));
    const shop = memoryList(records);
    const pages = await readAll(keysetPages(shop.list, 'orders', { params: {}, ...PERIOD, pageSize: 10 }));

    const ids = pages.flat();
    expect(ids).toHaveLength(251);
    expect(new Set(ids).size).toBe(251);
    expect(Math.max(...shop.calls.map((call) => call.limit?.count ?? Infinity))).toBeLessThan(20);
    expect(shop.calls.length).toBeLessThanOrEqual(28);
  });

  it('keeps the caller filters and reads a crowded second at the very end of the period', async () => {
    const last = '2026-10-01 23:59:59';
    const records = [
      ...Array.from({ length: 7 }, (_, index) => ({ ...order(index + 1, last), current_state: 2 })),
      { ...order(8, last), current_state: 6 },
    ];
    const shop = memoryList(records);
    const params = { filter: { current_state: { in: [2] } } };
    const pages = await readAll(keysetPages(shop.list, 'orders', { params, ...PERIOD, pageSize: 3 }));
    expect(pages.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(shop.calls.every((call) => call.filter?.['current_state'] !== undefined)).toBe(true);
  });
});

describe('keysetPages, at the edges', () => {
  it('reads pages of 100 by default', async () => {
    const shop = memoryList([order(1, PERIOD.from)]);
    expect(await readAll(keysetPages(shop.list, 'orders', { params: {}, ...PERIOD }))).toEqual([[1]]);
    expect(shop.calls[0]?.limit).toEqual({ offset: 0, count: 100 });
  });

  it('reads a second by id as soon as exactly a page of it has been read', async () => {
    const crowded = '2026-10-01 10:00:00';
    const records = [1, 2, 3, 4].map((id) => order(id, crowded));
    const shop = memoryList([...records, order(5, '2026-10-01 11:00:00')]);
    const pages = await readAll(keysetPages(shop.list, 'orders', { params: {}, ...PERIOD, pageSize: 3 }));
    expect(pages).toEqual([[1, 2, 3], [4], [5]]);
    expect(shop.calls.map((call) => [call.filter, call.limit?.count])).toEqual([
      [{ date_add: { between: [PERIOD.from, PERIOD.to] } }, 3],
      [{ date_add: { between: [crowded, crowded] }, id: { greaterThan: 3 } }, 3],
      [{ date_add: { between: ['2026-10-01 10:00:01', PERIOD.to] } }, 3],
    ]);
  });

  it('reads a second by id page after page, each after the last id read', async () => {
    const crowded = '2026-10-01 10:00:00';
    const shop = memoryList(Array.from({ length: 9 }, (_, index) => order(index + 1, crowded)));
    const pages = await readAll(keysetPages(shop.list, 'orders', { params: {}, ...PERIOD, pageSize: 3 }));
    expect(pages).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(shop.calls.map((call) => call.filter?.['id'])).toEqual([
      undefined,
      { greaterThan: 3 },
      { greaterThan: 6 },
      { greaterThan: 9 },
      undefined,
    ]);
  });

  it('yields no empty page when the last page holds only orders already read', async () => {
    const later = '2026-10-01 12:00:00';
    const shop = memoryList([order(1, '2026-10-01 11:00:00'), order(2, later), order(3, later)]);
    const pages = await readAll(keysetPages(shop.list, 'orders', { params: {}, ...PERIOD, pageSize: 3 }));
    expect(pages).toEqual([[1, 2, 3]]);
    expect(shop.calls.map((call) => [call.filter, call.limit?.count])).toEqual([
      [{ date_add: { between: [PERIOD.from, PERIOD.to] } }, 3],
      [{ date_add: { between: [later, PERIOD.to] } }, 5],
    ]);
  });

  it('keeps an order of an earlier second that comes back at a later one (changed during the read)', async () => {
    const records = [
      order(1, '2026-10-01 09:00:00'),
      order(2, '2026-10-01 10:00:00'),
      order(3, '2026-10-01 10:00:00'),
    ];
    let reads = 0;
    const list: ListReader = (resource, params) => {
      reads += 1;
      // Order 1 is re-dated to 10:00:00 between the first and second pages: read again, it is fresh.
      const rows = reads === 1 ? records : [order(1, '2026-10-01 10:00:00'), ...records.slice(1)];
      return memoryList(rows).list(resource, params);
    };
    const pages = await readAll(keysetPages(list, 'orders', { params: {}, ...PERIOD, pageSize: 3 }));
    expect(pages).toEqual([[1, 2, 3], [1]]);
  });

  it('keeps an order read at an earlier second when it comes back at a later one', async () => {
    const records = [
      order(1, '2026-10-01 10:00:00'),
      order(2, '2026-10-01 10:00:00'),
      order(3, '2026-10-01 11:00:00'),
      order(4, '2026-10-01 11:00:00'),
    ];
    let reads = 0;
    const list: ListReader = (resource, params) => {
      reads += 1;
      // Order 3, read at 11:00:00 on the first page, is re-dated to 12:00:00 before the second: it is
      // no longer the order already read at 11:00:00, so it is read again, as changed.
      const rows =
        reads === 1 ? records : [...records.slice(0, 2), order(3, '2026-10-01 12:00:00'), records[3]!];
      return memoryList(rows).list(resource, params);
    };
    const pages = await readAll(keysetPages(list, 'orders', { params: {}, ...PERIOD, pageSize: 3 }));
    expect(pages).toEqual([
      [1, 2, 3],
      [4, 3],
    ]);
  });

  it('keeps the orders already read at a second when a full page ends at that same second', async () => {
    const crowded = '2026-10-01 10:00:00';
    const invoiced = (id: number, invoice_date: string): RawRecord => ({ id, invoice_date });
    let reads = 0;
    const list: ListReader = (resource, params) => {
      reads += 1;
      // Between the first and second pages, a back-office mass change invoices orders 1 to 4 at the
      // second 5 and 6 were invoiced at (PrestaShop's "no invoice" date is 0000-00-00 00:00:00): the
      // second page, full at that second, no longer holds order 6, read on the first.
      const moved = reads === 1 ? '0000-00-00 00:00:00' : crowded;
      const rows = [
        invoiced(9, '2026-10-01 09:00:00'),
        ...[1, 2, 3, 4].map((id) => invoiced(id, moved)),
        invoiced(5, crowded),
        invoiced(6, crowded),
      ];
      return memoryList(rows).list(resource, params);
    };
    const pages = await readAll(
      keysetPages(list, 'orders', { params: {}, ...PERIOD, dateField: 'invoice_date', pageSize: 3 }),
    );
    // Each order once: 6 is not read again by id after 5.
    expect(pages).toEqual([
      [9, 5, 6],
      [1, 2, 3, 4],
    ]);
  });

  it('names the list and its date in the error of an unreadable date met in a crowded second', async () => {
    // Without its seconds, the date passes the period's filter but cannot be moved to the next second.
    const shop = memoryList([1, 2, 3].map((id) => order(id, '2026-10-01 10:00')));
    const read = readAll(keysetPages(shop.list, 'orders', { params: {}, ...PERIOD, pageSize: 3 }));
    await expect(read).rejects.toThrow(
      'une réponse illisible pour orders (date_add) (date illisible « 2026-10-01 10:00 »)',
    );
  });

  it('does not read a second by id when fewer orders than a page share it', async () => {
    const shop = memoryList([
      order(1, '2026-10-01 10:00:00'),
      order(2, '2026-10-01 10:00:00'),
      order(3, '2026-10-01 11:00:00'),
    ]);
    await readAll(keysetPages(shop.list, 'orders', { params: {}, ...PERIOD, pageSize: 3 }));
    expect(shop.calls.every((call) => call.filter?.['id'] === undefined)).toBe(true);
  });
});

describe('offsetPages', () => {
  it('stops on the first short page, and on an empty one after a full one', async () => {
    const records = Array.from({ length: 6 }, (_, index) => order(index + 1, PERIOD.from));
    const short = memoryList(records.slice(0, 5));
    expect(await readAll(offsetPages(short.list, 'orders', {}, 3))).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(short.calls).toHaveLength(2);
    const exact = memoryList(records);
    expect(await readAll(offsetPages(exact.list, 'orders', {}, 3))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(exact.calls.map((call) => call.limit)).toEqual([
      { offset: 0, count: 3 },
      { offset: 3, count: 3 },
      { offset: 6, count: 3 },
    ]);
  });
});

describe('offsetPages by default', () => {
  it('reads pages of 100', async () => {
    const shop = memoryList([order(1, PERIOD.from)]);
    expect(await readAll(offsetPages(shop.list, 'orders', {}))).toEqual([[1]]);
    expect(shop.calls.map((call) => call.limit)).toEqual([{ offset: 0, count: 100 }]);
  });

  it('yields no empty page', async () => {
    const shop = memoryList([]);
    expect(await readAll(offsetPages(shop.list, 'orders', {}, 3))).toEqual([]);
  });
});

describe('secondAfter', () => {
  it('moves to the next second across minutes, days and years', () => {
    expect(secondAfter('2026-10-01 10:00:00', 'orders')).toBe('2026-10-01 10:00:01');
    expect(secondAfter('2026-02-28 23:59:59', 'orders')).toBe('2026-03-01 00:00:00');
    expect(secondAfter('2026-12-31 23:59:59', 'orders')).toBe('2027-01-01 00:00:00');
  });

  it('refuses a date PrestaShop would not send, as a malformed answer', () => {
    expect(() => secondAfter('x2026-10-01 10:00:00', 'w')).toThrow('date illisible « x2026-10-01 10:00:00 »');
    expect(() => secondAfter('2026-10-01 10:00:00x', 'w')).toThrow(WebserviceFailure);
    expect(() => secondAfter('2026-10-01 10:00:00', 'w')).not.toThrow();
    expect(() => secondAfter('01/10/2026', 'orders (date_add)')).toThrow(WebserviceFailure);
    let thrown: unknown;
    try {
      secondAfter('2026-10-01T10:00:00', 'orders (date_add)');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'malformed-answer' });
  });
});
