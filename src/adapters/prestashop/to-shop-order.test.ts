import { describe, expect, it } from 'vitest';

import { type Amount, amount, sum } from '../../domain/money.js';
import type { ShopOrder } from '../../domain/shop-order.js';
import { fixtureJson } from './testing/recorded-fixtures.js';
import { recordedOrderRecords, recordedReferenceData } from './testing/recorded-order-records.js';
import { type OrderRecords, type ReferenceData, toShopOrder } from './to-shop-order.js';
import type { WireOrderDetail } from './wire-readers.js';
import { pickLanguage } from './wire-schemas.js';

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

describe('toShopOrder, field by field', () => {
  const base = records.find((entry) => entry.order.id === 11);
  if (!base) throw new Error('order 11 not recorded');
  const [firstDetail] = base.details;
  if (!firstDetail) throw new Error('order 11 has no detail');

  function ok(orderRecords: OrderRecords, data = reference): ShopOrder {
    const result = toShopOrder(orderRecords, data);
    if (!result.ok) throw new Error(result.message);
    return result.order;
  }

  it('takes each header field and total from the order record', () => {
    const wire = base.order;
    const order = ok(base);
    expect(order).toMatchObject({
      key: { shopId: wire.id_shop, orderId: wire.id },
      shopGroupId: wire.id_shop_group,
      dateUpd: wire.date_upd,
      languageId: wire.id_lang,
      customerId: wire.id_customer,
      conversionRate: wire.conversion_rate,
      recyclable: wire.recyclable,
    });
    expect(order.currency).toEqual({
      id: wire.id_currency,
      isoCode: 'EUR',
      name: 'Euro',
      conversionRate: reference.currencies.get(wire.id_currency)?.conversion_rate,
    });
    const state = reference.orderStates.get(wire.current_state);
    if (!state) throw new Error('state not recorded');
    expect(order.state).toEqual({
      id: state.id,
      name: pickLanguage(state.name, 1),
      paid: state.paid,
      shipped: state.shipped,
      delivery: state.delivery,
      invoice: state.invoice,
      logable: state.logable,
      deleted: state.deleted,
      hidden: state.hidden,
      sendEmail: state.send_email,
      moduleName: state.module_name,
      template: pickLanguage(state.template, 1),
      color: state.color,
    });
  });

  it('maps the customer and both addresses field by field, with the province when known', () => {
    const customer = base.customer;
    const address = base.deliveryAddress;
    if (!customer || !address) throw new Error('order 11 has no customer or address');
    const province = { id: 77, iso_code: 'CA-QC', id_country: address.id_country, name: 'Québec' };
    const withProvince = {
      ...reference,
      provinces: new Map([[77, province]]) as unknown as ReferenceData['provinces'],
    };
    const order = ok({ ...base, deliveryAddress: { ...address, id_state: 77 } }, withProvince);
    expect(order.customer).toEqual({
      id: customer.id,
      firstName: customer.firstname,
      lastName: customer.lastname,
      email: customer.email,
      company: customer.company,
      siret: customer.siret,
      ape: customer.ape,
      isGuest: customer.is_guest,
      deleted: customer.deleted,
      defaultGroupId: customer.id_default_group,
    });
    expect(order.deliveryAddress).toEqual({
      id: address.id,
      alias: address.alias,
      company: address.company,
      firstName: address.firstname,
      lastName: address.lastname,
      address1: address.address1,
      address2: address.address2,
      postcode: address.postcode,
      city: address.city,
      countryIso: 'FR',
      countryName: 'France',
      stateIso: 'CA-QC',
      vatNumber: address.vat_number,
      dni: address.dni,
      phone: address.phone,
      phoneMobile: address.phone_mobile,
      other: address.other,
    });
    expect(order.invoiceAddress?.stateIso).toBe('');
    // id_state 0 means "no province", even if a province 0 were listed.
    const zero = {
      ...reference,
      provinces: new Map([[0, province]]) as unknown as ReferenceData['provinces'],
    };
    expect(
      ok({ ...base, deliveryAddress: { ...address, id_state: 0 } }, zero).deliveryAddress?.stateIso,
    ).toBe('');
    // A country the shop no longer lists leaves its code and name empty.
    const noCountry = { ...reference, countries: new Map() };
    expect(ok(base, noCountry).deliveryAddress).toMatchObject({ countryIso: '', countryName: '' });
    expect(ok({ ...base, customer: undefined, deliveryAddress: undefined })).toMatchObject({
      customer: undefined,
      deliveryAddress: undefined,
    });
  });

  it('keeps a carrier by its reference id, or by its own id when it has none or is gone', () => {
    const carrierId = base.order.id_carrier;
    const carrier = reference.carriers.get(carrierId);
    if (!carrier) throw new Error('carrier not recorded');
    const carriers = (map: Map<number, typeof carrier>) => ({ ...reference, carriers: map });
    expect(ok(base, carriers(new Map([[carrierId, { ...carrier, id_reference: 42 }]]))).carrier).toEqual({
      id: carrierId,
      referenceId: 42,
      name: carrier.name,
    });
    expect(ok(base, carriers(new Map([[carrierId, { ...carrier, id_reference: 0 }]]))).carrier).toEqual({
      id: carrierId,
      referenceId: carrierId,
      name: carrier.name,
    });
    expect(ok(base, carriers(new Map())).carrier).toEqual({
      id: carrierId,
      referenceId: carrierId,
      name: '',
    });
    expect(ok({ ...base, order: { ...base.order, id_carrier: 0 } }).carrier).toBeUndefined();
  });

  it('maps the shipment, cart rules and payments (by id) field by field', () => {
    const shipment = base.orderCarrier;
    if (!shipment) throw new Error('order 11 has no order carrier');
    const rule = {
      id: 3,
      id_order: 11,
      id_cart_rule: 9,
      name: 'Bienvenue',
      value: amount('5'),
      value_tax_excl: amount('4.17'),
      free_shipping: true,
    };
    const [payment] = base.payments;
    if (!payment) throw new Error('order 11 has no payment');
    const later = { ...payment, id: payment.id + 10, transaction_id: 'later' };
    const order = ok({ ...base, cartRules: [rule], payments: [later, payment] });
    expect(order.shipment).toEqual({
      id: shipment.id,
      carrierId: shipment.id_carrier,
      trackingNumber: shipment.tracking_number,
      weight: shipment.weight,
      shippingTaxExcl: shipment.shipping_cost_tax_excl,
      shippingTaxIncl: shipment.shipping_cost_tax_incl,
    });
    expect(ok({ ...base, orderCarrier: undefined }).shipment).toBeUndefined();
    expect(order.cartRules).toEqual([
      {
        id: 3,
        cartRuleId: 9,
        name: 'Bienvenue',
        valueTaxIncl: rule.value,
        valueTaxExcl: rule.value_tax_excl,
        freeShipping: true,
      },
    ]);
    expect(order.payments.map((entry) => entry.transactionId)).toEqual([payment.transaction_id, 'later']);
    expect(order.payments[0]).toEqual({
      id: payment.id,
      orderReference: payment.order_reference,
      method: payment.payment_method,
      amount: payment.amount,
      currencyId: payment.id_currency,
      conversionRate: payment.conversion_rate,
      transactionId: payment.transaction_id,
      date: payment.date_add,
    });
  });

  it("keeps the customer's own messages, oldest first, then by id", () => {
    const message = (id: number, date_add: string, text: string, more: object = {}) =>
      ({
        id,
        id_employee: 0,
        private: false,
        date_add,
        message: text,
        ...more,
      }) as unknown as OrderRecords['messages'][number];
    const order = ok({
      ...base,
      messages: [
        message(5, '2026-10-02 10:00:00', 'third'),
        message(4, '2026-10-01 10:00:00', 'second'),
        message(2, '2026-10-01 10:00:00', 'first'),
        message(6, '2026-10-01 09:00:00', 'staff', { id_employee: 1 }),
        message(7, '2026-10-01 09:00:00', 'private', { private: true }),
        message(8, '2026-10-01 09:00:00', ' \n '),
        message(9, '2026-10-03 09:00:00', 'fourth'),
        // Ids do not follow dates (a message imported or moved between threads): the date decides.
        message(1, '2026-10-04 09:00:00', 'fifth'),
      ],
    });
    expect(order.messages).toEqual(['first', 'second', 'third', 'fourth', 'fifth']);
  });

  it('maps each order_details row field by field, with its taxes added up and named', () => {
    const taxIds = [...reference.taxes.keys()].slice(0, 2);
    const taxes = taxIds.map((id) => reference.taxes.get(id));
    const order = ok({
      ...base,
      details: [{ ...firstDetail, associations: { taxes: [...taxIds, 0].map((id) => ({ id })) } }],
    });
    const line = order.lines[0];
    expect(line).toEqual({
      detailId: firstDetail.id,
      productId: firstDetail.product_id,
      combinationId: firstDetail.product_attribute_id,
      name: firstDetail.product_name,
      reference: firstDetail.product_reference,
      ean13: firstDetail.product_ean13,
      supplierReference: firstDetail.product_supplier_reference,
      quantity: firstDetail.product_quantity,
      quantityRefunded: firstDetail.product_quantity_refunded,
      unitPriceTaxExcl: firstDetail.unit_price_tax_excl,
      unitPriceTaxIncl: firstDetail.unit_price_tax_incl,
      totalTaxExcl: firstDetail.total_price_tax_excl,
      totalTaxIncl: firstDetail.total_price_tax_incl,
      originalUnitPriceTaxExcl: firstDetail.original_product_price,
      reductionPercent: firstDetail.reduction_percent,
      reductionAmountTaxExcl: firstDetail.reduction_amount_tax_excl,
      reductionAmountTaxIncl: firstDetail.reduction_amount_tax_incl,
      groupReductionPercent: firstDetail.group_reduction,
      taxRate: sum(taxes.map((tax) => tax?.rate ?? amount('NaN'))),
      taxName: taxes.map((tax) => pickLanguage(tax?.name ?? '', 1)).join(' + '),
      ecotaxTaxExcl: firstDetail.ecotax,
      ecotaxTaxRate: firstDetail.ecotax_tax_rate,
      warehouseId: firstDetail.id_warehouse,
    });
    expect(taxIds).toHaveLength(2);
    expect(line?.taxName).toContain(' + ');
  });

  it('gives an untaxed line rate 0, and uses tax_rate and tax_name when the tax is unknown', () => {
    const untaxed = { ...firstDetail, associations: { taxes: [{ id: 0 }] }, tax_rate: undefined };
    expect(ok({ ...base, details: [untaxed] }).lines[0]).toMatchObject({ taxRate: amount('0'), taxName: '' });
    const named = {
      ...firstDetail,
      associations: { taxes: [] },
      tax_rate: amount('2.1'),
      tax_name: 'TVA FR 2.1%',
    };
    expect(ok({ ...base, details: [named] }).lines[0]).toMatchObject({
      taxRate: amount('2.1'),
      taxName: 'TVA FR 2.1%',
    });
  });

  it('infers lines from the order rows when no detail could be read', () => {
    const row = base.order.associations.order_rows[0];
    if (!row) throw new Error('order 11 has no row');
    const rows = [
      { ...row, unit_price_tax_excl: amount('10'), unit_price_tax_incl: amount('12'), product_quantity: 3 },
      {
        ...row,
        id: row.id + 1,
        unit_price_tax_excl: amount('0'),
        unit_price_tax_incl: amount('0'),
        product_quantity: 1,
      },
    ];
    const order = ok({
      ...base,
      details: [],
      order: { ...base.order, associations: { ...base.order.associations, order_rows: rows } },
    });
    const zero = amount('0');
    expect(order.lines[0]).toEqual({
      detailId: row.id,
      productId: row.product_id,
      combinationId: row.product_attribute_id,
      name: row.product_name,
      reference: row.product_reference,
      ean13: row.product_ean13,
      supplierReference: '',
      quantity: 3,
      quantityRefunded: 0,
      unitPriceTaxExcl: amount('10'),
      unitPriceTaxIncl: amount('12'),
      totalTaxExcl: amount('30'),
      totalTaxIncl: amount('36'),
      originalUnitPriceTaxExcl: amount('10'),
      reductionPercent: zero,
      reductionAmountTaxExcl: zero,
      reductionAmountTaxIncl: zero,
      groupReductionPercent: zero,
      taxRate: amount('20'),
      taxName: '',
      ecotaxTaxExcl: zero,
      ecotaxTaxRate: zero,
      warehouseId: 0,
    });
    expect(order.lines[1]?.taxRate).toEqual(zero);
  });

  it('takes a line with one known and one unknown tax from tax_rate, else refuses it', () => {
    const [knownTax] = reference.taxes.keys();
    if (knownTax === undefined) throw new Error('no tax recorded');
    const halfKnown = {
      ...firstDetail,
      associations: { taxes: [{ id: knownTax }, { id: 999 }] },
      tax_rate: amount('5.5'),
      tax_name: 'TVA FR 5.5%',
    };
    expect(ok({ ...base, details: [halfKnown] }).lines[0]).toMatchObject({
      taxRate: amount('5.5'),
      taxName: 'TVA FR 5.5%',
    });
    expect(
      toShopOrder({ ...base, details: [{ ...halfKnown, tax_rate: undefined }] }, reference),
    ).toMatchObject({
      ok: false,
      code: 'unknown-tax',
      message: `La taxe de la ligne « ${firstDetail.product_name} » (id ${knownTax}, 999) est inconnue de la boutique.`,
    });
  });

  it('refuses an unknown state, an unknown tax, and says which', () => {
    expect(toShopOrder({ ...base, order: { ...base.order, current_state: 99 } }, reference)).toEqual({
      ok: false,
      key: { shopId: base.order.id_shop, orderId: 11 },
      reference: base.order.reference,
      stateId: 99,
      code: 'unknown-state',
      message: 'La commande est dans un statut inconnu de la boutique (99).',
      data: { stateId: 99 },
    });
    expect(toShopOrder({ ...base, order: { ...base.order, id_currency: 98 } }, reference)).toMatchObject({
      message: 'La devise de la commande (id 98) est inconnue de la boutique.',
      data: { currencyId: 98 },
    });
    const unknownTax = {
      ...firstDetail,
      associations: { taxes: [{ id: 999 }, { id: 998 }] },
      tax_rate: undefined,
    };
    expect(toShopOrder({ ...base, details: [unknownTax] }, reference)).toMatchObject({
      ok: false,
      code: 'unknown-tax',
      message: `La taxe de la ligne « ${firstDetail.product_name} » (id 999, 998) est inconnue de la boutique.`,
      data: { line: firstDetail.product_name, taxIds: '999, 998' },
    });
    expect(
      toShopOrder(
        { ...base, details: [], order: { ...base.order, associations: { order_rows: [] } } },
        reference,
      ),
    ).toMatchObject({ message: 'La commande ne contient aucune ligne de produit.' });
    expect(
      toShopOrder({ ...base, details: [{ ...firstDetail, product_quantity: -2 }] }, reference),
    ).toMatchObject({
      message: `La ligne « ${firstDetail.product_name} » a une quantité négative (-2).`,
      data: { line: firstDetail.product_name, quantity: -2 },
    });
    // A zero quantity is not negative.
    expect(toShopOrder({ ...base, details: [{ ...firstDetail, product_quantity: 0 }] }, reference).ok).toBe(
      true,
    );
  });

  it('lets any other error through', () => {
    expect(() => toShopOrder({ ...base, messages: null as never }, reference)).toThrow(TypeError);
  });
});
