import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { amount } from '../../src/domain/money.js';
import type {
  Address,
  Customer,
  OrderLine,
  OrderState,
  ShopDateTime,
  ShopOrder,
} from '../../src/domain/shop-order.js';

/**
 * The 18 orders of the recorded PrestaShop 8.1.2 shop (test/fixtures/prestashop/8.1.2), as domain
 * `ShopOrder`s built from `expected-orders.json`: the values PrestaShop itself stored, read from its
 * database. Tests of the mapping rules (and of anything downstream) use them as ground truth without
 * going through the webservice adapter.
 */

const FIXTURE = fileURLToPath(new URL('../fixtures/prestashop/8.1.2/expected-orders.json', import.meta.url));

interface RawAddress {
  id: string;
  alias: string;
  company: string;
  firstname: string;
  lastname: string;
  address1: string;
  address2: string;
  postcode: string;
  city: string;
  country_iso: string;
  state_iso: string;
  vat_number: string;
  dni: string;
  phone: string;
  phone_mobile: string;
  other: string;
}

interface RawLine {
  id_order_detail: string;
  product_id: string;
  product_attribute_id: string;
  product_name: string;
  product_reference: string;
  product_ean13: string;
  product_quantity: string;
  unit_price_tax_excl: string;
  unit_price_tax_incl: string;
  original_product_price: string;
  reduction_percent: string;
  reduction_amount_tax_incl: string;
  reduction_amount_tax_excl: string;
  group_reduction: string;
  ecotax: string;
  ecotax_tax_rate: string;
  tax_rate: string;
  order_detail_tax_name: string;
  total_price_tax_excl: string;
  total_price_tax_incl: string;
}

interface RawOrder {
  id_order: number;
  reference: string;
  id_shop: number;
  current_state: number;
  valid: number;
  date_add: string;
  date_upd: string;
  invoice_number: number;
  invoice_date: string;
  customer: {
    id: string;
    firstname: string;
    lastname: string;
    email: string;
    company: string;
    siret: string;
    ape: string;
    is_guest: string;
    id_default_group: string;
  };
  address_delivery: RawAddress;
  address_invoice: RawAddress;
  currency: { id: number; iso_code: string; conversion_rate: string };
  module: string;
  payment: string;
  carrier: {
    id_order_carrier: string;
    id_carrier: string;
    carrier_name: string;
    tracking_number: string;
    weight: string;
    shipping_cost_tax_excl: string;
    shipping_cost_tax_incl: string;
  } | null;
  id_carrier: number;
  totals: Record<string, string>;
  round_mode: number;
  round_type: number;
  gift_wrapping: { gift: number; gift_message: string; recyclable: number };
  lines: RawLine[];
  cart_rules: {
    id_order_cart_rule: string;
    id_cart_rule: string;
    name: string;
    value: string;
    value_tax_excl: string;
    free_shipping: string;
  }[];
  payments: {
    id_order_payment: string;
    payment_method: string;
    amount: string;
    currency: string;
    conversion_rate: string;
    transaction_id: string;
    date_add: string;
  }[];
  history: { id_order_state: string; date_add: string }[];
  customer_messages: { message: string; date_add: string }[];
}

function state(
  id: number,
  name: string,
  template: string,
  flags: { paid?: boolean; shipped?: boolean; delivery?: boolean; invoice?: boolean; logable?: boolean },
  moduleName = '',
): OrderState {
  return {
    id,
    name,
    paid: flags.paid ?? false,
    shipped: flags.shipped ?? false,
    delivery: flags.delivery ?? false,
    invoice: flags.invoice ?? false,
    logable: flags.logable ?? false,
    deleted: false,
    hidden: false,
    sendEmail: template !== '',
    moduleName,
    template,
    color: '#34209E',
  };
}

/** The shop's order states (index.md's table, templates from 23_order_states_full.json). */
export const ORDER_STATES_8_1_2: readonly OrderState[] = [
  state(1, 'En attente du paiement par chèque', 'cheque', {}, 'ps_checkpayment'),
  state(2, 'Paiement accepté', 'payment', { paid: true, invoice: true, logable: true }),
  state(3, 'En cours de préparation', 'preparation', {
    paid: true,
    delivery: true,
    invoice: true,
    logable: true,
  }),
  state(4, 'Expédié', 'shipped', { paid: true, shipped: true, delivery: true, invoice: true, logable: true }),
  state(5, 'Livré', '', { paid: true, shipped: true, delivery: true, invoice: true, logable: true }),
  state(6, 'Annulé', 'order_canceled', {}),
  state(7, 'Remboursé', 'refund', { invoice: true }),
  state(8, 'Erreur de paiement', 'payment_error', {}),
  state(9, 'En attente de réapprovisionnement (payé)', 'outofstock', { paid: true, invoice: true }),
  state(10, 'En attente de virement bancaire', 'bankwire', {}, 'ps_wirepayment'),
  state(11, 'Paiement à distance accepté', 'payment', { paid: true, invoice: true, logable: true }),
  state(12, 'En attente de réapprovisionnement (non payé)', 'outofstock', {}),
  state(13, 'En attente de paiement à la livraison', 'cashondelivery', {}, 'ps_cashondelivery'),
];

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  FR: 'France',
  BE: 'Belgique',
  DE: 'Allemagne',
  US: 'États-Unis',
};

const CURRENCY_IDS: Readonly<Record<string, number>> = { EUR: 1, USD: 2 };

function shopDate(text: string): ShopDateTime | undefined {
  return text.startsWith('0000-00-00') ? undefined : text;
}

function toAddress(raw: RawAddress): Address {
  return {
    id: Number(raw.id),
    alias: raw.alias,
    company: raw.company,
    firstName: raw.firstname,
    lastName: raw.lastname,
    address1: raw.address1,
    address2: raw.address2,
    postcode: raw.postcode,
    city: raw.city,
    countryIso: raw.country_iso,
    countryName: COUNTRY_NAMES[raw.country_iso] ?? '',
    stateIso: raw.state_iso,
    vatNumber: raw.vat_number,
    dni: raw.dni,
    phone: raw.phone,
    phoneMobile: raw.phone_mobile,
    other: raw.other,
  };
}

function toLine(raw: RawLine): OrderLine {
  return {
    detailId: Number(raw.id_order_detail),
    productId: Number(raw.product_id),
    combinationId: Number(raw.product_attribute_id),
    name: raw.product_name,
    reference: raw.product_reference,
    ean13: raw.product_ean13,
    supplierReference: '',
    quantity: Number(raw.product_quantity),
    quantityRefunded: 0,
    unitPriceTaxExcl: amount(raw.unit_price_tax_excl),
    unitPriceTaxIncl: amount(raw.unit_price_tax_incl),
    totalTaxExcl: amount(raw.total_price_tax_excl),
    totalTaxIncl: amount(raw.total_price_tax_incl),
    originalUnitPriceTaxExcl: amount(raw.original_product_price),
    reductionPercent: amount(raw.reduction_percent),
    reductionAmountTaxExcl: amount(raw.reduction_amount_tax_excl),
    reductionAmountTaxIncl: amount(raw.reduction_amount_tax_incl),
    groupReductionPercent: amount(raw.group_reduction),
    taxRate: amount(raw.tax_rate),
    taxName: raw.order_detail_tax_name,
    ecotaxTaxExcl: amount(raw.ecotax),
    ecotaxTaxRate: amount(raw.ecotax_tax_rate),
    warehouseId: 0,
  };
}

function toCustomer(raw: RawOrder['customer']): Customer {
  return {
    id: Number(raw.id),
    firstName: raw.firstname,
    lastName: raw.lastname,
    email: raw.email,
    company: raw.company,
    siret: raw.siret,
    ape: raw.ape,
    isGuest: raw.is_guest === '1',
    deleted: false,
    defaultGroupId: Number(raw.id_default_group),
  };
}

function toShopOrder(raw: RawOrder): ShopOrder {
  const stateOf = ORDER_STATES_8_1_2.find((candidate) => candidate.id === raw.current_state);
  if (!stateOf) throw new Error(`unknown state ${raw.current_state}`);
  const totals = (name: string) => amount(raw.totals[name] ?? '0');
  return {
    key: { shopId: raw.id_shop, orderId: raw.id_order },
    shopGroupId: 1,
    reference: raw.reference,
    state: stateOf,
    valid: raw.valid === 1,
    dateAdd: raw.date_add,
    dateUpd: raw.date_upd,
    invoiceNumber: raw.invoice_number,
    invoiceDate: shopDate(raw.invoice_date),
    languageId: 1,
    customer: toCustomer(raw.customer),
    customerId: Number(raw.customer.id),
    deliveryAddress: toAddress(raw.address_delivery),
    invoiceAddress: toAddress(raw.address_invoice),
    currency: {
      id: raw.currency.id,
      isoCode: raw.currency.iso_code,
      name: raw.currency.iso_code === 'USD' ? 'Dollar des États-Unis' : 'Euro',
      conversionRate: amount(raw.currency.conversion_rate),
    },
    conversionRate: amount(raw.currency.conversion_rate),
    carrier: raw.carrier
      ? { id: raw.id_carrier, referenceId: raw.id_carrier, name: raw.carrier.carrier_name }
      : undefined,
    shipment: raw.carrier
      ? {
          id: Number(raw.carrier.id_order_carrier),
          carrierId: Number(raw.carrier.id_carrier),
          trackingNumber: raw.carrier.tracking_number,
          weight: amount(raw.carrier.weight),
          shippingTaxExcl: amount(raw.carrier.shipping_cost_tax_excl),
          shippingTaxIncl: amount(raw.carrier.shipping_cost_tax_incl),
        }
      : undefined,
    paymentModule: raw.module,
    paymentLabel: raw.payment,
    lines: raw.lines.map(toLine),
    cartRules: raw.cart_rules.map((rule) => ({
      id: Number(rule.id_order_cart_rule),
      cartRuleId: Number(rule.id_cart_rule),
      name: rule.name,
      valueTaxIncl: amount(rule.value),
      valueTaxExcl: amount(rule.value_tax_excl),
      freeShipping: rule.free_shipping === '1',
    })),
    payments: raw.payments.map((payment) => ({
      id: Number(payment.id_order_payment),
      orderReference: raw.reference,
      method: payment.payment_method,
      amount: amount(payment.amount),
      currencyId: CURRENCY_IDS[payment.currency] ?? 0,
      conversionRate: amount(payment.conversion_rate),
      transactionId: payment.transaction_id,
      date: shopDate(payment.date_add),
    })),
    gift: raw.gift_wrapping.gift === 1,
    giftMessage: raw.gift_wrapping.gift_message,
    recyclable: raw.gift_wrapping.recyclable === 1,
    totals: {
      productsTaxExcl: totals('total_products'),
      productsTaxIncl: totals('total_products_wt'),
      discountsTaxExcl: totals('total_discounts_tax_excl'),
      discountsTaxIncl: totals('total_discounts_tax_incl'),
      shippingTaxExcl: totals('total_shipping_tax_excl'),
      shippingTaxIncl: totals('total_shipping_tax_incl'),
      carrierTaxRate: totals('carrier_tax_rate'),
      wrappingTaxExcl: totals('total_wrapping_tax_excl'),
      wrappingTaxIncl: totals('total_wrapping_tax_incl'),
      paidTaxExcl: totals('total_paid_tax_excl'),
      paidTaxIncl: totals('total_paid_tax_incl'),
      paidReal: totals('total_paid_real'),
    },
    roundMode: raw.round_mode,
    roundType: raw.round_type,
    messages: raw.customer_messages.map((message) => message.message),
  };
}

let cache: readonly RawOrder[] | undefined;

function rawOrders(): readonly RawOrder[] {
  cache ??= (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { orders: RawOrder[] }).orders;
  return cache;
}

/** The 18 orders, ids 1 to 18, in order. */
export function expectedShopOrders(): ShopOrder[] {
  return rawOrders().map(toShopOrder);
}

/** One order by id; throws when the fixture has no such order. */
export function expectedShopOrder(orderId: number): ShopOrder {
  const raw = rawOrders().find((order) => order.id_order === orderId);
  if (!raw) throw new Error(`no order ${orderId} in expected-orders.json`);
  return toShopOrder(raw);
}

/** The state ids an order went through (`order_histories`), oldest first. */
export function expectedStateHistory(orderId: number): number[] {
  const raw = rawOrders().find((order) => order.id_order === orderId);
  if (!raw) throw new Error(`no order ${orderId} in expected-orders.json`);
  return raw.history.map((entry) => Number(entry.id_order_state));
}

/** The shop's own figures for an order, as decimal text, for assertions. */
export function expectedTotals(orderId: number): { taxExcl: string; taxIncl: string; vat: string } {
  const raw = rawOrders().find((order) => order.id_order === orderId) as
    (RawOrder & { vat: { total_vat: string } }) | undefined;
  if (!raw) throw new Error(`no order ${orderId} in expected-orders.json`);
  return {
    taxExcl: raw.totals.total_paid_tax_excl ?? '0',
    taxIncl: raw.totals.total_paid_tax_incl ?? '0',
    vat: raw.vat.total_vat,
  };
}
