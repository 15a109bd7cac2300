import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoDolibarr, type DemoDolibarr } from './index.js';

const NOW = new Date('2026-11-27T09:43:32Z');

async function call(
  dolibarr: DemoDolibarr,
  method: string,
  path: string,
  body?: unknown,
  key = dolibarr.key,
): Promise<{ status: number; body: unknown }> {
  const answer = await dolibarr.fetch(`${dolibarr.url}/api/index.php/${path}`, {
    method,
    headers: { DOLAPIKEY: key, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await answer.text();
  const json = answer.headers.get('content-type')?.includes('json') ?? false;
  return {
    status: answer.status,
    body: text === '' ? undefined : json ? (JSON.parse(text) as unknown) : text,
  };
}

const LINE = { desc: 'x', qty: 1, subprice: 10, tva_tx: 20, product_type: 0 };

describe('the Dolibarr simulator', () => {
  it('counts calls by endpoint and method', async () => {
    const dolibarr = createDemoDolibarr({ now: () => NOW });
    await call(dolibarr, 'GET', 'orders/1');
    await call(dolibarr, 'GET', 'orders/2');
    await call(dolibarr, 'POST', 'orders/2/validate', {});
    expect(dolibarr.calls.byResourceAndMethod()).toEqual({
      'orders/{id}': { GET: 2 },
      'orders/{id}/validate': { POST: 1 },
    });
  });

  it('fails the next calls on an endpoint, and injects 5xx at a rate with a seed', async () => {
    const dolibarr = createDemoDolibarr({ now: () => NOW });
    dolibarr.faults.failNext('status', 2, 503);
    expect(
      (await dolibarr.fetch(`${dolibarr.url}/api/index.php/status`, { headers: { DOLAPIKEY: dolibarr.key } }))
        .status,
    ).toBe(503);
    expect((await call(dolibarr, 'GET', 'status')).status).toBe(503);
    expect((await call(dolibarr, 'GET', 'status')).status).toBe(200);
    dolibarr.faults.configure({ errorRates: { 503: 0.5 }, seed: 7 });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => call(dolibarr, 'GET', 'status')));
    const failed = statuses.filter((s) => s.status === 503).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
  });

  it('answers 501 for a module that is off and 403 for a key without the right', async () => {
    const dolibarr = createDemoDolibarr({ now: () => NOW });
    dolibarr.setModule('facture', false);
    expect((await call(dolibarr, 'GET', 'invoices')).status).toBe(501);
    expect((await call(dolibarr, 'GET', 'setup/modules')).body).not.toContain('facture');
    expect((await call(dolibarr, 'GET', 'setup/conf/MAIN_MODULE_FACTURE')).status).toBe(400);
    dolibarr.addKey('READER', { rights: ['commande:read'] });
    expect((await call(dolibarr, 'GET', 'orders', undefined, 'READER')).status).toBe(200);
    expect(await call(dolibarr, 'POST', 'orders', { socid: 1, date: 1 }, 'READER')).toMatchObject({
      status: 403,
      body: { error: { code: 403, message: 'Forbidden' } },
    });
    dolibarr.addKey('DISABLED', { active: false });
    expect((await call(dolibarr, 'GET', 'status', undefined, 'DISABLED')).status).toBe(401);
  });

  it('refuses a name over 128 characters, counted in characters, and validates an order with no lines', async () => {
    const dolibarr = createDemoDolibarr({ now: () => NOW });
    expect((await call(dolibarr, 'POST', 'thirdparties', { name: 'é'.repeat(128) })).status).toBe(200);
    expect((await call(dolibarr, 'POST', 'thirdparties', { name: 'é'.repeat(129) })).status).toBe(500);
    const id = (await call(dolibarr, 'POST', 'orders', { socid: 1, date: 1795772612 })).body as number;
    expect(await call(dolibarr, 'POST', `orders/${id}/validate`, {})).toMatchObject({
      status: 200,
      body: { status: '1', total_ttc: '0.00000000' },
    });
  });

  it('keeps documents in the order’s currency when the multicurrency module is on, in euros when off', async () => {
    const off = createDemoDolibarr({ now: () => NOW });
    const euros = (
      await call(off, 'POST', 'orders', {
        socid: 1,
        date: 1795772612,
        multicurrency_code: 'USD',
        multicurrency_tx: 1.0835,
        lines: [LINE],
      })
    ).body as number;
    expect((await call(off, 'GET', `orders/${euros}`)).body).toMatchObject({ multicurrency_code: 'EUR' });
    const on = createDemoDolibarr({ now: () => NOW });
    on.setModule('multicurrency', true);
    const dollars = (
      await call(on, 'POST', 'orders', {
        socid: 1,
        date: 1795772612,
        multicurrency_code: 'USD',
        multicurrency_tx: 1.0835,
        lines: [{ ...LINE, qty: 3 }],
      })
    ).body as number;
    expect((await call(on, 'GET', `orders/${dollars}`)).body).toMatchObject({
      multicurrency_code: 'USD',
      multicurrency_tx: '1.08350000',
      total_ttc: '36.00000000',
      multicurrency_total_ttc: '39.01000000',
    });
  });

  it('follows Dolibarr 23 with currencies: undeclared ones in euros, prices in the currency where its endpoints take them, payments in either currency (real exchanges 040–056)', async () => {
    const dolibarr = createDemoDolibarr({ now: () => NOW });
    dolibarr.setModule('multicurrency', true);
    const account = (
      await call(dolibarr, 'POST', 'bankaccounts', {
        ref: 'BQ1',
        label: 'Banque',
        type: 1,
        currency_code: 'EUR',
        country_id: 1,
      })
    ).body as number;
    const usd = { socid: 1, date: 1795772612, multicurrency_code: 'USD', multicurrency_tx: '1.1' };
    const lines = [
      { ...LINE, qty: '3', subprice: '18.17273', multicurrency_subprice: '19.99' },
      { ...LINE, subprice: '6.89091', multicurrency_subprice: '7.58', tva_tx: '5.5' },
    ];
    const invoice = (await call(dolibarr, 'POST', 'invoices', { ...usd, lines })).body as number;
    expect((await call(dolibarr, 'GET', `invoices/${invoice}`)).body).toMatchObject({
      total_ttc: '72.69000000',
      multicurrency_total_ht: '67.55000000',
      multicurrency_total_ttc: '79.96000000',
    });
    // The invoices' line endpoint drops multicurrency_subprice: its price there is the EUR one × rate.
    await call(dolibarr, 'POST', `invoices/${invoice}/lines`, {
      ...LINE,
      subprice: '0.0090909091',
      multicurrency_subprice: '0.01',
      price_base_type: 'TTC',
    });
    expect((await call(dolibarr, 'GET', `invoices/${invoice}`)).body).toMatchObject({
      total_ttc: '72.70000000',
      multicurrency_total_ttc: '79.97000000',
    });
    await call(dolibarr, 'POST', `invoices/${invoice}/validate`, { notrigger: 0, idwarehouse: 0 });
    const both = await call(dolibarr, 'POST', 'invoices/paymentsdistributed', {
      arrayofamounts: { [invoice]: { amount: '10', multicurrency_amount: '11' } },
      datepaye: 1795772612,
      paymentid: 6,
      closepaidinvoices: 'yes',
      accountid: account,
    });
    expect(both.status).toBe(400);
    await call(dolibarr, 'POST', 'invoices/paymentsdistributed', {
      arrayofamounts: { [invoice]: { amount: '', multicurrency_amount: '79.97' } },
      datepaye: 1795772612,
      paymentid: 6,
      closepaidinvoices: 'yes',
      accountid: account,
    });
    expect((await call(dolibarr, 'GET', `invoices/${invoice}`)).body).toMatchObject({ paye: '1' });
    expect((await call(dolibarr, 'GET', `invoices/${invoice}/payments`)).body).toMatchObject([
      { amount: '72.70000000' },
    ]);
    // An order's create() drops an inline line's multicurrency_subprice; its line endpoint keeps it.
    const line = { ...LINE, subprice: '1', multicurrency_subprice: '5' };
    const order = (await call(dolibarr, 'POST', 'orders', { ...usd, lines: [line] })).body as number;
    await call(dolibarr, 'POST', `orders/${order}/lines`, line);
    const read = (await call(dolibarr, 'GET', `orders/${order}`)).body as {
      lines: { multicurrency_total_ht: string }[];
    };
    expect(read.lines.map((l) => l.multicurrency_total_ht)).toEqual(['1.10000000', '5.00000000']);
    // A currency the setup does not declare becomes the company's at 1.
    const chf = (await call(dolibarr, 'POST', 'invoices', { ...usd, multicurrency_code: 'CHF', lines }))
      .body as number;
    expect((await call(dolibarr, 'GET', `invoices/${chf}`)).body).toMatchObject({
      multicurrency_code: 'EUR',
      multicurrency_tx: '1.00000000',
      multicurrency_total_ttc: '72.69000000',
    });
    expect((await call(dolibarr, 'GET', 'multicurrencies')).body).toMatchObject([
      { code: 'EUR' },
      { code: 'USD', rate: { rate: '1.1' } },
      { code: 'GBP' },
    ]);
  });

  it('ships a validated order with a tracking number when the shipment module is on', async () => {
    const dolibarr = createDemoDolibarr({ now: () => NOW });
    expect((await call(dolibarr, 'GET', 'shipments')).status).toBe(501);
    dolibarr.setModule('expedition', true);
    const order = (await call(dolibarr, 'POST', 'orders', { socid: 1, date: 1795772612, lines: [LINE] }))
      .body as number;
    await call(dolibarr, 'POST', `orders/${order}/validate`, {});
    const shipment = (
      await call(dolibarr, 'POST', 'shipments', {
        socid: 1,
        origin_type: 'commande',
        origin_id: order,
        tracking_number: '6A12345678901',
        lines: [{ origin_line_id: 1, qty: 1 }],
      })
    ).body as number;
    expect((await call(dolibarr, 'POST', `shipments/${shipment}/validate`, {})).body).toMatchObject({
      ref: 'SH2611-0001',
      tracking_number: '6A12345678901',
    });
    expect((await call(dolibarr, 'GET', `orders/${order}`)).body).toMatchObject({ status: '2' });
    expect(
      (await call(dolibarr, 'GET', "shipments?sqlfilters=(t.tracking_number:=:'6A12345678901')")).body,
    ).toHaveLength(1);
  });

  it('refunds a credit note through /payments with the wrong sign, as 23.0.0-beta does', async () => {
    const dolibarr = createDemoDolibarr({ now: () => NOW });
    const bank = (
      await call(dolibarr, 'POST', 'bankaccounts', {
        ref: 'B',
        label: 'B',
        type: 1,
        currency_code: 'EUR',
        country_id: 1,
      })
    ).body as number;
    const credit = (
      await call(dolibarr, 'POST', 'invoices', {
        socid: 1,
        type: 2,
        fk_facture_source: 1,
        date: 1795772612,
        lines: [{ ...LINE, subprice: -19.12 }],
      })
    ).body as number;
    await call(dolibarr, 'POST', `invoices/${credit}/validate`, {});
    await call(dolibarr, 'POST', `invoices/${credit}/payments`, {
      datepaye: 1795772612,
      paymentid: 6,
      closepaidinvoices: 'yes',
      accountid: bank,
    });
    expect((await call(dolibarr, 'GET', `invoices/${credit}`)).body).toMatchObject({
      status: '1',
      remaintopay: '-45.88',
      totalpaid: 22.94,
    });
  });

  it('answers over real HTTP when listening', async () => {
    const dolibarr = createDemoDolibarr({ now: () => NOW });
    const server = await dolibarr.listen(0);
    try {
      const answer = await fetch(`${server.url}/api/index.php/setup/conf/MAIN_MONNAIE`, {
        headers: { DOLAPIKEY: dolibarr.key },
      });
      expect(await answer.json()).toBe('EUR');
    } finally {
      await server.close();
    }
  });
  it('keeps contacts and their roles on documents as Dolibarr 23’s source says (not in the recordings)', async () => {
    const dolibarr = createDemoDolibarr({ empty: true, now: () => NOW });
    const socid = (await call(dolibarr, 'POST', 'thirdparties', { name: 'Camille', client: 1 }))
      .body as number;
    // An empty contact list is 200 [], unlike the third parties' 404.
    expect(await call(dolibarr, 'GET', `contacts?sqlfilters=(t.fk_soc:=:${socid})`)).toEqual({
      status: 200,
      body: [],
    });
    expect((await call(dolibarr, 'POST', 'contacts', { socid })).body).toMatchObject({
      error: { code: 400, message: 'Bad Request: lastname field missing' },
    });
    const contact = await call(dolibarr, 'POST', 'contacts', {
      socid,
      lastname: 'Marc Dupré',
      zip: '69001',
      country_code: 'FR',
      ref_ext: 'ps-adr-1',
    });
    expect(contact).toEqual({ status: 200, body: 1 });
    expect((await call(dolibarr, 'GET', `contacts?sqlfilters=(t.fk_soc:=:${socid})`)).body).toMatchObject([
      { id: '1', socid: String(socid), lastname: 'Marc Dupré', country_id: '1', ref_ext: 'ps-adr-1' },
    ]);
    const order = (await call(dolibarr, 'POST', 'orders', { socid, date: 1795772612, lines: [LINE] }))
      .body as number;
    expect(await call(dolibarr, 'POST', `orders/${order}/contact/1/SHIPPING`)).toEqual({
      status: 200,
      body: {
        success: { code: 200, message: `Contact=1 linked to the order=${order} as external SHIPPING` },
      },
    });
    expect((await call(dolibarr, 'POST', `orders/${order}/contact/1/SHIPPING`)).body).toMatchObject({
      error: {
        code: 400,
        message: `Bad Request: Already exists: Contact=1 is already linked to the order=${order} as source=external and type=SHIPPING`,
      },
    });
    expect((await call(dolibarr, 'POST', `orders/${order}/contact/1/SERVICE`)).status).toBe(400);
    expect((await call(dolibarr, 'POST', `orders/${order}/contact/9/SHIPPING`)).status).toBe(400);
    expect((await call(dolibarr, 'POST', 'orders/999/contact/1/SHIPPING')).status).toBe(404);
    expect(dolibarr.store.contactLinks).toEqual([
      { kind: 'commande', documentId: order, contactId: 1, type: 'SHIPPING' },
    ]);
  });

  it('copies a proposal’s contacts to the order made from it unless MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN is 0, as the real one does', async () => {
    const real = (file: string) =>
      (
        JSON.parse(
          readFileSync(
            join(import.meta.dirname, '../../test/fixtures/dolibarr/real-23.0.0-beta', file),
            'utf8',
          ),
        ) as { response: { body: unknown } }
      ).response.body;
    const dolibarr = createDemoDolibarr({ empty: true, now: () => NOW });
    const socid = (await call(dolibarr, 'POST', 'thirdparties', { name: 'Paul', client: 1 })).body as number;
    const contact = (
      await call(dolibarr, 'POST', 'contacts', {
        socid,
        lastname: 'Paul Martin',
        town: 'Marseille',
        country_id: 1,
      })
    ).body as number;
    const orderFromProposal = async () => {
      const proposal = (await call(dolibarr, 'POST', 'proposals', { socid, date: 1796171476, lines: [LINE] }))
        .body as number;
      await call(dolibarr, 'POST', `proposals/${proposal}/contact/${contact}/SHIPPING`);
      const order = (await call(dolibarr, 'POST', `orders/createfromproposal/${proposal}`)).body as {
        id: number;
      };
      return { proposal, order: order.id };
    };
    expect((await call(dolibarr, 'GET', 'setup/conf/MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN')).body).toBe('*');
    const copied = await orderFromProposal();
    const roles = (await call(dolibarr, 'GET', `orders/${copied.order}/contacts`)).body as Record<
      string,
      unknown
    >[];
    expect(roles).toMatchObject([
      {
        id: String(contact),
        code: 'SHIPPING',
        source: 'external',
        libelle: 'Contact client livraison commande',
      },
    ]);
    const recorded = real('029_order_contacts_after_createfromproposal_default.json') as Record<
      string,
      unknown
    >[];
    expect(Object.keys(roles[0] ?? {})).toEqual(Object.keys(recorded[0] ?? {}));
    expect((await call(dolibarr, 'POST', `orders/${copied.order}/contact/${contact}/SHIPPING`)).status).toBe(
      400,
    );

    dolibarr.store.constants.set('MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN', '0');
    const lost = await orderFromProposal();
    expect((await call(dolibarr, 'GET', `orders/${lost.order}/contacts`)).body).toEqual([]);
    expect(
      (await call(dolibarr, 'GET', `proposals/${lost.proposal}/contacts?type=SHIPPING`)).body,
    ).toMatchObject([{ id: String(contact), code: 'SHIPPING', libelle: 'Contact client livraison propale' }]);
    expect((await call(dolibarr, 'GET', `proposals/${lost.proposal}/contacts?type=BILLING`)).body).toEqual(
      [],
    );
    expect((await call(dolibarr, 'GET', 'proposals/999/contacts')).body).toMatchObject({
      error: { code: 404, message: 'Not Found: Proposal not found' },
    });
  });
});
