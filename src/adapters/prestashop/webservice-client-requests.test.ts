import { describe, expect, it } from 'vitest';

import { WebserviceFailure } from './errors.js';
import { FakeClock } from './testing/fake-clock.js';
import { psHeaders } from './testing/fake-webservice.js';
import type { FetchLike } from '../http/fetch-like.js';
import { type AttemptEvent, WebserviceClient } from './webservice-client.js';

/**
 * The client's requests as sent (address, headers, body) and its answers to the statuses the recorded
 * fixtures do not cover; webservice-client.test.ts replays the recorded shop.
 */

const KEY = 'SECRETKEY0123456789ABCDEFGHIJKLM';

interface Call {
  url: string;
  init: RequestInit;
}

function answering(...responses: (() => Response | Promise<Response>)[]): {
  fetch: FetchLike;
  calls: Call[];
} {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      const next = responses[Math.min(calls.length - 1, responses.length - 1)];
      if (!next) throw new Error('no answer');
      return next();
    },
  };
}

const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: psHeaders('application/json') });
const empty = (status: number) => () => new Response('', { status, headers: psHeaders('application/json') });

function client(fetch: FetchLike, more: Partial<ConstructorParameters<typeof WebserviceClient>[0]> = {}) {
  return new WebserviceClient({
    url: 'https://boutique.example/api/',
    key: KEY,
    fetch,
    clock: new FakeClock(),
    random: () => 0.5,
    ...more,
  });
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

describe('the address of each request', () => {
  it.each([
    'https://boutique.example',
    'https://boutique.example/',
    'https://boutique.example/api',
    'https://boutique.example/api/',
    'https://boutique.example//',
  ])('reads %s as the shop at its root', async (url) => {
    const shop = answering(json({ orders: [] }));
    const c = client(shop.fetch, { url });
    await c.list('orders');
    expect(shop.calls[0]?.url).toBe('https://boutique.example/api/orders?output_format=JSON');
    expect(c.displayUrl).toBe('https://boutique.example');
  });

  it('keeps a folder whose name only starts with api', async () => {
    const shop = answering(json({ orders: [] }));
    const c = client(shop.fetch, { url: 'https://boutique.example/apiculture/api' });
    await c.list('orders');
    expect(shop.calls[0]?.url).toBe('https://boutique.example/apiculture/api/orders?output_format=JSON');
  });

  it('keeps a shop in a folder, and hides credentials in the shown address', async () => {
    const shop = answering(json({ orders: [] }));
    const c = client(shop.fetch, { url: 'https://user:pass@boutique.example/shop/api' });
    await c.list('orders');
    expect(shop.calls[0]?.url).toBe('https://user:pass@boutique.example/shop/api/orders?output_format=JSON');
    expect(c.displayUrl).toBe('https://***:***@boutique.example/shop');
  });

  it('asks the root with no query at all, and a record by its id', async () => {
    const rootXml = '<prestashop><api shopName="Demo"></api></prestashop>';
    const shop = answering(
      () => new Response(rootXml, { status: 200, headers: psHeaders('text/xml') }),
      json({ order: { id: 5 } }),
    );
    const c = client(shop.fetch);
    expect((await c.root()).rawText).toBe(rootXml);
    expect(await c.get('orders', 5)).toEqual({ id: 5 });
    expect(shop.calls.map((call) => call.url)).toEqual([
      'https://boutique.example/api/',
      'https://boutique.example/api/orders/5?output_format=JSON',
    ]);
  });

  it('sends a write as XML with its query, without output_format, and reads the record back', async () => {
    const shop = answering(json({ order_history: { id: 9 } }, 201), json({ order_carrier: { id: 4 } }));
    const c = client(shop.fetch);
    expect(await c.post('order_histories', '<prestashop/>', { sendemail: '1' })).toEqual({ id: 9 });
    expect(await c.update('PUT', 'order_carriers', 4, '<prestashop/>')).toEqual({ id: 4 });
    expect(shop.calls.map((call) => [call.url, call.init.method, call.init.body])).toEqual([
      ['https://boutique.example/api/order_histories?sendemail=1', 'POST', '<prestashop/>'],
      ['https://boutique.example/api/order_carriers/4', 'PUT', '<prestashop/>'],
    ]);
    const headers = new Headers(shop.calls[0]?.init.headers);
    expect(headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(headers.get('authorization')).toMatch(/^Basic /);
  });

  it('sends a read without body nor content type', async () => {
    const shop = answering(json({ orders: [] }));
    await client(shop.fetch).list('orders');
    expect(shop.calls[0]?.init.body).toBeUndefined();
    expect('body' in (shop.calls[0]?.init ?? {})).toBe(false);
    expect(new Headers(shop.calls[0]?.init.headers).has('content-type')).toBe(false);
  });

  it('stops asking for JSON once the shop says it is a 1.6', async () => {
    const shop = answering(
      () =>
        new Response('<prestashop><orders></orders></prestashop>', {
          status: 200,
          headers: { ...psHeaders('text/xml'), 'psws-version': '1.6.1.24' },
        }),
    );
    const c = client(shop.fetch);
    await c.list('orders');
    await c.list('orders');
    expect(c.version).toBe('1.6.1.24');
    expect(shop.calls.map((call) => call.url)).toEqual([
      'https://boutique.example/api/orders?output_format=JSON',
      'https://boutique.example/api/orders',
    ]);
  });

  it('knows a PrestaShop answer by X-Powered-By alone: a cut 200 without PSWS-Version is retried', async () => {
    // A proxy that drops PSWS-Version but keeps X-Powered-By (both are in 8.1.2/17_order_13.xml.headers).
    const poweredOnly = { 'content-type': 'application/json', 'x-powered-by': 'PrestaShop Webservice' };
    const shop = answering(
      () => new Response('', { status: 200, headers: poweredOnly }),
      json({ orders: [] }),
    );
    expect(await client(shop.fetch).list('orders')).toEqual([]);
    expect(shop.calls).toHaveLength(2);
  });

  it('reads a body by its JSON content type, not only by its first character', async () => {
    // `null` is JSON only by its content type: read, it is no list, refused at once rather than retried.
    const shop = answering(
      () => new Response('null', { status: 200, headers: psHeaders('application/json') }),
    );
    const error = await failure(client(shop.fetch).list('orders'));
    expect(error.message).toContain('https://boutique.example/api/orders (liste attendue)');
    expect(shop.calls).toHaveLength(1);
  });

  it('keeps the known version when an answer gives none', async () => {
    const shop = answering(
      json({ orders: [] }),
      () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const c = client(shop.fetch);
    await c.list('orders');
    await c.list('orders');
    expect(c.version).toBe('8.1.2');
  });
});

describe('answers that are not records', () => {
  it('treats a 404 as no webservice for a list, an update and the root, but as no record for a get', async () => {
    const c = client(answering(empty(404)).fetch);
    for (const call of [c.list('orders'), c.update('PATCH', 'orders', 5, '<x/>'), c.root()]) {
      const error = await failure(call);
      expect(error.code).toBe('not-prestashop');
      expect(error.status).toBe(404);
      expect(error.message).toContain('https://boutique.example ');
    }
    expect(await c.get('orders', 5)).toBeUndefined();
  });

  it('names the list, the record or the write whose answer is not what was expected', async () => {
    const c = client(answering(json({ orders: 5 }), json({ a: {}, b: {} })).fetch);
    expect((await failure(c.list('orders'))).message).toContain(
      'https://boutique.example/api/orders (liste orders attendue)',
    );
    expect((await failure(c.get('orders', 3))).message).toContain(
      'https://boutique.example/api/orders/3 (enregistrement attendu)',
    );
    expect((await failure(c.post('order_histories', '<x/>'))).message).toContain(
      'https://boutique.example/api/order_histories (enregistrement attendu)',
    );
    expect((await failure(c.update('PUT', 'order_carriers', 2, '<x/>'))).message).toContain(
      'https://boutique.example/api/order_carriers/2 (enregistrement attendu)',
    );
  });

  it('names the shop and the resource in a refusal', async () => {
    const error = json({ errors: [{ code: 132, message: 'not allowed' }] }, 403);
    const c = client(answering(error).fetch);
    expect((await failure(c.list('orders', { shop: { shopId: 2 } }))).message).toContain('boutique 2 :');
    expect((await failure(c.list('orders'))).message).toContain('boutique demandée :');
    const denied = client(answering(json({ errors: [{ code: 26, message: 'no' }] }, 401)).fetch);
    expect((await failure(denied.root())).message).toContain('La clé ne peut pas lire api :');
    expect((await failure(denied.get('customers', 1))).message).toContain('lire customers :');
    expect((await failure(denied.post('order_histories', '<x/>'))).message).toContain(
      'créer de order_histories : cochez POST',
    );
  });
});

describe('attempts, retries and give-ups', () => {
  it('reports each attempt, its status, outcome and duration, with the key hidden', async () => {
    const events: AttemptEvent[] = [];
    const clock = new FakeClock();
    const shop = answering(
      () => new Response('', { status: 401 }),
      empty(503),
      () => Promise.reject(new TypeError('reset')),
      () => new Response('{"orders":', { status: 200, headers: psHeaders('application/json') }),
      json({ orders: [{ id: 1 }] }),
    );
    const c = client(shop.fetch, { clock, onAttempt: (event) => events.push(event) });
    expect(await c.list('orders')).toEqual([{ id: 1 }]);
    const url = 'https://boutique.example/api/orders?output_format=JSON';
    // Strict: an attempt without an answer has no `status` key at all.
    expect(events).toStrictEqual([
      { method: 'GET', url, attempt: 1, status: 401, outcome: 'failed', durationMs: 0 },
      { method: 'GET', url: `${url}&ws_key=***`, attempt: 1, status: 503, outcome: 'status', durationMs: 0 },
      { method: 'GET', url: `${url}&ws_key=***`, attempt: 2, outcome: 'network', durationMs: 0 },
      {
        method: 'GET',
        url: `${url}&ws_key=***`,
        attempt: 3,
        status: 200,
        outcome: 'malformed',
        durationMs: 0,
      },
      { method: 'GET', url: `${url}&ws_key=***`, attempt: 4, status: 200, outcome: 'ok', durationMs: 0 },
    ]);
    // Backoff between attempts, from the policy (base 500 ms doubling, jitter 0.5 giving three quarters), never before the first.
    expect(clock.sleeps).toEqual([375, 750, 1500]);
  });

  it('gives up with a server error that counts the attempts and shows the status', async () => {
    const error = await failure(client(answering(empty(502)).fetch).list('orders'));
    expect(error.code).toBe('server-error');
    expect(error.status).toBe(502);
    expect(error.message).toContain('a échoué 5 fois de suite sur https://boutique.example/api/orders');
    expect(error.message).toContain('(HTTP 502)');
  });

  it('gives up on cut answers as malformed, and on cut connections after an answer as a server error', async () => {
    const cut = () => new Response('{"orders":', { status: 200, headers: psHeaders('application/json') });
    const malformed = await failure(client(answering(cut).fetch).list('orders'));
    expect(malformed.code).toBe('malformed-answer');
    expect(malformed.message).toContain('(réponse tronquée ou invalide)');
    expect(malformed.status).toBeUndefined();
    const lost = await failure(
      client(answering(empty(503), () => Promise.reject(new TypeError('reset'))).fetch).list('orders'),
    );
    expect(lost.code).toBe('server-error');
    expect(lost.message).toContain('a échoué 5 fois de suite');
    expect(lost.message).toContain('(la connexion a été coupée)');
  });

  it('says the shop is unreachable with the cause, the key removed from it', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError(`refused for ${KEY}`));
    const error = await failure(client(fetch, { url: 'https://boutique.example' }).list('orders'));
    expect(error.code).toBe('shop-unreachable');
    expect(String(error.cause)).toBe('TypeError: refused for ***');
  });

  it('times out after 30 s by default, or the time given, and says so', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const clock = new FakeClock();
    clock.expireTimeouts = true;
    const byDefault = await failure(client(hanging, { clock }).list('orders'));
    expect(byDefault.message).toContain("n'a pas répondu en 30 s à https://boutique.example/api/orders");
    expect(clock.sleeps.filter((ms) => ms === 30_000)).toHaveLength(5);
    const shortClock = new FakeClock('2026-11-27T10:00:00Z', 1000);
    shortClock.expireTimeouts = true;
    const short = await failure(client(hanging, { clock: shortClock, timeoutMs: 12_400 }).list('orders'));
    expect(short.message).toContain('en 12 s');
  });

  it('does not retry a POST whose connection was cut, but a GET with the policy given', async () => {
    const shop = answering(() => Promise.reject(new TypeError('reset')));
    expect((await failure(client(shop.fetch).post('order_histories', '<x/>'))).code).toBe('shop-unreachable');
    expect(shop.calls).toHaveLength(1);
    const twice = answering(() => Promise.reject(new TypeError('reset')));
    const policy = { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 };
    await failure(client(twice.fetch, { retry: policy }).list('orders'));
    expect(twice.calls).toHaveLength(2);
  });

  it('runs at most the concurrency given', async () => {
    let active = 0;
    let most = 0;
    const fetch: FetchLike = async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return json({ orders: [] })();
    };
    const c = client(fetch, { concurrency: 1, idsPerCall: 1 });
    await c.listWhereIn('orders', 'id', [1, 2, 3]);
    expect(most).toBe(1);
  });
});

describe('look-ups by ids', () => {
  const listed = (calls: Call[]) =>
    calls.map((call) =>
      new URL(call.url).searchParams
        .get('filter[id]')
        ?.replace(/^\[|\]$/g, '')
        .split('|'),
    );

  it('fills a URL to its last allowed character, the room for ws_key kept, and not one further', async () => {
    // The URL of a list of three three-digit ids, to size the limit on.
    const probe = answering(json({ orders: [] }));
    await client(probe.fetch, { idsPerCall: 3 }).listWhereIn('orders', 'id', [101, 102, 103]);
    const threeIds = probe.calls[0]?.url.length ?? 0;

    const exact = answering(json({ orders: [] }));
    await client(exact.fetch, { maxUrlLength: threeIds + 48 }).listWhereIn(
      'orders',
      'id',
      [101, 102, 103, 104, 105, 106],
    );
    expect(listed(exact.calls)).toEqual([
      ['101', '102', '103'],
      ['104', '105', '106'],
    ]);
    expect(exact.calls.map((call) => call.url.length)).toEqual([threeIds, threeIds]);

    const oneShort = answering(json({ orders: [] }));
    await client(oneShort.fetch, { maxUrlLength: threeIds + 47 }).listWhereIn(
      'orders',
      'id',
      [101, 102, 103, 104],
    );
    expect(listed(oneShort.calls)).toEqual([
      ['101', '102'],
      ['103', '104'],
    ]);
  });

  it('sends one id a call, never an empty list, when the limit leaves no room for even one', async () => {
    const probe = answering(json({ orders: [] }));
    await client(probe.fetch, { idsPerCall: 1 }).listWhereIn('orders', 'id', [101]);
    const oneId = probe.calls[0]?.url.length ?? 0;
    const tight = answering(json({ orders: [] }));
    await client(tight.fetch, { maxUrlLength: oneId + 48 - 3 }).listWhereIn('orders', 'id', [101, 102]);
    expect(listed(tight.calls)).toEqual([['101'], ['102']]);
  });

  it('asks for whole records by default', async () => {
    const shop = answering(json({ orders: [] }));
    await client(shop.fetch).listWhereIn('orders', 'id', [1]);
    expect(new URL(shop.calls[0]?.url ?? '').searchParams.get('display')).toBe('full');
  });

  it('frees the time-out timer of an attempt once its answer is read', async () => {
    const timers: AbortSignal[] = [];
    const clock = new FakeClock();
    const sleep = clock.sleep.bind(clock);
    clock.sleep = (ms, signal) => {
      if (signal) timers.push(signal);
      return sleep(ms, signal);
    };
    await client(answering(json({ orders: [] })).fetch, { clock }).list('orders');
    expect(timers).toHaveLength(1);
    expect(timers[0]?.aborted).toBe(true);
  });

  it('makes no call for no id, nor for ids that are all blank', async () => {
    const shop = answering(json({ orders: [{ id: 1 }] }));
    const c = client(shop.fetch);
    expect(await c.listWhereIn('orders', 'id', [])).toEqual([]);
    expect(await c.listWhereIn('orders', 'id', ['', ''])).toEqual([]);
    expect(shop.calls).toHaveLength(0);
  });
});
