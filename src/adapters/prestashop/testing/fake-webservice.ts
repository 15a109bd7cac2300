import { xmlToPlain } from '../xml.js';
import { fixtureText, jsonRecords } from './recorded-fixtures.js';

type Row = Record<string, unknown>;

/**
 * A small in-memory PrestaShop 8.1.2 webservice over the recorded records, for the adapter's tests:
 * display, filters (`[a|b]`, `[a,b]`, `>[a]`, `<[a]`), sort, limit, `id_shop`, `date=1`, Basic or `ws_key`
 * authentication, POST order_histories and PUT order_carriers. Answers JSON like the real one (`[]` for
 * an empty list). The demo shop (src/demo-shop) is the full simulator; this one only knows the fixtures.
 */
export interface FakeWebservice {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly tables: Record<string, Row[]>;
  readonly calls: { method: string; url: string }[];
  /** Runs before each answer (to change data during a read, or to answer instead). */
  beforeAnswer?: (request: { method: string; url: URL; index: number }) => Response | undefined;
}

export const FAKE_KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456';
export const FAKE_URL = 'https://boutique.example';

const RESTRICTED_BY_SHOP = new Set(['orders', 'customers']);
const TABLE_FILES: Record<string, string> = {
  orders: '07_orders_full_all_shops.json',
  order_details: '18_order_details_selected.json',
  customers: '38_customers_full_all_shops.json',
  addresses: '40_addresses_full.json',
  order_payments: '25_order_payments_full.json',
  order_carriers: '27_order_carriers_full.json',
  order_cart_rules: '29_order_cart_rules_full.json',
  order_states: '23_order_states_full.json',
  order_histories: '22_order_histories_full.json',
  currencies: '46_currencies_full.json',
  carriers: '44_carriers_full.json',
  countries: '48_countries_selected.json',
  taxes: '50_taxes_full.json',
  shops: '56_shops_full.json',
  languages: '54_languages_full.json',
  customer_threads: '42_customer_threads_full.json',
  customer_messages: '43_customer_messages_full.json',
  states: '',
};

export function createFakeWebservice(options: { stripAuthorization?: boolean } = {}): FakeWebservice {
  const tables: Record<string, Row[]> = {};
  for (const [name, file] of Object.entries(TABLE_FILES))
    tables[name] = file ? structuredClone(jsonRecords(file)) : [];
  const calls: { method: string; url: string }[] = [];
  const fake: FakeWebservice = {
    tables,
    calls,
    fetch: async (url, init) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url });
      const parsed = new URL(url);
      const override = fake.beforeAnswer?.({ method, url: parsed, index: calls.length - 1 });
      if (override) return override;
      const headers = new Headers(init.headers);
      const basic = options.stripAuthorization ? null : headers.get('authorization');
      const key = basic
        ? Buffer.from(basic.replace(/^Basic /, ''), 'base64')
            .toString()
            .replace(/:$/, '')
        : parsed.searchParams.get('ws_key');
      if (key === null)
        return new Response('401 Unauthorized', { status: 401, headers: { 'content-type': 'text/html' } });
      if (key !== FAKE_KEY)
        return json(
          401,
          errors(
            [20, 'Authentification key is not active'],
            [21, 'No permission for this authentication key'],
          ),
        );
      const path = parsed.pathname.replace(/^\/api\/?/, '');
      if (path === '')
        return new Response(fixtureText('8.1.2/01_api_root.xml'), {
          status: 200,
          headers: psHeaders('text/xml'),
        });
      const [resource = '', idText] = path.split('/');
      const table = tables[resource];
      if (!table)
        return json(
          401,
          errors([26, `Resource of type "${resource}" is not allowed with this authentication key`]),
        );
      const body = typeof init.body === 'string' ? init.body : '';
      if (method === 'POST' && resource === 'order_histories') return postHistory(tables, body);
      if (method === 'PUT' && resource === 'order_carriers')
        return putRecord(table, Number(idText), body, 'order_carrier');
      if (method === 'PATCH' && resource === 'order_carriers')
        return putRecord(table, Number(idText), body, 'order_carrier', { partial: true });
      if (method !== 'GET') return new Response('', { status: 405, headers: psHeaders('text/html') });
      if (idText !== undefined && idText !== '') {
        const row = table.find((candidate) => Number(candidate['id']) === Number(idText));
        return row
          ? json(200, { [singular(resource)]: row })
          : new Response('', { status: 404, headers: psHeaders('text/html') });
      }
      return list(resource, table, parsed.searchParams);
    },
  };
  return fake;
}

function list(resource: string, table: Row[], params: URLSearchParams): Response {
  let rows = table;
  const shop = params.get('id_shop');
  if (RESTRICTED_BY_SHOP.has(resource) && shop !== 'all')
    rows = rows.filter((row) => Number(row['id_shop']) === Number(shop ?? 1));
  for (const [name, value] of params) {
    const field = /^filter\[(\w+)\]$/.exec(name)?.[1];
    if (!field) continue;
    if ((field === 'date_add' || field === 'date_upd') && params.get('date') !== '1') {
      return json(500, errors([32, 'This filter does not exist.']));
    }
    rows = rows.filter((row) => matches(text(row[field]), value));
  }
  const sort = params.get('sort');
  if (sort) {
    const keys = sort
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((key) => /^(\w+?)_(ASC|DESC)$/.exec(key))
      .flatMap((match) => (match?.[1] && match[2] ? [{ field: match[1], desc: match[2] === 'DESC' }] : []));
    rows = [...rows].sort((a, b) => {
      for (const { field, desc } of keys) {
        const order = compare(a[field], b[field]);
        if (order !== 0) return desc ? -order : order;
      }
      return 0;
    });
  }
  const limit = params.get('limit');
  if (limit) {
    const [offset = 0, count = 0] = limit.split(',').map(Number);
    rows = rows.slice(offset, offset + count);
  }
  const display = params.get('display');
  if (display && display !== 'full') {
    const fields = display.replace(/^\[|\]$/g, '').split(',');
    rows = rows.map((row) => Object.fromEntries(fields.map((field) => [field, row[field]])));
  } else if (!display) {
    rows = rows.map((row) => ({ id: row['id'] }));
  }
  return json(200, rows.length === 0 ? [] : { [resource]: rows });
}

function matches(actual: string, filter: string): boolean {
  const bound = /^([<>])\[(.*)\]$/.exec(filter);
  if (bound) return bound[1] === '>' ? compare(actual, bound[2]) > 0 : compare(actual, bound[2]) < 0;
  const inList = /^\[([^,]*)\]$/.exec(filter);
  if (inList) return (inList[1] ?? '').split('|').includes(actual);
  const interval = /^\[(.*),(.*)\]$/.exec(filter);
  if (interval) return compare(actual, interval[1]) >= 0 && compare(actual, interval[2]) <= 0;
  return actual === filter;
}

function compare(a: unknown, b: unknown): number {
  const [x, y] = [text(a), text(b)];
  if (/^-?\d+(\.\d+)?$/.test(x) && /^-?\d+(\.\d+)?$/.test(y)) return Number(x) - Number(y);
  return x < y ? -1 : x > y ? 1 : 0;
}

function postHistory(tables: Record<string, Row[]>, body: string): Response {
  const record = (xmlToPlain(body)['order_history'] ?? {}) as Row;
  const histories = tables['order_histories'] ?? [];
  const id = Math.max(0, ...histories.map((row) => Number(row['id']))) + 1;
  const created = {
    id,
    id_employee: 0,
    id_order_state: Number(record['id_order_state']),
    id_order: Number(record['id_order']),
    date_add: '2026-11-27 10:52:50',
  };
  histories.push(created);
  const order = tables['orders']?.find((row) => Number(row['id']) === created.id_order);
  if (order) order['current_state'] = created.id_order_state;
  return json(201, { order_history: created });
}

function putRecord(
  table: Row[],
  id: number,
  body: string,
  name: string,
  options: { partial?: boolean } = {},
): Response {
  const fields = (xmlToPlain(body)[name] ?? {}) as Row;
  const index = table.findIndex((row) => Number(row['id']) === id);
  if (index < 0) return new Response('', { status: 404, headers: psHeaders('text/html') });
  // Like PrestaShop: PUT takes every field from the body (an omitted one would be emptied); PATCH only
  // the fields sent.
  const record = options.partial ? { ...table[index], ...fields } : fields;
  table[index] = record;
  return json(200, {
    [name]: Object.fromEntries(Object.entries(record).map(([key, value]) => [key, String(value)])),
  });
}

function singular(resource: string): string {
  return resource
    .replace(/ies$/, 'y')
    .replace(/(sses|xes)$/, (end) => end.slice(0, -2))
    .replace(/s$/, '');
}

function errors(...entries: [number, string][]) {
  return { errors: entries.map(([code, message]) => ({ code, message })) };
}

export function psHeaders(contentType: string): Headers {
  return new Headers({
    'content-type': contentType,
    'psws-version': '8.1.2',
    'x-powered-by': 'PrestaShop Webservice',
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: psHeaders('application/json') });
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
