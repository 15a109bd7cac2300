import { describe, expect, it } from 'vitest';

import { type Amount, amount, sum } from '../../domain/money.js';
import type { ShopOrder } from '../../domain/shop-order.js';
import { fixtureJson } from './testing/recorded-fixtures.js';
import { recordedOrderRecords, recordedReferenceData } from './testing/recorded-order-records.js';
import { toShopOrder } from './to-shop-order.js';
import type { WireOrderDetail } from './wire-schemas.js';

interface ExpectedAddress {
  id: string;
  company: string;
  firstname: string;
  lastname: string;
  city: string;
  postcode: string;
  country_iso: string;
  vat_number: string;
}
interface ExpectedOrder {
  id_order: number;
  reference: string;
  id_shop: number;
  current_state: number;
  current_state_name: string;
  valid: number;
  date_add: string;
  invoice_number: number;
  invoice_date: string;
  customer: { id: string; email: string; company: string; siret: string; is_guest: string };
  address_delivery: ExpectedAddress;
  address_invoice: ExpectedAddress;
  currency: { id: number; iso_code: string };
  module: string;
  payment: string;
  carrier: {
    id_carrier: string;
    carrier_name: string;
    tracking_number: string;
    shipping_cost_tax_incl: string;
  } | null;
  id_carrier: number;
  totals: Record<string, string>;
  round_mode: number;
  round_type: number;
  gift_wrapping: {
    gift: number;
    gift_message: string;
    total_wrapping_tax_incl: string;
    total_wrapping_tax_excl: string;
  };
  lines: {
    id_order_detail: string;
    product_reference: string;
    product_quantity: string;
    unit_price_tax_excl: string;
    unit_price_tax_incl: string;
    total_price_tax_excl: string;
    total_price_tax_incl: string;
    tax_rate: string;
    ecotax: string;
    reduction_percent: string;
  }[];
  cart_rules: { name: string; value: string; value_tax_excl: string; free_shipping: string }[];
  payments: { id_order_payment: string; payment_method: string; amount: string; transaction_id: string }[];
  payments_sum: string;
  customer_messages: { message: string }[];
}

const expected = fixtureJson<{ orders: ExpectedOrder[] }>('8.1.2/expected-orders.json').orders;
const reference = recordedReferenceData();
const records = recordedOrderRecords();
const ORDERS_WITH_RECORDED_DETAILS = [8, 11, 13];

function mapped(orderId: number): ShopOrder {
  const found = records.find((entry) => entry.order.id === orderId);
  if (!found) throw new Error(`order ${orderId} not recorded`);
  const result = toShopOrder(found, reference);
  if (!result.ok) throw new Error(`order ${orderId} refused: ${result.message}`);
  return result.order;
}

function same(actual: Amount, text: string): boolean {
  return actual.equals(amount(text));
}

describe('toShopOrder against the ground truth of the recorded 8.1.2 shop', () => {
  it('has the 18 recorded orders', () => {
    expect(expected).toHaveLength(18);
    expect(records).toHaveLength(18);
  });

  it.each(expected.map((order) => [order.id_order, order] as const))(
    'order %i: header, totals, parties',
    (id, truth) => {
      const order = mapped(id);
      expect(order.key).toEqual({ shopId: truth.id_shop, orderId: id });
      expect(order.reference).toBe(truth.reference);
      expect(order.state.id).toBe(truth.current_state);
      expect(order.state.name).toBe(truth.current_state_name);
      expect(order.valid).toBe(truth.valid === 1);
      expect(order.dateAdd).toBe(truth.date_add);
      expect(order.invoiceNumber).toBe(truth.invoice_number);
      expect(order.invoiceDate).toBe(truth.invoice_date.startsWith('0000') ? undefined : truth.invoice_date);
      expect(order.currency.isoCode).toBe(truth.currency.iso_code);
      expect(order.paymentModule).toBe(truth.module);
      expect(order.paymentLabel).toBe(truth.payment);
      expect(order.roundMode).toBe(truth.round_mode);
      expect(order.roundType).toBe(truth.round_type);

      const totals = truth.totals;
      const pairs: [Amount, string | undefined][] = [
        [order.totals.paidTaxIncl, totals['total_paid_tax_incl']],
        [order.totals.paidTaxExcl, totals['total_paid_tax_excl']],
        [order.totals.paidReal, totals['total_paid_real']],
        [order.totals.productsTaxExcl, totals['total_products']],
        [order.totals.productsTaxIncl, totals['total_products_wt']],
        [order.totals.shippingTaxIncl, totals['total_shipping_tax_incl']],
        [order.totals.shippingTaxExcl, totals['total_shipping_tax_excl']],
        [order.totals.carrierTaxRate, totals['carrier_tax_rate']],
        [order.totals.discountsTaxIncl, totals['total_discounts_tax_incl']],
        [order.totals.discountsTaxExcl, totals['total_discounts_tax_excl']],
        [order.totals.wrappingTaxIncl, truth.gift_wrapping.total_wrapping_tax_incl],
        [order.totals.wrappingTaxExcl, truth.gift_wrapping.total_wrapping_tax_excl],
      ];
      for (const [actual, text] of pairs) expect(actual.toFixed(6)).toBe(amount(text ?? 'NaN').toFixed(6));
      expect(order.gift).toBe(truth.gift_wrapping.gift === 1);
      // The ground truth was dumped through a 3-byte utf8 connection: its emoji are '?'; the webservice
      // sends them as they are.
      expect(order.giftMessage.replace(/\p{Extended_Pictographic}/gu, '?')).toBe(
        truth.gift_wrapping.gift_message,
      );

      expect(order.customer?.id).toBe(Number(truth.customer.id));
      expect(order.customer?.email).toBe(truth.customer.email);
      expect(order.customer?.company).toBe(truth.customer.company);
      expect(order.customer?.siret).toBe(truth.customer.siret);
      expect(order.customer?.isGuest).toBe(truth.customer.is_guest === '1');
      for (const [address, want] of [
        [order.deliveryAddress, truth.address_delivery],
        [order.invoiceAddress, truth.address_invoice],
      ] as const) {
        expect(address?.id).toBe(Number(want.id));
        expect(address?.company).toBe(want.company);
        expect(address?.lastName).toBe(want.lastname);
        expect(address?.postcode).toBe(want.postcode);
        expect(address?.city).toBe(want.city);
        expect(address?.countryIso).toBe(want.country_iso);
        expect(address?.vatNumber).toBe(want.vat_number);
      }

      if (truth.id_carrier === 0) {
        expect(order.carrier).toBeUndefined();
      } else {
        expect(order.carrier?.id).toBe(truth.id_carrier);
      }
      if (truth.carrier) {
        expect(order.carrier?.name).toBe(truth.carrier.carrier_name);
        expect(order.shipment?.trackingNumber).toBe(truth.carrier.tracking_number);
        expect(
          same(order.shipment?.shippingTaxIncl ?? amount(-1), truth.carrier.shipping_cost_tax_incl),
        ).toBe(true);
      } else {
        expect(order.shipment).toBeUndefined();
      }
    },
  );

  it.each(expected.map((order) => [order.id_order, order] as const))(
    'order %i: cart rules, payments, messages',
    (id, truth) => {
      const order = mapped(id);
      expect(
        order.cartRules.map((rule) => [
          rule.name,
          rule.valueTaxIncl.toFixed(6),
          rule.valueTaxExcl.toFixed(6),
          rule.freeShipping,
        ]),
      ).toEqual(
        truth.cart_rules.map((rule) => [
          rule.name,
          amount(rule.value).toFixed(6),
          amount(rule.value_tax_excl).toFixed(6),
          rule.free_shipping === '1',
        ]),
      );
      expect(
        order.payments.map((payment) => [
          payment.id,
          payment.method,
          payment.amount.toFixed(6),
          payment.transactionId,
        ]),
      ).toEqual(
        truth.payments.map((payment) => [
          Number(payment.id_order_payment),
          payment.payment_method,
          amount(payment.amount).toFixed(6),
          payment.transaction_id,
        ]),
      );
      expect(sum(order.payments.map((payment) => payment.amount)).equals(amount(truth.payments_sum))).toBe(
        true,
      );
      expect(order.messages).toEqual(truth.customer_messages.map((message) => message.message));
    },
  );

  it.each(ORDERS_WITH_RECORDED_DETAILS)('order %i: lines with their VAT rate from order_details', (id) => {
    const truth = expected.find((order) => order.id_order === id);
    const order = mapped(id);
    expect(order.lines.map((line) => line.detailId)).toEqual(
      truth?.lines.map((line) => Number(line.id_order_detail)),
    );
    order.lines.forEach((line, index) => {
      const want = truth?.lines[index];
      if (!want) throw new Error('missing line');
      expect(line.reference).toBe(want.product_reference);
      expect(line.quantity).toBe(Number(want.product_quantity));
      expect(same(line.unitPriceTaxExcl, want.unit_price_tax_excl)).toBe(true);
      expect(same(line.unitPriceTaxIncl, want.unit_price_tax_incl)).toBe(true);
      expect(same(line.totalTaxExcl, want.total_price_tax_excl)).toBe(true);
      expect(same(line.totalTaxIncl, want.total_price_tax_incl)).toBe(true);
      expect(same(line.taxRate, want.tax_rate)).toBe(true);
      expect(same(line.ecotaxTaxExcl, want.ecotax)).toBe(true);
      expect(same(line.reductionPercent, want.reduction_percent)).toBe(true);
    });
  });

  it('infers the lines of the other orders from their own rows, same references, quantities and rates', () => {
    for (const truth of expected.filter((order) => !ORDERS_WITH_RECORDED_DETAILS.includes(order.id_order))) {
      const order = mapped(truth.id_order);
      expect(order.lines.map((line) => [line.reference, line.quantity, line.taxRate.toFixed()])).toEqual(
        truth.lines.map((line) => [
          line.product_reference,
          Number(line.product_quantity),
          amount(line.tax_rate).toFixed(),
        ]),
      );
    }
  });
});

describe('toShopOrder refusals', () => {
  const base = records.find((entry) => entry.order.id === 11);
  if (!base) throw new Error('order 11 not recorded');

  it('refuses an unknown currency', () => {
    const result = toShopOrder({ ...base, order: { ...base.order, id_currency: 99 } }, reference);
    expect(result).toMatchObject({
      ok: false,
      code: 'unknown-currency',
      key: { shopId: 1, orderId: 11 },
      reference: 'FEVOAJXDR',
    });
  });

  it('refuses an order without lines', () => {
    const result = toShopOrder(
      { ...base, details: [], order: { ...base.order, associations: { order_rows: [] } } },
      reference,
    );
    expect(result).toMatchObject({ ok: false, code: 'no-lines' });
  });

  it('refuses a negative quantity', () => {
    const [first, ...rest] = base.details;
    if (!first) throw new Error('no detail');
    const negative: WireOrderDetail = { ...first, product_quantity: -2 };
    expect(toShopOrder({ ...base, details: [negative, ...rest] }, reference)).toMatchObject({
      ok: false,
      code: 'negative-quantity',
    });
  });

  it('keeps a missing billing address undefined (the sync decides)', () => {
    const result = toShopOrder({ ...base, invoiceAddress: undefined }, reference);
    expect(result.ok && result.order.invoiceAddress).toBeUndefined();
    expect(result.ok && result.order.deliveryAddress?.city).toBe('Sarlat-la-Canéda');
  });

  it('falls back to a tax_rate field when the tax is not in the taxes resource', () => {
    const [first] = base.details;
    if (!first) throw new Error('no detail');
    const detail: WireOrderDetail = {
      ...first,
      associations: { taxes: [{ id: 999 }] },
      tax_rate: amount('5.5'),
    };
    const result = toShopOrder({ ...base, details: [detail] }, reference);
    expect(result.ok && result.order.lines[0]?.taxRate.toFixed(1)).toBe('5.5');
  });
});
