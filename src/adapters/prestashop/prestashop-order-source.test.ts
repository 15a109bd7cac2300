import { describe, expect, it } from 'vitest';

import type { SourcedOrder } from '../../domain/shop-order.js';
import type { OrderQuery } from '../../ports/order-source.js';
import { createPrestaShopOrderSource } from './prestashop-order-source.js';
import { TrackingNumberWriter } from './tracking-numbers.js';
import { WebserviceClient } from './webservice-client.js';
import { FakeClock } from './testing/fake-clock.js';
import {
  FAKE_KEY,
  FAKE_URL,
  type FakeWebservice,
  createFakeWebservice,
  psHeaders,
} from './testing/fake-webservice.js';
import { xmlToPlain } from './xml.js';

const ALL_STATES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
const QUERY: OrderQuery = {
  shopIds: [1, 2],
  stateIds: ALL_STATES,
  dateField: 'date_add',
  from: '2026-01-01 00:00:00',
  to: '2026-12-31 23:59:59',
  withMessages: true,
};

function source(fake: FakeWebservice, pageSize = 100) {
  return createPrestaShopOrderSource({
    url: FAKE_URL,
    key: FAKE_KEY,
    fetch: fake.fetch,
    clock: new FakeClock(),
    pageSize,
  });
}

async function readAll(iterable: AsyncIterable<readonly SourcedOrder[]>): Promise<SourcedOrder[][]> {
  const pages: SourcedOrder[][] = [];
  for await (const page of iterable) pages.push([...page]);
  return pages;
}

const idOf = (order: SourcedOrder) => (order.ok ? order.order.key.orderId : order.key.orderId);
const resourcesCalled = (fake: FakeWebservice, from = 0) =>
  fake.calls.slice(from).map((call) => new URL(call.url).pathname.replace('/api/', ''));

describe('PrestaShopOrderSource.readOrders', () => {
  it('reads every order of both shops with its related records, in a handful of calls', async () => {
    const fake = createFakeWebservice();
    const pages = await readAll(source(fake).readOrders(QUERY));
    const orders = pages.flat();
    expect(orders).toHaveLength(18);
    expect(orders.every((order) => order.ok)).toBe(true);
    const dates = orders.map((order) => (order.ok ? order.order.dateAdd : ''));
    expect(dates).toEqual([...dates].sort());

    const order11 = orders.find((order) => idOf(order) === 11);
    if (!order11?.ok) throw new Error('order 11 missing');
    expect(order11.order.lines.map((line) => line.taxRate.toFixed())).toEqual(['20', '20', '20', '20']);
    expect(order11.order.payments.map((payment) => payment.amount.toFixed(2))).toEqual(['384.76']);
    expect(order11.order.cartRules.map((rule) => rule.name)).toEqual(["Remise de 5 € dès 30 € d'achat"]);
    expect(order11.order.shipment?.trackingNumber).toBe('6A18273645501');
    const order6 = orders.find((order) => idOf(order) === 6);
    expect(order6?.ok && order6.order.messages).toEqual([
      'Merci de laisser le colis chez la gardienne si je suis absente.',
    ]);

    // Reference data once (shops, states, currencies, carriers, countries, taxes), then per page:
    // orders, details, customers, addresses, payments, carriers, cart rules (+ threads, messages, states).
    const called = resourcesCalled(fake);
    const perPage = called.filter(
      (resource) =>
        !['shops', 'order_states', 'currencies', 'carriers', 'countries', 'taxes'].includes(resource),
    );
    expect(
      perPage.filter(
        (resource) =>
          resource !== 'customer_threads' && resource !== 'customer_messages' && resource !== 'states',
      ),
    ).toHaveLength(7);
    expect(called.length).toBeLessThanOrEqual(16);
    expect(
      new URL(fake.calls.find((call) => call.url.includes('/api/orders?'))?.url ?? '').searchParams.get(
        'id_shop',
      ),
    ).toBe('all');
  });

  it('with ordersOnly, reads the same orders with their states and totals and nothing else per page', async () => {
    const whole = (await readAll(source(createFakeWebservice()).readOrders(QUERY))).flat();
    const fake = createFakeWebservice();
    const pages = await readAll(source(fake).readOrders({ ...QUERY, ordersOnly: true }));
    const orders = pages.flat();
    expect(orders.map(idOf)).toEqual(whole.map(idOf));
    const summary = (order: SourcedOrder) =>
      order.ok
        ? [
            order.order.state.id,
            order.order.totals.paidTaxExcl.toFixed(2),
            order.order.totals.paidTaxIncl.toFixed(2),
          ]
        : [];
    expect(orders.map(summary)).toEqual(whole.map(summary));
    const perPage = resourcesCalled(fake).filter(
      (resource) =>
        !['shops', 'order_states', 'currencies', 'carriers', 'countries', 'taxes'].includes(resource),
    );
    expect(perPage).toEqual(['orders']);
  });

  it('asks only for the selected shop', async () => {
    const fake = createFakeWebservice();
    const orders = (await readAll(source(fake).readOrders({ ...QUERY, shopIds: [2] }))).flat();
    expect(orders.map(idOf).sort((a, b) => a - b)).toEqual([14, 15]);
    const ordersCall = fake.calls.find((call) => call.url.includes('/api/orders?'));
    expect(new URL(ordersCall?.url ?? '').searchParams.get('id_shop')).toBe('2');
  });

  it('filters on the states and the period, with date=1', async () => {
    const fake = createFakeWebservice();
    const orders = (
      await readAll(
        source(fake).readOrders({
          ...QUERY,
          stateIds: [2],
          from: '2026-10-01 00:00:00',
          to: '2026-10-31 23:59:59',
        }),
      )
    ).flat();
    expect(orders.every((order) => order.ok && order.order.state.id === 2)).toBe(true);
    expect(orders.length).toBeGreaterThan(0);
    const params = new URL(fake.calls.find((call) => call.url.includes('/api/orders?'))?.url ?? '')
      .searchParams;
    expect(params.get('date')).toBe('1');
    expect(params.get('filter[current_state]')).toBe('[2]');
    expect(params.get('filter[date_add]')).toBe('[2026-10-01 00:00:00,2026-10-31 23:59:59]');
    expect(params.get('sort')).toBe('[date_add_ASC,id_ASC]');
  });

  it('pages by (date, id) and yields each order once', async () => {
    const fake = createFakeWebservice();
    const pages = await readAll(source(fake, 5).readOrders(QUERY));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const ids = pages.flat().map(idOf);
    expect(new Set(ids).size).toBe(18);
    expect(ids).toHaveLength(18);
  });

  it('reads 1,050 orders once each while orders are added and changed during the read', async () => {
    const fake = createFakeWebservice();
    const orders = fake.tables['orders'] ?? [];
    const template = orders.find((order) => order['id'] === 11) ?? {};
    orders.length = 0;
    const dateOf = (index: number) => {
      // Several orders share each second, as in a busy shop.
      const minute = Math.floor(index / 3);
      return `2026-10-${String(1 + Math.floor(minute / 600)).padStart(2, '0')} ${String(Math.floor((minute % 600) / 60) + 8).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
    };
    for (let index = 0; index < 1050; index += 1) {
      orders.push({
        ...structuredClone(template),
        id: 1000 + index,
        id_shop: index % 2 === 0 ? 1 : 2,
        date_add: dateOf(index),
        reference: `REF${index}`,
      });
    }
    let nextId = 5000;
    fake.beforeAnswer = ({ url }) => {
      if (url.pathname !== '/api/orders') return undefined;
      // New orders arrive (later dates, inside the period) and old ones change while the import reads.
      orders.push({
        ...structuredClone(template),
        id: nextId,
        id_shop: 1,
        date_add: '2026-10-20 10:00:00',
        reference: `NEW${nextId}`,
      });
      nextId += 1;
      const changed = orders[(nextId * 7) % 1050];
      if (changed) changed['date_upd'] = '2026-11-27 10:00:00';
      return undefined;
    };
    const pages = await readAll(source(fake).readOrders({ ...QUERY, to: '2026-10-31 23:59:59' }));
    const ids = pages.flat().map(idOf);
    const original = Array.from({ length: 1050 }, (_, index) => 1000 + index);
    expect(original.every((id) => ids.includes(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.flat().every((order) => order.ok)).toBe(true);
    const orderCalls = fake.calls.filter((call) => new URL(call.url).pathname === '/api/orders').length;
    expect(orderCalls).toBeLessThanOrEqual(13);
  });

  it('reads 120 orders of one second once each, without asking for ever bigger pages', async () => {
    // A back-office bulk action or an import stamps many orders with the same second.
    const fake = createFakeWebservice();
    const orders = fake.tables['orders'] ?? [];
    const template = orders.find((order) => order['id'] === 11) ?? {};
    orders.length = 0;
    for (let index = 0; index < 120; index += 1) {
      orders.push({
        ...structuredClone(template),
        id: 2000 + index,
        date_add: '2026-10-15 09:30:00',
        reference: `BULK${index}`,
      });
    }
    fake.beforeAnswer = ({ url }) => {
      if (url.pathname === '/api/orders' && fake.calls.length > 400) throw new Error('the read never ends');
      return undefined;
    };
    const ids = (await readAll(source(fake, 10).readOrders(QUERY))).flat().map(idOf);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    const counts = fake.calls
      .filter((call) => new URL(call.url).pathname === '/api/orders')
      .map((call) => Number(new URL(call.url).searchParams.get('limit')?.split(',')[1]));
    expect(Math.max(...counts)).toBeLessThan(20);
  });

  it('refuses one order with a malformed amount, not its page', async () => {
    const fake = createFakeWebservice();
    const order8 = fake.tables['orders']?.find((order) => order['id'] === 8);
    if (order8) order8['total_paid_tax_incl'] = '12,50';
    const detail = fake.tables['order_details']?.find((row) => row['id_order'] === 11);
    if (detail) detail['unit_price_tax_incl'] = 'abc';
    const orders = (await readAll(source(fake).readOrders(QUERY))).flat();
    expect(orders).toHaveLength(18);
    const refused = orders.filter((order) => !order.ok);
    expect(refused.map(idOf).sort((a, b) => a - b)).toEqual([8, 11]);
    expect(refused.every((order) => !order.ok && order.code === 'malformed-order')).toBe(true);
    const first = refused[0];
    expect(first && !first.ok && first.message).toBe(
      'La commande est illisible : total_paid_tax_incl : montant illisible : "12,50"',
    );
    const second = refused[1];
    expect(second && !second.ok && second.message).toBe(
      'La commande est illisible : un enregistrement lié (order_details) est illisible (unit_price_tax_incl : montant illisible : "abc")',
    );
  });
  it('refuses the orders of a malformed customer or address, naming it, rather than take it as missing', async () => {
    const fake = createFakeWebservice();
    const orderOf = (id: number) => fake.tables['orders']?.find((order) => order['id'] === id) ?? {};
    const customer = fake.tables['customers']?.find((row) => row['id'] === orderOf(8)['id_customer']);
    if (customer) customer['id_default_group'] = 'clients';
    const address = fake.tables['addresses']?.find((row) => row['id'] === orderOf(11)['id_address_delivery']);
    if (address) address['id_country'] = 'France';
    const orders = (await readAll(source(fake).readOrders(QUERY))).flat();
    const refused = orders.filter((order) => !order.ok);
    const reasons = new Map(refused.map((order) => [idOf(order), !order.ok && order.message]));
    expect(reasons.get(8)).toMatch(
      /^La commande est illisible : un enregistrement lié \(customers\) est illisible \(id_default_group/,
    );
    expect(reasons.get(11)).toMatch(
      /^La commande est illisible : un enregistrement lié \(addresses\) est illisible \(id_country/,
    );
    const sharing = orders.filter(
      (order) => order.ok && order.order.customer?.id === Number(orderOf(8)['id_customer']),
    );
    expect(sharing).toEqual([]);
  });
});

describe('PrestaShopOrderSource writes', () => {
  it('changes a state only if the order is still in the expected one', async () => {
    const fake = createFakeWebservice();
    const shop = source(fake);
    const key = { shopId: 1, orderId: 8 };
    expect(await shop.changeState({ key, expectedStateId: 2, newStateId: 4, sendEmail: false })).toEqual({
      status: 'state-moved',
      currentStateId: 3,
    });
    expect(await shop.changeState({ key, expectedStateId: 3, newStateId: 4, sendEmail: true })).toEqual({
      status: 'sent',
    });
    const post = fake.calls.find((call) => call.method === 'POST');
    expect(new URL(post?.url ?? '').searchParams.get('sendemail')).toBe('1');
    expect((await shop.currentStates([key])).get(8)).toBe(4);
    expect((await shop.stateHistories([key])).get(8)?.at(-1)).toBe(4);
    expect(
      await shop.changeState({
        key: { shopId: 1, orderId: 999 },
        expectedStateId: 3,
        newStateId: 4,
        sendEmail: false,
      }),
    ).toEqual({
      status: 'order-missing',
    });
  });

  it('after a send of unknown outcome, reads the state again before sending again', async () => {
    const fake = createFakeWebservice();
    const shop = source(fake);
    let posts = 0;
    fake.beforeAnswer = ({ method, url }) => {
      if (method !== 'POST') return undefined;
      posts += 1;
      if (posts === 1) {
        // Applied by the shop, answer lost.
        const order = fake.tables['orders']?.find((row) => row['id'] === 8);
        if (order) order['current_state'] = 4;
        return new Response('Gateway Timeout', { status: 504 });
      }
      expect(url.pathname).toBe('/api/order_histories');
      return undefined;
    };
    expect(
      await shop.changeState({
        key: { shopId: 1, orderId: 8 },
        expectedStateId: 3,
        newStateId: 4,
        sendEmail: false,
      }),
    ).toEqual({
      status: 'sent',
    });
    expect(posts).toBe(1);
  });

  it('resends after a lost send that the shop did not apply', async () => {
    const fake = createFakeWebservice();
    let posts = 0;
    fake.beforeAnswer = ({ method }) => {
      if (method !== 'POST') return undefined;
      posts += 1;
      return posts === 1 ? new Response('Bad Gateway', { status: 502 }) : undefined;
    };
    const result = await source(fake).changeState({
      key: { shopId: 1, orderId: 8 },
      expectedStateId: 3,
      newStateId: 4,
      sendEmail: false,
    });
    expect(result).toEqual({ status: 'sent' });
    expect(posts).toBe(2);
  });

  it('writes a tracking number only where it is empty, with PATCH on PrestaShop 8, reporting the number already there', async () => {
    const fake = createFakeWebservice();
    const shop = source(fake);
    const before = { ...fake.tables['order_carriers']?.find((row) => Number(row['id_order']) === 8) };
    const kept = fake.tables['order_carriers']?.find((row) => Number(row['id_order']) === 11);
    expect(await shop.setTrackingNumber({ shopId: 1, orderId: 11 }, 'XYZ', { sendEmail: true })).toEqual({
      status: 'already-set',
      current: String(kept?.['tracking_number']),
    });
    expect(await shop.setTrackingNumber({ shopId: 1, orderId: 8 }, '6A999', { sendEmail: true })).toEqual({
      status: 'written',
    });
    expect(await shop.setTrackingNumber({ shopId: 1, orderId: 999 }, '6A999', { sendEmail: true })).toEqual({
      status: 'no-shipment',
    });
    expect(fake.calls.some((call) => call.method === 'PUT')).toBe(false);
    const put = fake.calls.find((call) => call.method === 'PATCH');
    expect(new URL(put?.url ?? '').searchParams.get('sendemail')).toBe('1');
    const record = fake.tables['order_carriers']?.find((row) => Number(row['id_order']) === 8);
    expect(record?.['tracking_number']).toBe('6A999');
    // PATCH sends the one field: the rest of the record stays as it was.
    expect(record).toEqual({ ...before, id: String(before['id']), tracking_number: '6A999' });
  });
});

describe('PrestaShopOrderSource.setTrackingNumbers', () => {
  const request = (orderId: number, trackingNumber: string) => ({
    key: { shopId: 1, orderId },
    trackingNumber,
    sendEmail: false,
  });

  it('reads the shipments of the whole batch in one call, then writes only the empty ones', async () => {
    const fake = createFakeWebservice();
    const shop = source(fake);
    await shop.shops();
    const from = fake.calls.length;
    const outcomes = await shop.setTrackingNumbers([
      request(8, '6A008'),
      request(11, '6AOTHER'),
      request(999, '6A999'),
      request(9, '6A009'),
      request(8, '6A008-BIS'),
    ]);
    expect(outcomes).toEqual([
      { status: 'written' },
      { status: 'already-set', current: '6A18273645501' },
      { status: 'no-shipment' },
      { status: 'written' },
      // The batch's second number for order 8 meets the first one: reported, not written over it.
      { status: 'already-set', current: '6A008' },
    ]);
    const calls = fake.calls.slice(from);
    expect(calls.map((call) => call.method)).toEqual(['GET', 'PATCH', 'PATCH']);
    expect(new URL(calls[0]!.url).searchParams.get('filter[id_order]')).toBe('[8|11|999|9]');
    const tracking = (orderId: number) =>
      fake.tables['order_carriers']?.find((row) => Number(row['id_order']) === orderId)?.['tracking_number'];
    expect([tracking(8), tracking(9), tracking(11)]).toEqual(['6A008', '6A009', '6A18273645501']);
  });

  it('reads the shipments not yet written again once the read is old: a number typed in the shop meanwhile is kept', async () => {
    const fake = createFakeWebservice();
    let now = 0;
    const writer = new TrackingNumberWriter(
      new WebserviceClient({ url: FAKE_URL, key: FAKE_KEY, fetch: fake.fetch, clock: new FakeClock() }),
      5_000,
      () => now,
    );
    fake.beforeAnswer = ({ method }) => {
      // Each write takes 3 s; during the first, someone types a number for order 10 in the back office.
      if (method !== 'PATCH') return undefined;
      now += 3_000;
      const row = fake.tables['order_carriers']?.find((candidate) => Number(candidate['id_order']) === 10);
      if (row && row['tracking_number'] === '') row['tracking_number'] = 'TYPED-BY-HAND';
      return undefined;
    };
    const outcomes = await writer.write([request(8, '6A008'), request(9, '6A009'), request(10, '6A010')]);
    // Order 9 is written from the first read (3 s old); order 10's write comes after 6 s: read again.
    expect(outcomes).toEqual([
      { status: 'written' },
      { status: 'written' },
      { status: 'already-set', current: 'TYPED-BY-HAND' },
    ]);
    const gets = fake.calls.filter((call) => call.method === 'GET' && call.url.includes('order_carriers'));
    expect(gets.map((call) => new URL(call.url).searchParams.get('filter[id_order]'))).toEqual([
      '[8|9|10]',
      '[10]',
    ]);
  });

  it('fails only the request whose write fails, and the read of the batch fails them all', async () => {
    const fake = createFakeWebservice();
    const shop = source(fake);
    fake.beforeAnswer = ({ method, url }) =>
      method === 'PATCH' && url.pathname.endsWith('/8') ? new Response('denied', { status: 403 }) : undefined;
    const outcomes = await shop.setTrackingNumbers([request(8, '6A008'), request(9, '6A009')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'written']);
    fake.beforeAnswer = () => new Response('Bad Gateway', { status: 502 });
    const failed = await source(fake).setTrackingNumbers([request(1, 'X'), request(2, 'Y')]);
    expect(failed.map((outcome) => outcome.status)).toEqual(['failed', 'failed']);
  });
});

describe('PrestaShopOrderSource.checkConnection', () => {
  it('reports version, shops, permissions and plain-language problems', async () => {
    const fake = createFakeWebservice();
    const report = await source(fake).checkConnection();
    expect(report.version).toBe('8.1.2');
    expect(report.url).toBe(FAKE_URL);
    expect(report.shops.map((shop) => shop.name)).toEqual(['RealPeers Shop', 'Boutique Pro']);
    expect(report.permissions['orders']).toContain('GET');
    expect(report.permissions['order_details']).toEqual(['GET', 'HEAD']);
    expect(report.problems.map((problem) => problem.text).join('\n')).not.toContain('order_details');
    // The recorded shop takes orders in euros (its default, at rate 1) and in dollars.
    expect(report.currencies).toEqual(['EUR', 'USD']);
    expect(report.defaultCurrency).toBe('EUR');
    expect(resourcesCalled(fake)).toEqual(['', 'shops', 'currencies']);
  });

  it('reads the currencies as they are now, and not when the key may not', async () => {
    const fake = createFakeWebservice();
    const shop = source(fake);
    expect((await shop.checkConnection()).currencies).toEqual(['EUR', 'USD']);
    for (const currency of fake.tables['currencies'] ?? []) currency['active'] = 0;
    expect((await shop.checkConnection()).currencies).toEqual([]);
    fake.beforeAnswer = ({ url }) => {
      if (url.pathname !== '/api/') return undefined;
      const xml = `<?xml version="1.0"?><prestashop><api shopName="S"><orders get="true" put="false" post="false" patch="false" delete="false" head="true"/></api></prestashop>`;
      return new Response(xml, { status: 200, headers: psHeaders('text/xml') });
    };
    const refused = await shop.checkConnection();
    expect(refused.currencies).toBeUndefined();
    expect(refused.defaultCurrency).toBeUndefined();
  });

  it('names what a key may not do', async () => {
    const fake = createFakeWebservice();
    fake.beforeAnswer = ({ url }) => {
      if (url.pathname !== '/api/') return undefined;
      const xml = `<?xml version="1.0"?><prestashop><api shopName="S"><orders get="true" put="false" post="false" patch="false" delete="false" head="true"/></api></prestashop>`;
      return new Response(xml, { status: 200, headers: psHeaders('text/xml') });
    };
    const report = await source(fake).checkConnection();
    expect(report.problems.map((problem) => problem.text)).toContain(
      'La clé ne peut pas lire order_details : cochez GET pour order_details dans Paramètres avancés > Webservice : navette en a besoin pour lire les lignes des commandes et leur TVA.',
    );
    // Beside its French text, its code and values, for the English page.
    expect(report.problems.find((problem) => problem.text.includes('order_details'))).toMatchObject({
      code: 'shop-permission-missing',
      data: { resource: 'order_details', method: 'GET', purpose: 'order-lines', optional: false },
    });
    // What navette can do without is only said, not counted as a problem.
    expect(report.problems.map((problem) => problem.text).join('\n')).not.toContain('numéros de suivi');
    expect(report.warnings.map((warning) => warning.text).join('\n')).toContain(
      'écrire les numéros de suivi',
    );
  });

  it('throws a clear failure for a wrong key', async () => {
    const fake = createFakeWebservice();
    const shop = createPrestaShopOrderSource({
      url: FAKE_URL,
      key: 'WRONGKEY0000000000000000000000XX',
      fetch: fake.fetch,
      clock: new FakeClock(),
    });
    await expect(shop.checkConnection()).rejects.toMatchObject({ code: 'key-invalid' });
  });

  it('works through ws_key when the host strips the Authorization header', async () => {
    const fake = createFakeWebservice({ stripAuthorization: true });
    const orders = (await readAll(source(fake).readOrders(QUERY))).flat();
    expect(orders).toHaveLength(18);
    expect(
      fake.calls.slice(1).every((call) => new URL(call.url).searchParams.get('ws_key') === FAKE_KEY),
    ).toBe(true);
  });
});

describe('xml request bodies', () => {
  it('are read back as the same record', async () => {
    const { toXmlBody } = await import('./xml-body.js');
    const body = toXmlBody('order_carrier', { id: 11, tracking_number: 'A&B <1>', weight: '7.500000' });
    expect(xmlToPlain(body)).toEqual({
      order_carrier: { id: '11', tracking_number: 'A&B <1>', weight: '7.500000' },
    });
  });
});
