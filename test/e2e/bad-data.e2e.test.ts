import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATE_TABLE } from '../../src/config/defaults.js';
import type { OrderOutcome } from '../../src/domain/import-report.js';
import { amount, format } from '../../src/domain/money.js';
import type { LineRecord, OrderRecord } from '../../src/demo-shop/index.js';
import { openDemoNavette, type DemoNavette } from '../support/demo-navette.js';

const selected = new Set(DEFAULT_STATE_TABLE.filter((rule) => rule.selected).map((rule) => rule.id));

/** The simulator's records are read-only for its own code; a test reaches in to break one on purpose. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

describe('bad data from the shop', () => {
  let demo: DemoNavette;
  afterEach(async () => demo?.close());

  it('fails only the affected orders, each with a clear reason, and the run goes on', async () => {
    demo = await openDemoNavette();
    const data = demo.shop.data;
    const candidates = [...data.orders()].filter(
      (order) => selected.has(order.currentState) && order.shopId === 1,
    );
    const pick = (() => {
      const taken = new Set<number>();
      return (test: (order: OrderRecord) => boolean = () => true): OrderRecord => {
        const order = candidates.find((candidate) => !taken.has(candidate.id) && test(candidate));
        if (!order) throw new Error('the demo shop has too few orders for this test');
        taken.add(order.id);
        return order;
      };
    })();

    const sharesCustomer = (order: OrderRecord): boolean =>
      candidates.some((other) => other.id !== order.id && other.customerId === order.customerId);
    const missingCustomer = pick((order) => !sharesCustomer(order));
    data.removeCustomer(missingCustomer.customerId);
    const missingAddress = pick();
    data.corruptOrder(missingAddress.id, 'id_address_delivery', '999999');
    data.corruptOrder(missingAddress.id, 'id_address_invoice', '999999');
    const unknownCurrency = pick();
    data.corruptOrder(unknownCurrency.id, 'id_currency', '99');
    const malformed = pick();
    data.corruptOrder(malformed.id, 'total_paid_tax_incl', '12,50 €');
    const disagreeing = pick();
    data.corruptOrder(
      disagreeing.id,
      'total_paid_tax_incl',
      format(amount(disagreeing.totals.paidTaxIncl).plus(1), 6),
    );
    data.corruptOrder(
      disagreeing.id,
      'total_paid',
      format(amount(disagreeing.totals.paidTaxIncl).plus(1), 6),
    );
    const negative = pick();
    const [firstLine, ...otherLines] = negative.lines;
    (negative as Writable<OrderRecord>).lines = [
      { ...(firstLine as LineRecord), quantity: -2 },
      ...otherLines,
    ];
    const empty = pick();
    (empty as Writable<OrderRecord>).lines = [];

    // A huge order: 1,000 lines, imported like any other.
    const model = candidates[0]!;
    const huge = data.addOrder({
      shopId: 1,
      customerId: [...data.orders()].find((order) => order.customerId !== missingCustomer.customerId)!
        .customerId,
      addressDeliveryId: model.addressDeliveryId,
      addressInvoiceId: model.addressInvoiceId,
      carrierId: model.carrierId,
      lines: Array.from({ length: 1000 }, (_, index) => ({
        productId: model.lines[index % model.lines.length]!.productId,
        quantity: 1 + (index % 3),
      })),
      payment: 'wire',
      path: [10, 2],
      placedAt: '2026-11-20 10:00:00',
    });

    const summary = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(summary.fatal).toBeUndefined();
    const outcomes = new Map<number, OrderOutcome>();
    for await (const outcome of demo.navette.store.runOutcomes(summary.runId))
      outcomes.set(outcome.orderId, outcome);

    const failure = (order: OrderRecord): Pick<OrderOutcome, 'status' | 'code'> & { reason: string } => {
      const outcome = outcomes.get(order.id)!;
      return { status: outcome.status, code: outcome.code, reason: outcome.reason ?? '' };
    };
    expect(failure(missingCustomer)).toMatchObject({ status: 'failed', code: 'customer-missing' });
    expect(failure(missingAddress)).toMatchObject({ status: 'failed', code: 'address-missing' });
    expect(failure(unknownCurrency)).toMatchObject({ status: 'failed' });
    expect(failure(unknownCurrency).reason).toMatch(/devise|currency/i);
    expect(failure(malformed)).toMatchObject({ status: 'failed' });
    expect(failure(malformed).reason).toMatch(/12,50/);
    expect(failure(disagreeing)).toMatchObject({ status: 'failed', code: 'totals-mismatch' });
    expect(failure(negative)).toMatchObject({ status: 'failed' });
    expect(failure(empty)).toMatchObject({ status: 'failed' });
    for (const order of [
      missingCustomer,
      missingAddress,
      unknownCurrency,
      malformed,
      disagreeing,
      negative,
      empty,
    ]) {
      expect(failure(order).reason.length, `reason of order ${order.id}`).toBeGreaterThan(20);
    }

    const hugeOutcome = outcomes.get(huge.id)!;
    expect(hugeOutcome.status).toBe('imported');
    const hugeDocument = await demo.navette.target.getDocument(hugeOutcome.document!.number!);
    expect(hugeDocument!.lines.filter((line) => line.kind === 'product')).toHaveLength(1000);
    expect(format(hugeDocument!.totals.taxIncl)).toBe(format(amount(huge.totals.paidTaxIncl)));

    expect(summary.counts.failed).toBe(7);
    expect(summary.counts.imported).toBe(summary.counts.read - 7);
  });

  it('imports an American order when the key may not read the shop’s provinces, without its state code', async () => {
    demo = await openDemoNavette();
    const data = demo.shop.data;
    const model = [...data.orders()].find((order) => order.shopId === 1)!;
    const address = data.addAddress({
      customerId: model.customerId,
      firstname: 'Ada',
      lastname: 'Lovelace',
      address1: '350 Fifth Avenue',
      postcode: '10118',
      city: 'New York',
      countryId: 21,
      stateId: 22,
      dateAdd: '2026-11-20 09:00:00',
    });
    const order = data.addOrder({
      shopId: 1,
      customerId: model.customerId,
      addressDeliveryId: address,
      addressInvoiceId: address,
      carrierId: model.carrierId,
      lines: [{ productId: model.lines[0]!.productId, quantity: 1 }],
      payment: 'card',
      path: [2],
      placedAt: '2026-11-20 10:00:00',
    });
    const summary = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(summary.fatal).toBeUndefined();
    const document = await demo.navette.target.findByExternalKey(`ps-1-${order.id}`);
    expect(document).toBeDefined();
    const full = await demo.navette.target.getDocument(document!.number);
    expect(full?.billingAddress).toMatchObject({ city: 'New York', countryIso: 'US' });
  });

  it('fails the orders of a page whose details the host keeps refusing, and the next run imports them', async () => {
    demo = await openDemoNavette();
    // More 500s than the client retries: the first order_details call of the run fails for good.
    demo.shop.faults.failNext('order_details', 5, 500);
    const summary = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(summary.fatal).toBeUndefined();
    const outcomes: OrderOutcome[] = [];
    for await (const outcome of demo.navette.store.runOutcomes(summary.runId)) outcomes.push(outcome);
    const failed = outcomes.filter((outcome) => outcome.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(
      failed.every(
        (outcome) => outcome.code === 'shop-read-failed' && /prochain import/.test(outcome.reason ?? ''),
      ),
    ).toBe(true);
    expect(summary.status).toBe('partial');

    // The next run picks the failed orders up.
    const next = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(next.counts.imported).toBe(failed.length);
    expect(next.counts.failed).toBe(0);
  }, 60_000);
});
