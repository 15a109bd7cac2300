import { describe, expect, it } from 'vitest';

import { WebserviceFailure } from './errors.js';
import { redactUrl } from './redact-url.js';
import { FakeClock } from './testing/fake-clock.js';
import { psHeaders } from './testing/fake-webservice.js';
import { recordedAnswer, toResponse } from './testing/recorded-fixtures.js';
import type { FetchLike } from '../http/fetch-like.js';
import { MAX_URL_LENGTH, WebserviceClient } from './webservice-client.js';
import { readQuery } from './webservice-dialect.js';

const KEY = 'SECRETKEY0123456789ABCDEFGHIJKLM';
const URL_BASE = 'https://boutique.example';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a script, one step per call; the last step repeats. */
function scripted(...steps: (() => Response | Promise<Response>)[]): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      const step = steps[Math.min(calls.length - 1, steps.length - 1)];
      if (!step) throw new Error('no step');
      return step();
    },
  };
}

const recorded = (file: string) => () => toResponse(recordedAnswer(file));
const ok = (body: unknown) => () =>
  new Response(JSON.stringify(body), { status: 200, headers: psHeaders('application/json') });

function client(fetch: FetchLike, clock = new FakeClock()) {
  return new WebserviceClient({ url: `${URL_BASE}/api/`, key: KEY, fetch, clock, random: () => 0.5 });
}

async function failure(promise: Promise<unknown>): Promise<WebserviceFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebserviceFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('WebserviceClient against recorded 8.1.2 answers', () => {
  it('authenticates with the key as Basic user name and an empty password, and reads JSON', async () => {
    const shop = scripted(recorded('07_orders_full_all_shops.json'));
    const orders = await client(shop.fetch).list('orders', { display: 'full', shop: 'all' });
    expect(orders).toHaveLength(18);
    const headers = new Headers(shop.calls[0]?.init.headers);
    expect(headers.get('authorization')).toBe(`Basic ${Buffer.from(`${KEY}:`).toString('base64')}`);
    const url = new URL(shop.calls[0]?.url ?? '');
    expect(url.pathname).toBe('/api/orders');
    expect(url.searchParams.get('output_format')).toBe('JSON');
    expect(url.searchParams.get('id_shop')).toBe('all');
    expect(url.searchParams.has('ws_key')).toBe(false);
  });

  it('reads the XML answer when the shop sends XML', async () => {
    const shop = scripted(recorded('08_orders_full_all_shops.xml'));
    const c = client(shop.fetch);
    const orders = await c.list('orders', { display: 'full', shop: 'all' });
    expect(orders).toHaveLength(18);
    expect(c.version).toBe('8.1.2');
  });

  it('falls back to ws_key when a plain 401 says the Authorization header never arrived, and keeps it', async () => {
    const shop = scripted(recorded('66_error_no_credentials_401.txt'), ok({ orders: [{ id: 1 }] }), ok([]));
    const c = client(shop.fetch);
    expect(await c.list('orders')).toEqual([{ id: 1 }]);
    expect(await c.list('orders')).toEqual([]);
    expect(c.usesQueryKey).toBe(true);
    expect(shop.calls).toHaveLength(3);
    expect(new URL(shop.calls[1]?.url ?? '').searchParams.get('ws_key')).toBe(KEY);
    expect(new URL(shop.calls[2]?.url ?? '').searchParams.get('ws_key')).toBe(KEY);
    expect(new Headers(shop.calls[2]?.init.headers).has('authorization')).toBe(false);
  });

  it('reports a missing key when the ws_key form is refused too', async () => {
    const shop = scripted(recorded('66_error_no_credentials_401.txt'));
    const error = await failure(client(shop.fetch).list('orders'));
    expect(error.code).toBe('key-missing');
    expect(shop.calls).toHaveLength(2);
  });

  it.each(['67_error_bad_key_401.json', '68_error_bad_key_401.xml'])(
    'reports a wrong key (%s) without retrying',
    async (file) => {
      const shop = scripted(recorded(file));
      const error = await failure(client(shop.fetch).list('orders'));
      expect(error.code).toBe('key-invalid');
      expect(error.message).toContain('Webservice');
      expect(shop.calls).toHaveLength(1);
    },
  );

  it.each(['69_error_resource_not_allowed_401.json', '70_error_resource_not_allowed_401.xml'])(
    'names the resource and the method a key may not use (%s)',
    async (file) => {
      const shop = scripted(recorded(file));
      const error = await failure(client(shop.fetch).list('employees'));
      expect(error.code).toBe('permission-denied');
      expect(error.message).toContain('La clé ne peut pas lire employees : cochez GET pour employees');
    },
  );

  it.each([
    '71_error_unknown_filter_field.json',
    '72_error_unknown_filter_field.xml',
    '73_error_date_filter_without_date1.json',
    '74_error_date_filter_without_date1.xml',
  ])('recognises error 32 served as HTTP 500 (%s) and does not retry it', async (file) => {
    const shop = scripted(recorded(file));
    const error = await failure(client(shop.fetch).list('orders', { filter: { foo: { in: [1] } } }));
    expect(error.code).toBe('filter-unknown');
    expect(shop.calls).toHaveLength(1);
  });

  it.each(['75_error_order_not_found_404.json', '76_error_order_not_found_404.xml'])(
    'gives undefined for a missing record (%s: 404, empty body)',
    async (file) => {
      expect(await client(scripted(recorded(file)).fetch).get('orders', 999999)).toBeUndefined();
    },
  );

  it.each(['77_empty_list.json', '78_empty_list.xml'])('reads an empty list (%s)', async (file) => {
    expect(await client(scripted(recorded(file)).fetch).list('orders', { display: 'full' })).toEqual([]);
  });

  it('reads a single record in both formats', async () => {
    const json = await client(scripted(recorded('14_order_11.json')).fetch).get('orders', 11);
    const xml = await client(scripted(recorded('15_order_11.xml')).fetch).get('orders', 11);
    expect(json?.['reference']).toBe('FEVOAJXDR');
    expect(xml?.['reference']).toBe('FEVOAJXDR');
  });
});

describe('WebserviceClient resilience', () => {
  it('retries 503 and 429, honouring Retry-After', async () => {
    const clock = new FakeClock();
    const shop = scripted(
      () =>
        new Response('<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><title>503</title></html>', {
          status: 503,
          headers: { 'content-type': 'text/html' },
        }),
      () => new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '7' } }),
      ok({ orders: [{ id: 3 }] }),
    );
    expect(await client(shop.fetch, clock).list('orders')).toEqual([{ id: 3 }]);
    expect(shop.calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([375, 7000]);
  });

  it('gives up after 5 attempts with a server error', async () => {
    const clock = new FakeClock();
    const shop = scripted(() => new Response('Bad Gateway', { status: 502 }));
    const error = await failure(client(shop.fetch, clock).list('orders'));
    expect(error.code).toBe('server-error');
    expect(error.message).toContain('HTTP 502');
    expect(shop.calls).toHaveLength(5);
    expect(clock.sleeps).toHaveLength(4);
  });

  it('reports a disabled webservice (503 with PrestaShop body) at once', async () => {
    const body = JSON.stringify({
      errors: [{ code: 22, message: 'The PrestaShop webservice is disabled.' }],
    });
    const shop = scripted(() => new Response(body, { status: 503, headers: psHeaders('application/json') }));
    const error = await failure(client(shop.fetch).list('orders'));
    expect(error.code).toBe('webservice-disabled');
    expect(shop.calls).toHaveLength(1);
  });

  it('retries connection resets and truncated bodies', async () => {
    const shop = scripted(
      () => Promise.reject(new TypeError('fetch failed')),
      () => new Response('{"orders":[{"id":1},', { status: 200, headers: psHeaders('application/json') }),
      ok({ orders: [{ id: 1 }] }),
    );
    expect(await client(shop.fetch).list('orders')).toEqual([{ id: 1 }]);
    expect(shop.calls).toHaveLength(3);
  });

  it('times out a call that hangs, retries it, then reports a timeout', async () => {
    const clock = new FakeClock();
    clock.expireTimeouts = true;
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const error = await failure(client(hanging, clock).list('orders'));
    expect(error.code).toBe('timeout');
  });

  it('reports an unreachable shop when nothing ever answered', async () => {
    const error = await failure(
      client(() => Promise.reject(new TypeError('getaddrinfo ENOTFOUND'))).list('orders'),
    );
    expect(error.code).toBe('shop-unreachable');
    expect(error.message).toContain('https://boutique.example');
  });

  it('reports an address that is not a PrestaShop webservice', async () => {
    const page = async () =>
      new Response('<html><body>Parking</body></html>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    expect((await failure(client(page).list('orders'))).code).toBe('not-prestashop');
    const missing = async () =>
      new Response('<html>Not found</html>', { status: 404, headers: { 'content-type': 'text/html' } });
    expect((await failure(client(missing).list('orders'))).code).toBe('not-prestashop');
  });

  it('refuses XML with a DOCTYPE or entities (no entity expansion), without retrying', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><prestashop><orders>&lol2;</orders></prestashop>`;
    const shop = scripted(() => new Response(bomb, { status: 200, headers: psHeaders('text/xml') }));
    const error = await failure(client(shop.fetch).list('orders'));
    expect(error.code).toBe('malformed-answer');
    expect(error.message).toContain('DOCTYPE');
    expect(shop.calls).toHaveLength(1);
  });

  it('refuses XML with a DOCTYPE but no entities, without retrying', async () => {
    const answer = `<?xml version="1.0"?>\n<!DOCTYPE prestashop SYSTEM "https://attacker.example/x.dtd">\n<prestashop><orders></orders></prestashop>`;
    const shop = scripted(() => new Response(answer, { status: 200, headers: psHeaders('text/xml') }));
    const error = await failure(client(shop.fetch).list('orders'));
    expect(error.code).toBe('malformed-answer');
    expect(shop.calls).toHaveLength(1);
  });

  it('bounds concurrent calls (default 3) for look-ups by ids, in OR-lists as long as a URL may be', async () => {
    let active = 0;
    let peak = 0;
    const calls: string[] = [];
    const fetch: FetchLike = async (url) => {
      calls.push(url);
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return new Response('[]', { status: 200, headers: psHeaders('application/json') });
    };
    // Six-digit ids: nine characters each in the URL (`%7C` and the id), about 880 a URL.
    const ids = Array.from({ length: 4000 }, (_, index) => 100_001 + index);
    await client(fetch).listWhereIn('order_details', 'id_order', ids);
    expect(calls.length).toBeGreaterThanOrEqual(5);
    expect(calls.length).toBeLessThanOrEqual(6);
    expect(peak).toBe(3);
    expect(Math.max(...calls.map((url) => url.length))).toBeLessThanOrEqual(MAX_URL_LENGTH - 48);
    expect(Math.max(...calls.map((url) => url.length))).toBeGreaterThan(MAX_URL_LENGTH - 100);
    const asked = calls.flatMap((url) =>
      (new URL(url).searchParams.get('filter[id_order]') ?? '').replace(/^\[|\]$/g, '').split('|'),
    );
    expect(asked.map(Number)).toEqual(ids);
  });

  it('looks ids up in OR-lists that cover each id once: no duplicate, no empty value, no empty list', async () => {
    const asked: string[][] = [];
    const fetch: FetchLike = async (url) => {
      const ids = (new URL(url).searchParams.get('filter[id_order]') ?? '')
        .replace(/^\[|\]$/g, '')
        .split('|');
      asked.push(ids);
      const body = { order_details: ids.map((id) => ({ id: Number(id) * 10, id_order: Number(id) })) };
      return new Response(JSON.stringify(body), { status: 200, headers: psHeaders('application/json') });
    };
    const ids = Array.from({ length: 200 }, (_, index) => index + 1);
    const capped = new WebserviceClient({
      url: URL_BASE,
      key: KEY,
      fetch,
      clock: new FakeClock(),
      idsPerCall: 100,
    });
    const records = await capped.listWhereIn('order_details', 'id_order', [...ids, 5, '17', '']);
    // Exactly two full lists: a third, empty one would be `filter[id_order]=[]`.
    expect(asked.map((list) => list.length)).toEqual([100, 100]);
    expect(
      asked
        .flat()
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(ids);
    expect(records.map((record) => record['id_order'])).toEqual(ids);
    expect(await client(fetch).listWhereIn('order_details', 'id_order', [''])).toEqual([]);
    expect(asked).toHaveLength(2);
  });

  it('switches every call in flight to ws_key when the host strips the Authorization header', async () => {
    const calls: string[] = [];
    // Three calls leave together, the Basic way; each meets the plain 401 after the first switched.
    const fetch: FetchLike = async (url) => {
      calls.push(url);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!new URL(url).searchParams.has('ws_key'))
        return toResponse(recordedAnswer('66_error_no_credentials_401.txt'));
      return new Response('[]', { status: 200, headers: psHeaders('application/json') });
    };
    const c = client(fetch);
    const lists = await Promise.all(['orders', 'customers', 'addresses'].map((resource) => c.list(resource)));
    expect(lists).toEqual([[], [], []]);
    expect(calls).toHaveLength(6);
    expect(calls.slice(3).every((url) => new URL(url).searchParams.get('ws_key') === KEY)).toBe(true);
  });

  it('does not count the switch to ws_key as an attempt', async () => {
    const shop = scripted(
      recorded('66_error_no_credentials_401.txt'),
      () => new Response('Bad Gateway', { status: 502 }),
    );
    const error = await failure(client(shop.fetch).list('orders'));
    expect(error.code).toBe('server-error');
    expect(shop.calls).toHaveLength(1 + 5);
  });

  it('reports a cut connection as a server failure, not an unknown address, once the shop has answered', async () => {
    const shop = scripted(
      () => new Response('Service Unavailable', { status: 503 }),
      () => Promise.reject(new TypeError('socket hang up')),
    );
    const error = await failure(client(shop.fetch).list('orders'));
    expect(error.code).toBe('server-error');
    expect(error.message).toContain('la connexion a été coupée');
  });

  it('never shows the key in error messages, even in ws_key mode', async () => {
    const answers = [
      recorded('66_error_no_credentials_401.txt'),
      recorded('67_error_bad_key_401.json'),
      recorded('69_error_resource_not_allowed_401.json'),
      recorded('71_error_unknown_filter_field.json'),
      () => new Response('boom', { status: 500 }),
      () => Promise.reject(new TypeError(`connect ECONNREFUSED ${URL_BASE}/api/orders?ws_key=${KEY}`)),
    ];
    for (const answer of answers) {
      // First a plain 401 so that the key travels in the URL.
      const shop = scripted(recorded('66_error_no_credentials_401.txt'), answer);
      const error = await failure(client(shop.fetch).list('orders'));
      expect(error.message).not.toContain(KEY);
      expect(JSON.stringify(error.cause ?? '')).not.toContain(KEY);
      expect(JSON.stringify(error)).not.toContain(KEY);
    }
  });
});

describe('query parameters', () => {
  it('adds date=1 when a date field is filtered or sorted, and only then', () => {
    expect(
      readQuery({ filter: { date_add: { between: ['2026-11-01 00:00:00', '2026-11-27 23:59:59'] } } }).get(
        'date',
      ),
    ).toBe('1');
    expect(readQuery({ sort: ['date_upd_ASC', 'id_ASC'] }).get('date')).toBe('1');
    expect(readQuery({ filter: { invoice_date: { between: ['a', 'b'] } } }).has('date')).toBe(false);
    expect(readQuery({ filter: { id: { in: [1, 2] } } }).has('date')).toBe(false);
  });

  it('writes PrestaShop filter, sort, limit and shop syntax', () => {
    const query = readQuery({
      display: ['id', 'current_state'],
      filter: { current_state: { in: [1, 2, 10] }, id: { greaterThan: 5 } },
      sort: ['date_add_ASC', 'id_ASC'],
      limit: { offset: 0, count: 100 },
      shop: { shopId: 2 },
    });
    expect(query.get('display')).toBe('[id,current_state]');
    expect(query.get('filter[current_state]')).toBe('[1|2|10]');
    expect(query.get('filter[id]')).toBe('>[5]');
    expect(query.get('sort')).toBe('[date_add_ASC,id_ASC]');
    expect(query.get('limit')).toBe('0,100');
    expect(query.get('id_shop')).toBe('2');
  });

  it('redacts the key from URLs', () => {
    expect(redactUrl(`https://shop.example/api/orders?ws_key=${KEY}&display=full`)).toBe(
      'https://shop.example/api/orders?ws_key=***&display=full',
    );
    expect(redactUrl(`https://${KEY}@shop.example/api/`)).toBe('https://***@shop.example/api/');
    expect(redactUrl(`not a url ws_key=${KEY}`)).toBe('not a url ws_key=***');
  });
});
