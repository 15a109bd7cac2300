import { describe, expect, it } from 'vitest';
import { formatWall } from './data/local-time.js';
import { generateOrders } from './generator.js';
import { answerList, indexPlan, scanList } from './list-answer.js';
import { createPrng } from './prng.js';
import { parseListQuery } from './query-language.js';
import { schemaOf } from './shapes/resources.js';
import { createSources, type Entry, type Source } from './sources.js';

const NOW = new Date('2026-11-27T09:52:00Z');
const schema = schemaOf('8', 'orders');

/** A generated shop whose orders then changed state at random moments, so date_upd is out of id order. */
function shop(count: number): ReturnType<typeof generateOrders> {
  const data = generateOrders({ seed: 5, count, now: NOW });
  const random = createPrng(9);
  const ids = [...data.orders()].map((order) => order.id);
  for (let i = 0; i < count / 5; i += 1) {
    const id = ids[Math.floor(random() * ids.length)] as number;
    const date = formatWall(data.nowWall() - Math.floor(random() * 40 * 86_400_000));
    data.setOrderState(id, 1 + Math.floor(random() * 13), { date });
  }
  return data;
}

const idsOf = (entries: readonly Entry[]): number[] => entries.map((entry) => entry.id);

function ordersSource(data: ReturnType<typeof generateOrders>): Source {
  const source = createSources(data).get('orders');
  if (!source) throw new Error('no orders source');
  return source;
}

/** A random query of the kinds navette sends and of others the index must not get wrong. */
function randomQuery(random: () => number, dates: readonly string[]): URLSearchParams {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const date = (): string => pick(dates);
  const params = new URLSearchParams({ date: '1' });
  const field = pick(['date_add', 'date_upd']);
  const sort = pick([
    '',
    '[id_ASC]',
    `[${field}_ASC]`,
    `[${field}_ASC,id_ASC]`,
    `[${field}_DESC]`,
    `[${field}_ASC,id_DESC]`,
    '[reference_ASC]',
    '[current_state_ASC,id_ASC]',
  ]);
  if (sort) params.set('sort', sort);
  if (random() < 0.7) {
    const states = [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 12) }, () => 1 + Math.floor(random() * 13))),
    ];
    params.set('filter[current_state]', `[${states.join('|')}]`);
  }
  const [low, high] = [date(), date()].sort() as [string, string];
  const range = pick(['between', 'gt', 'lt', 'eq', 'like', 'none', 'between']);
  if (range === 'between') params.set(`filter[${field}]`, `[${low},${high}]`);
  else if (range === 'gt') params.set(`filter[${field}]`, `>[${low}]`);
  else if (range === 'lt') params.set(`filter[${field}]`, `<[${high}]`);
  else if (range === 'eq') params.set(`filter[${field}]`, `[${low}]`);
  else if (range === 'like') params.set(`filter[${field}]`, `[${low.slice(0, 10)}]%`);
  const idFilter = pick(['none', 'none', 'none', 'between', 'gt', 'lt', 'text', 'in']);
  if (idFilter === 'between')
    params.set('filter[id]', `[${Math.floor(random() * 500)},${Math.floor(random() * 3000)}]`);
  else if (idFilter === 'gt') params.set('filter[id]', `>[${Math.floor(random() * 2000)}]`);
  else if (idFilter === 'lt') params.set('filter[id]', `<[${Math.floor(random() * 2000)}]`);
  else if (idFilter === 'text') params.set('filter[id]', '>[abc]');
  else if (idFilter === 'in')
    params.set(
      'filter[id]',
      `[${Math.floor(random() * 900)}|abc|${Math.floor(random() * 900)}|${Math.floor(random() * 900)}]`,
    );
  const limit = pick(['', '0,100', '0,100', '0,7', '35,20', '0,0', '3']);
  if (limit) params.set('limit', limit);
  return params;
}

describe('a list answered from an index', () => {
  const data = shop(1500);
  const source = ordersSource(data);
  const dates = [...data.orders()].flatMap((order) => [order.dateAdd, order.dateUpd]);

  it('gives the same answers as a scan of every order, on 400 random queries', () => {
    const random = createPrng(21);
    let indexed = 0;
    for (let i = 0; i < 400; i += 1) {
      const params = randomQuery(random, dates);
      const query = parseListQuery(params, schema, '8');
      const shops = [[1], [2], [1, 2]][i % 3] as number[];
      if (indexPlan(query)) indexed += 1;
      expect(idsOf(answerList(source, query, schema, shops)), params.toString()).toEqual(
        idsOf(scanList(source, query, schema, shops)),
      );
    }
    // Both paths were exercised.
    expect(indexed).toBeGreaterThan(100);
    expect(indexed).toBeLessThan(400);
  });

  it('pages through a period by (date_upd, id) as navette does, every order once', () => {
    const from = '2026-10-01 00:00:00';
    const to = '2026-11-20 23:59:59';
    const expected = [...data.orders()]
      .filter((order) => order.dateUpd >= from && order.dateUpd <= to && order.currentState !== 6)
      .sort((a, b) => (a.dateUpd < b.dateUpd ? -1 : a.dateUpd > b.dateUpd ? 1 : a.id - b.id))
      .map((order) => order.id);
    const states = '[1|2|3|4|5|7|8|9|10|11|12|13]';
    const seen: number[] = [];
    let lower = from;
    let atLower = new Set<number>();
    for (let page = 0; page < 100; page += 1) {
      const count = 50 + atLower.size;
      const params = new URLSearchParams({
        'filter[current_state]': states,
        'filter[date_upd]': `[${lower},${to}]`,
        sort: '[date_upd_ASC,id_ASC]',
        date: '1',
        limit: `0,${count}`,
      });
      const entries = answerList(source, parseListQuery(params, schema, '8'), schema, [1, 2]);
      for (const entry of entries)
        if (!(entry.value('date_upd') === lower && atLower.has(entry.id))) seen.push(entry.id);
      if (entries.length < count) break;
      const last = String(entries[entries.length - 1]?.value('date_upd'));
      if (last !== lower) [lower, atLower] = [last, new Set()];
      for (const entry of entries) if (entry.value('date_upd') === lower) atLower.add(entry.id);
    }
    expect(seen).toEqual(expected);
  });

  it('looks at about one page of orders for a page, not at every order', () => {
    let walked = 0;
    const counting: Source = {
      ...source,
      ordered(field, isBelow) {
        const entries = source.ordered?.(field, isBelow);
        if (!entries) return undefined;
        return (function* () {
          for (const entry of entries) {
            walked += 1;
            yield entry;
          }
        })();
      },
    };
    const middle = [...dates].sort()[dates.length / 2] as string;
    const params = new URLSearchParams({
      'filter[current_state]': '[1|2|3|4|5|6|7|8|9|10|11|12|13]',
      'filter[date_add]': `[${middle},2026-12-31 23:59:59]`,
      sort: '[date_add_ASC,id_ASC]',
      date: '1',
      limit: '0,100',
    });
    const page = answerList(counting, parseListQuery(params, schema, '8'), schema, [1, 2]);
    expect(page).toHaveLength(100);
    expect(walked).toBe(100);
  });

  it('falls back to the scan when an order shows a corrupted date on the wire', () => {
    const corrupted = shop(200);
    const corruptedSource = ordersSource(corrupted);
    const first = [...corrupted.orders()][3];
    if (!first) throw new Error('no order');
    corrupted.corruptOrder(first.id, 'date_upd', '2099-01-01 00:00:00');
    const query = parseListQuery(
      new URLSearchParams({ sort: '[date_upd_ASC,id_ASC]', date: '1', limit: '0,300' }),
      schema,
      '8',
    );
    expect(corruptedSource.ordered?.('date_upd', () => false)).toBeUndefined();
    const answer = idsOf(answerList(corruptedSource, query, schema, [1, 2]));
    expect(answer).toEqual(idsOf(scanList(corruptedSource, query, schema, [1, 2])));
    expect(answer.at(-1)).toBe(first.id);
  });
});

describe('a related look-up (an OR-list of ids, as navette sends for a page of orders)', () => {
  const data = generateOrders({ seed: 8, count: 300, now: NOW });
  const orderIds = [...data.orders()].map((order) => order.id);
  const random = createPrng(4);
  for (let i = 0; i < 120; i += 1)
    data.addCustomerMessage(orderIds[Math.floor(random() * orderIds.length)] as number, `message ${i}`);
  const sources = createSources(data);
  const cases = [
    { resource: 'customers', field: 'id', shops: [1] },
    { resource: 'addresses', field: 'id', shops: [1, 2] },
    { resource: 'customer_threads', field: 'id_order', shops: [1, 2] },
    { resource: 'customer_threads', field: 'id', shops: [1, 2] },
    { resource: 'customer_messages', field: 'id_customer_thread', shops: [1, 2] },
  ] as const;

  for (const { resource, field, shops } of cases) {
    it(`reads ${resource} by ${field} as a scan of the whole table would`, () => {
      const source = sources.get(resource);
      if (!source) throw new Error(`no ${resource}`);
      const everyRow: Source = { ...source, scan: () => source.scan(new Map()) };
      const schemaOfResource = schemaOf('8', resource);
      const pick = createPrng(resource.length + field.length);
      let found = 0;
      for (let i = 0; i < 60; i += 1) {
        // Ids out of range, duplicated, written as decimals or as text: the scan's answer all the same.
        const values = Array.from({ length: 1 + Math.floor(pick() * 40) }, () => {
          const id = Math.floor(pick() * 700);
          return [String(id), String(id), `${id}.0`, 'abc', ` ${id}`][Math.floor(pick() * 5)] as string;
        });
        const params = new URLSearchParams({
          display: 'full',
          [`filter[${field}]`]: `[${values.join('|')}]`,
        });
        if (i % 4 === 0) params.set('limit', '0,5');
        const query = parseListQuery(params, schemaOfResource, '8');
        const answer = idsOf(scanList(source, query, schemaOfResource, shops));
        expect(answer, params.toString()).toEqual(idsOf(scanList(everyRow, query, schemaOfResource, shops)));
        found += answer.length;
      }
      expect(found).toBeGreaterThan(20);
    });
  }

  it('reads only the rows asked, not every row of the table', () => {
    const source = sources.get('customers');
    if (!source) throw new Error('no customers');
    const rows = [...source.scan(new Map([['id', ['3', '1', '3', '999999']]]))];
    expect(idsOf(rows)).toEqual([1, 3]);
  });
});
