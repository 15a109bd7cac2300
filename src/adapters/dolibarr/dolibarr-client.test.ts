import { describe, expect, it } from 'vitest';
import { createDemoDolibarr } from '../../demo-dolibarr/index.js';
import { FakeClock } from '../prestashop/testing/fake-clock.js';
import { DolibarrClient, pathSegment } from './dolibarr-client.js';
import type { FetchLike } from '../http/fetch-like.js';
import type { AttemptEvent } from './dolibarr-transport.js';
import { DolibarrFailure } from './errors.js';
import { anyOf, equals } from './sqlfilters.js';
import { documentKeySchema } from './wire-schemas.js';

const NOW = new Date('2026-11-27T09:43:32Z');

function setup(options: { key?: string; fetch?: FetchLike } = {}) {
  const dolibarr = createDemoDolibarr({ now: () => NOW });
  const urls: string[] = [];
  const events: AttemptEvent[] = [];
  const clock = new FakeClock('2026-11-27T09:43:32Z');
  const inner: FetchLike = options.fetch ?? dolibarr.fetch;
  const client = new DolibarrClient({
    url: dolibarr.url,
    key: options.key ?? dolibarr.key,
    fetch: (url, init) => {
      urls.push(url);
      return inner(url, init);
    },
    clock,
    random: () => 0.5,
    onAttempt: (event) => events.push(event),
  });
  return { dolibarr, client, urls, events, clock };
}

async function failureOf(promise: Promise<unknown>): Promise<DolibarrFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DolibarrFailure) return error;
    throw error;
  }
  throw new Error('expected a DolibarrFailure');
}

async function customer(client: DolibarrClient, email: string): Promise<number> {
  return client.create('thirdparties', { name: 'Jeanne Dupont', client: 1, code_client: '-1', email });
}

describe('DolibarrClient against the simulator', () => {
  it('reads the instance: version, modules, company, VAT rates, payment types', async () => {
    const { client } = setup();
    expect((await client.status()).success.dolibarr_version).toBe('23.0.0-beta');
    expect(await client.modules()).toContain('commande');
    expect((await client.company()).country_code).toBe('FR');
    expect((await client.vatRates()).map((v) => v.taux)).toEqual(['0', '2.1', '5.5', '10', '20']);
    expect((await client.paymentTypes()).find((p) => p.code === 'CB')?.id).toBe(6);
  });

  it('sends the key only as the DOLAPIKEY header, never in a URL or an event', async () => {
    const { client, urls, events, dolibarr } = setup();
    await client.status();
    const filter = equals('email', 'x@example.fr');
    if (filter instanceof DolibarrFailure) throw filter;
    await client.findThirdParties(filter);
    expect(urls.every((url) => !url.includes(dolibarr.key))).toBe(true);
    expect(JSON.stringify(events)).not.toContain(dolibarr.key);
    expect(urls[0]).toBe(`${dolibarr.url}/api/index.php/status`);
  });

  it('turns a refused key into key-refused, and a missing one into key-missing, without the key', async () => {
    const wrong = 'WRONGKEY0000000000000000000000XY';
    const failure = await failureOf(setup({ key: wrong }).client.status());
    expect(failure.code).toBe('key-refused');
    expect(failure.status).toBe(401);
    expect(failure.message).not.toContain(wrong);
    expect(failure.message).toMatch(/Clé pour l’API/);
    expect((await failureOf(setup({ key: '' }).client.status())).code).toBe('key-missing');
  });

  it('reads a third-party list with no match (404 in Dolibarr) as an empty list', async () => {
    const { client, dolibarr } = setup();
    const filter = equals('email', 'nobody@example.fr');
    if (filter instanceof DolibarrFailure) throw filter;
    expect(await client.findThirdParties(filter)).toEqual([]);
    expect(dolibarr.calls.byResourceAndMethod()['thirdparties']).toEqual({ GET: 1 });
  });

  it('finds a third party by its account link, and none when the link is unknown or shared', async () => {
    const { client } = setup();
    const first = await customer(client, 'jeanne@example.fr');
    await client.linkAccount(first, 'prestashop', 42);
    expect((await client.thirdPartyByAccount('prestashop', 42))?.id).toBe(first);
    expect(await client.thirdPartyByAccount('prestashop', 43)).toBeUndefined();
    const second = await customer(client, 'jeanne@example.fr');
    await client.linkAccount(second, 'prestashop', 42);
    expect(await client.thirdPartyByAccount('prestashop', 42)).toBeUndefined();
    const conflict = await failureOf(client.linkAccount(second, 'prestashop', 44));
    expect(conflict.code).toBe('conflict');
  });

  it('finds two third parties sharing an e-mail with sqlfilters, where the path endpoint gives none', async () => {
    const { client } = setup();
    await customer(client, "o'brien@example.fr");
    await customer(client, "o'brien@example.fr");
    const filter = equals('email', "o'brien@example.fr");
    if (filter instanceof DolibarrFailure) throw filter;
    expect(await client.findThirdParties(filter)).toHaveLength(2);
    expect(await client.thirdPartyByEmailPath('nobody@example.fr')).toBeUndefined();
  });

  it('looks a page of ref_ext keys up in one call per page, duplicates included', async () => {
    const { client, dolibarr } = setup();
    const socid = await customer(client, 'a@example.fr');
    const line = { desc: 'x', qty: 1, subprice: 10, tva_tx: 20, product_type: 0 };
    for (const key of ['ps-1-1', 'ps-1-2', 'ps-1-2', 'ps-1-3'])
      await client.createDocument('orders', { socid, date: 1795772612, ref_ext: key, lines: [line] });
    dolibarr.calls.reset();
    const found = await client.documentsByRefExt('orders', ['ps-1-1', 'ps-1-2', 'ps-1-9', 'prestashop:1']);
    expect(found.map((d) => d.ref_ext).sort()).toEqual([
      'prestashop:1',
      'prestashop:1',
      'ps-1-1',
      'ps-1-2',
      'ps-1-2',
    ]);
    expect(dolibarr.calls.total()).toBe(1);
    dolibarr.calls.reset();
    const paged = await client.documentsByRefExt('orders', ['ps-1-1', 'ps-1-2', 'ps-1-3'], 2);
    expect(paged).toHaveLength(4);
    expect(dolibarr.calls.total()).toBe(2);
  });

  it('reads back Dolibarr’s own per-line rounding, and the line endpoint honours a TTC price', async () => {
    const { client } = setup();
    const socid = await customer(client, 'b@example.fr');
    const id = await client.createDocument('orders', {
      socid,
      date: 1795772612,
      ref_ext: 'ps-1-44',
      lines: [
        { qty: 2, subprice: 19.12, tva_tx: 20, product_type: 0 },
        { qty: 1, subprice: 12, tva_tx: 20, price_base_type: 'TTC', product_type: 0 },
      ],
    });
    await client.addLine('orders', id, {
      qty: 1,
      subprice: 12,
      tva_tx: 20,
      price_base_type: 'TTC',
      product_type: 1,
    });
    const order = await client.getOrder(id);
    expect(order.lines.map((l) => [l.subprice, l.total_ttc])).toEqual([
      ['19.12', '45.89'],
      ['12', '14.4'],
      ['10', '12'],
    ]);
    expect([order.total_ht, order.total_tva, order.total_ttc]).toEqual(['60.24', '12.05', '72.29']);
    expect(order.status).toBe(0);
    expect(order.date_validation).toBeNull();
  });

  it('reads a second validation (304) as already done', async () => {
    const { client } = setup();
    const socid = await customer(client, 'c@example.fr');
    const id = await client.createDocument('orders', { socid, date: 1795772612, lines: [] });
    const first = await client.validate('orders', id);
    expect(first.done && first.body.ref).toMatch(/^CO2611-\d{4}$/);
    expect(await client.validate('orders', id)).toEqual({ done: false });
    const late = await failureOf(client.addLine('orders', id, { qty: 1, subprice: 1, tva_tx: 20 }));
    expect(late.code).toBe('bad-request');
  });

  it('turns a proposal into an order, whose ref_ext must be set again', async () => {
    const { client } = setup();
    const socid = await customer(client, 'd@example.fr');
    const proposal = await client.createDocument('proposals', {
      socid,
      date: 1795772612,
      ref_ext: 'ps-1-42',
      ref_client: 'XKBKNABJK',
      lines: [{ qty: 1, subprice: 10, tva_tx: 20, product_type: 0 }],
    });
    await client.validate('proposals', proposal);
    const closed = await client.closeProposal(proposal, 2);
    expect(closed.done && closed.body.status).toBe(2);
    const orderId = await client.createOrderFromProposal(proposal);
    const order = await client.getOrder(orderId);
    expect([order.ref_ext, order.ref_client, order.lines.length]).toEqual([null, 'XKBKNABJK', 1]);
    expect((await client.setRefExt('orders', orderId, 'ps-1-42')).ref_ext).toBe('ps-1-42');
  });

  it('pays part of an invoice with a payment ref_ext, then the rest, and reads the payments back', async () => {
    const { client } = setup();
    const socid = await customer(client, 'e@example.fr');
    const bank = await client.create('bankaccounts', {
      ref: 'CIC',
      label: 'Compte courant',
      type: 1,
      currency_code: 'EUR',
      country_id: 1,
    });
    const id = await client.createDocument('invoices', {
      socid,
      type: 0,
      date: 1795772612,
      ref_ext: 'ps-1-50',
      lines: [{ qty: 1, subprice: 100, tva_tx: 20, product_type: 0 }],
    });
    await client.validate('invoices', id);
    const common = { invoiceId: id, date: 1795772612, paymentTypeId: 6, bankAccountId: bank };
    await client.payInvoice({ ...common, amount: '50.00', refExt: 'ps-payment-50-1' });
    expect((await client.getInvoice(id)).remaintopay).toBe('70');
    await client.payInvoice({ ...common, amount: 'remain', refExt: 'ps-payment-50-2' });
    const invoice = await client.getInvoice(id);
    expect([invoice.status, invoice.paye, invoice.totalpaid, invoice.remaintopay]).toEqual([
      2,
      1,
      '120',
      '0',
    ]);
    const payments = await client.invoicePayments(id);
    expect(payments.map((p) => [p.amount, p.ref_ext])).toEqual([
      ['50', 'ps-payment-50-1'],
      ['70', 'ps-payment-50-2'],
    ]);
  });

  it('recognises a missing right, a module that is off, a path look-up and a refused filter', async () => {
    const { client, dolibarr } = setup();
    dolibarr.addKey('READONLYKEY00000000000000000000A', { rights: ['commande:read'] });
    const reader = new DolibarrClient({
      url: dolibarr.url,
      key: 'READONLYKEY00000000000000000000A',
      fetch: dolibarr.fetch,
      clock: new FakeClock(),
    });
    expect(await reader.documentsByRefExt('orders', ['ps-1-1'])).toEqual([]);
    const right = await failureOf(reader.createDocument('orders', { socid: 1, date: 1795772612 }));
    expect([right.code, right.status]).toEqual(['right-missing', 403]);
    expect(right.message).toMatch(/droits du module Commandes dans/);

    dolibarr.setModule('propal', false);
    const module = await failureOf(client.getProposal(1));
    expect([module.code, module.status]).toEqual(['module-off', 501]);
    expect(module.message).toMatch(/Propositions commerciales/);

    expect((await failureOf(client.request('GET', 'orders/ref_ext/ps-1-44'))).code).toBe(
      'lookup-path-broken',
    );
    expect((await failureOf(client.getOrder(999999))).code).toBe('not-found');
    dolibarr.calls.reset();
    const unquoted = await failureOf(
      client.list('orders', documentKeySchema, { sqlfilters: { text: '(t.ref_ext:=:ps-1-44)' } }),
    );
    expect([unquoted.code, unquoted.status]).toEqual(['server-error', 503]);
    expect(dolibarr.calls.total()).toBe(1);
    const garbage = await failureOf(
      client.list('orders', documentKeySchema, { sqlfilters: { text: "(t.ref_ext:=:'x') OR 1=1" } }),
    );
    expect(garbage.code).toBe('filter-invalid');
  });

  it('never puts a value Dolibarr’s WAF refuses in a path, and recognises the WAF’s page', async () => {
    const { client } = setup();
    expect(() => pathSegment('ps:1:44')).toThrow(DolibarrFailure);
    const waf = await failureOf(client.request('GET', 'orders/ref_ext/ps:1:44'));
    expect([waf.code, waf.status]).toEqual(['waf-refused', 403]);
    const filter = anyOf('ref_ext', ['prestashop:1']);
    expect(filter).not.toBeInstanceOf(DolibarrFailure);
  });

  it('retries a GET on 5xx pages and network errors with backoff, not a POST', async () => {
    const { client, dolibarr, clock } = setup();
    dolibarr.faults.failNext('status', 2, 503);
    expect((await client.status()).success.code).toBe(200);
    expect(clock.sleeps).toEqual([375, 750]);
    dolibarr.faults.failNext('orders', 1, 502);
    const failure = await failureOf(client.createDocument('orders', { socid: 1, date: 1795772612 }));
    expect([failure.code, failure.status]).toEqual(['server-error', 502]);
    dolibarr.faults.failNext('orders', 1, 429);
    expect(await client.createDocument('orders', { socid: 1, date: 1795772612 })).toBeGreaterThan(0);
    dolibarr.faults.failNext('status', 1, 'reset');
    expect((await client.status()).success.code).toBe(200);
  });

  it('says Dolibarr is unreachable when nothing ever answers, and times out a hung call', async () => {
    const down = setup({
      fetch: () =>
        Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })),
    });
    const unreachable = await failureOf(down.client.status());
    expect(unreachable.code).toBe('dolibarr-unreachable');
    expect(down.urls).toHaveLength(5);

    const hung = setup();
    hung.clock.expireTimeouts = true;
    hung.dolibarr.faults.failNext('status', 10, 'timeout');
    const timeout = await failureOf(hung.client.status());
    expect(timeout.code).toBe('timeout');
  });
});
