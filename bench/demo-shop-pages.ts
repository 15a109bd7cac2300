/**
 * Benchmark "the demo shop answers a page without scanning every order" (issue 9): on a generated shop of
 * 100,000 orders, the time the demo shop takes to answer 100 successive pages of the list queries navette
 * sends — keyset paging on (date, id) over a period, filtered by state, every shop, JSON — so that the
 * import benchmarks measure navette and not the simulator.
 *
 *   node dist/bench/bench/demo-shop-pages.js [orders=100000] [pages=100] [pageSize=100] [readings=add,upd,slim,related]
 *
 * The shop runs in this process with no latency; each page is one in-process `fetch` through the whole
 * webservice app (authentication, query parsing, listing, JSON rendering), timed from request to the
 * last byte of the body. Four readings, one shop:
 *  1. by order date (`date_add`), `display=full`: navette's import of a period;
 *  2. by change date (`date_upd`), `display=full`: navette's import by last change;
 *  3. by change date with a slim `display=[…]`: the page navette decides from;
 *  4. the look-ups by id list navette sends for a batch of orders read whole (`order-page-reader.ts`):
 *     customers and addresses by `id`, customer threads by `id_order`, timed together for each batch.
 */
import { createDemoShop } from '../src/demo-shop/index.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { DEMO_NOW, PERIOD, SEED } from './lib/setup.js';

const total = Number(process.argv[2] ?? 100_000);
const pageCount = Number(process.argv[3] ?? 100);
const pageSize = Number(process.argv[4] ?? 100);
const chosen = new Set((process.argv[5] ?? 'add,upd,slim,related').split(','));

interface Reading {
  readonly name: string;
  readonly pages: number;
  readonly orders: number;
  readonly totalMs: number;
  readonly meanMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

const machine = describeMachine();
const generationStarted = performance.now();
const shop = createDemoShop({ now: DEMO_NOW, generated: { seed: SEED, count: total } });
const generationMs = performance.now() - generationStarted;
const authorization = `Basic ${Buffer.from(`${shop.key}:`).toString('base64')}`;
const stateIds = [...shop.data.table('order_states').keys()];
const from = `${PERIOD.from} 00:00:00`;
const to = `${PERIOD.to} 23:59:59`;

/** The query string navette's keyset paging sends for one page (see the PrestaShop client). */
function pageUrl(dateField: string, lowerDate: string, count: number, display: string): string {
  const query = new URLSearchParams({
    display,
    [`filter[current_state]`]: `[${stateIds.join('|')}]`,
    [`filter[${dateField}]`]: `[${lowerDate},${to}]`,
    sort: `[${dateField}_ASC,id_ASC]`,
    date: '1',
    limit: `0,${count}`,
    id_shop: 'all',
    output_format: 'JSON',
  });
  return `${shop.url}/api/orders?${query.toString()}`;
}

async function timedGet(path: string, query: Record<string, string>): Promise<number> {
  const url = `${shop.url}/api/${path}?${new URLSearchParams({ ...query, output_format: 'JSON' }).toString()}`;
  const started = performance.now();
  const response = await shop.fetch(url, { headers: { Authorization: authorization } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${body.slice(0, 200)}`);
  return performance.now() - started;
}

/**
 * `pageCount` batches of `pageSize` orders spread over the whole shop, and for each the related look-ups
 * navette sends by id list: the time of the three together is the batch's.
 */
async function readRelated(name: string): Promise<Reading> {
  const all = [...shop.data.orders()];
  const step = Math.max(1, Math.floor(all.length / pageCount));
  const times: number[] = [];
  let orders = 0;
  for (let start = 0; start + pageSize <= all.length && times.length < pageCount; start += step) {
    const batch = all.slice(start, start + pageSize);
    const list = (ids: readonly number[]) => `[${[...new Set(ids)].join('|')}]`;
    const full = { display: 'full', id_shop: 'all' };
    times.push(
      (await timedGet('customers', { ...full, 'filter[id]': list(batch.map((o) => o.customerId)) })) +
        (await timedGet('addresses', {
          ...full,
          'filter[id]': list(batch.flatMap((o) => [o.addressDeliveryId, o.addressInvoiceId])),
        })) +
        (await timedGet('customer_threads', { ...full, 'filter[id_order]': list(batch.map((o) => o.id)) })),
    );
    orders += batch.length;
  }
  return summarise(name, times, orders);
}

/** `pageCount` successive keyset pages, as the client walks them: the next page starts at the last date. */
async function readPages(name: string, dateField: string, display: string): Promise<Reading> {
  const times: number[] = [];
  let orders = 0;
  let lowerDate = from;
  let seenAtLowerDate = new Set<number>();
  for (let page = 0; page < pageCount; page += 1) {
    const count = pageSize + seenAtLowerDate.size;
    const started = performance.now();
    const response = await shop.fetch(pageUrl(dateField, lowerDate, count, display), {
      headers: { Authorization: authorization },
    });
    const body = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200)
      throw new Error(`page ${page}: HTTP ${response.status} ${body.slice(0, 200)}`);
    const records = (JSON.parse(body) as { orders?: Record<string, unknown>[] }).orders ?? [];
    const fresh = records.filter(
      (record) => !(record[dateField] === lowerDate && seenAtLowerDate.has(Number(record['id']))),
    );
    orders += fresh.length;
    if (records.length < count) break;
    const lastValue = records[records.length - 1]?.[dateField];
    const lastDate = typeof lastValue === 'string' ? lastValue : lowerDate;
    if (lastDate !== lowerDate) {
      lowerDate = lastDate;
      seenAtLowerDate = new Set();
    }
    for (const record of records)
      if (record[dateField] === lowerDate) seenAtLowerDate.add(Number(record['id']));
  }
  return summarise(name, times, orders);
}

function summarise(name: string, times: readonly number[], orders: number): Reading {
  const sorted = [...times].sort((a, b) => a - b);
  const totalMs = times.reduce((a, b) => a + b, 0);
  return {
    name,
    pages: times.length,
    orders,
    totalMs: Math.round(totalMs),
    meanMs: round1(totalMs / times.length),
    medianMs: round1(sorted[Math.floor(sorted.length / 2)] ?? 0),
    maxMs: round1(sorted[sorted.length - 1] ?? 0),
  };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

const SLIM = '[id,id_shop,reference,current_state,date_add,date_upd]';
const readings: Reading[] = [];
if (chosen.has('add')) readings.push(await readPages('by date_add, display=full', 'date_add', 'full'));
if (chosen.has('upd')) readings.push(await readPages('by date_upd, display=full', 'date_upd', 'full'));
if (chosen.has('slim')) readings.push(await readPages('by date_upd, slim display', 'date_upd', SLIM));
if (chosen.has('related')) readings.push(await readRelated('related look-ups by id'));

console.log(machineLine(machine));
console.log(
  `demo shop of ${total.toLocaleString('en')} generated orders, built in ${(generationMs / 1000).toFixed(1)} s; ` +
    `${pageCount} pages of ${pageSize}, no latency`,
);
for (const r of readings)
  console.log(
    `  ${r.name.padEnd(28)} ${r.pages} pages, ${r.orders} orders: ${r.totalMs} ms ` +
      `(mean ${r.meanMs} ms, median ${r.medianMs} ms, max ${r.maxMs} ms a page)`,
  );
console.log(
  JSON.stringify({ machine, total, pageCount, pageSize, generationMs: Math.round(generationMs), readings }),
);
