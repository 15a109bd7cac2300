import type { OrderRefusalCode, ReasonData } from '../../domain/import-report.js';
import { type Amount, Decimal, ZERO, round } from '../../domain/money.js';
import type {
  Address,
  Carrier,
  Currency,
  Customer,
  OrderCartRule,
  OrderLine,
  OrderPayment,
  OrderShipment,
  OrderState,
  Shop,
  ShopOrder,
  SourcedOrder,
} from '../../domain/shop-order.js';
import type {
  WireAddress,
  WireCustomer,
  WireCustomerMessage,
  WireOrder,
  WireOrderCarrier,
  WireOrderCartRule,
  WireOrderDetail,
  WireOrderPayment,
} from './wire-readers.js';
import {
  type WireCarrier,
  type WireCountry,
  type WireCurrency,
  type WireOrderState,
  type WireShop,
  type WireState,
  type WireTax,
  pickLanguage,
} from './wire-schemas.js';

/** Reference data read once per run, by id. */
export interface ReferenceData {
  /** The shop's language for multilingual fields (default 1). */
  readonly languageId: number;
  readonly orderStates: ReadonlyMap<number, WireOrderState>;
  readonly currencies: ReadonlyMap<number, WireCurrency>;
  readonly carriers: ReadonlyMap<number, WireCarrier>;
  readonly countries: ReadonlyMap<number, WireCountry>;
  /** Provinces (`states` resource: US, CA, IT…); may be partial. */
  readonly provinces: ReadonlyMap<number, WireState>;
  readonly taxes: ReadonlyMap<number, WireTax>;
}

/** Everything read about one order, already validated. */
export interface OrderRecords {
  readonly order: WireOrder;
  /** Its `order_details` rows; empty when they could not be read (the order's own rows are used then). */
  readonly details: readonly WireOrderDetail[];
  readonly customer: WireCustomer | undefined;
  readonly deliveryAddress: WireAddress | undefined;
  readonly invoiceAddress: WireAddress | undefined;
  /** Payments with the order's reference (shared by sibling orders of a split cart). */
  readonly payments: readonly WireOrderPayment[];
  readonly orderCarrier: WireOrderCarrier | undefined;
  readonly cartRules: readonly WireOrderCartRule[];
  /** Messages of the order's customer threads. */
  readonly messages: readonly WireCustomerMessage[];
}

class OrderRefused extends Error {
  constructor(
    readonly code: OrderRefusalCode,
    message: string,
    /** The values of the message, for a page in another language. */
    readonly data: ReasonData = {},
  ) {
    super(message);
  }
}

/** Pure: wire records of one order → the domain order, or the reason it cannot be imported. */
export function toShopOrder(records: OrderRecords, reference: ReferenceData): SourcedOrder {
  const { order } = records;
  const key = { shopId: order.id_shop, orderId: order.id };
  try {
    return { ok: true, order: mapOrder(records, reference) };
  } catch (error) {
    if (!(error instanceof OrderRefused)) throw error;
    return {
      ok: false,
      key,
      reference: order.reference,
      stateId: order.current_state,
      code: error.code,
      message: error.message,
      data: error.data,
    };
  }
}

function mapOrder(records: OrderRecords, reference: ReferenceData): ShopOrder {
  const { order } = records;
  const wireState = reference.orderStates.get(order.current_state);
  if (!wireState) {
    throw new OrderRefused(
      'unknown-state',
      `La commande est dans un statut inconnu de la boutique (${order.current_state}).`,
      { stateId: order.current_state },
    );
  }
  const wireCurrency = reference.currencies.get(order.id_currency);
  if (!wireCurrency) {
    throw new OrderRefused(
      'unknown-currency',
      `La devise de la commande (id ${order.id_currency}) est inconnue de la boutique.`,
      { currencyId: order.id_currency },
    );
  }
  const lines =
    records.details.length > 0
      ? records.details.map((detail) => toLine(detail, reference))
      : linesFromRows(order);
  if (lines.length === 0)
    throw new OrderRefused('no-lines', 'La commande ne contient aucune ligne de produit.');
  const negative = lines.find((line) => line.quantity < 0);
  if (negative) {
    throw new OrderRefused(
      'negative-quantity',
      `La ligne « ${negative.name} » a une quantité négative (${negative.quantity}).`,
      { line: negative.name, quantity: negative.quantity },
    );
  }
  const languageId = reference.languageId;
  return {
    key: { shopId: order.id_shop, orderId: order.id },
    shopGroupId: order.id_shop_group,
    reference: order.reference,
    state: toOrderState(wireState, languageId),
    valid: order.valid,
    dateAdd: order.date_add,
    dateUpd: order.date_upd,
    invoiceNumber: order.invoice_number,
    invoiceDate: order.invoice_date,
    languageId: order.id_lang,
    customer: records.customer ? toCustomer(records.customer) : undefined,
    customerId: order.id_customer,
    deliveryAddress: records.deliveryAddress ? toAddress(records.deliveryAddress, reference) : undefined,
    invoiceAddress: records.invoiceAddress ? toAddress(records.invoiceAddress, reference) : undefined,
    currency: toCurrency(wireCurrency, languageId),
    conversionRate: order.conversion_rate,
    carrier:
      order.id_carrier === 0
        ? undefined
        : toCarrier(order.id_carrier, reference.carriers.get(order.id_carrier)),
    shipment: records.orderCarrier ? toShipment(records.orderCarrier) : undefined,
    paymentModule: order.module,
    paymentLabel: order.payment,
    lines,
    cartRules: records.cartRules.map(toCartRule),
    payments: [...records.payments].sort((a, b) => a.id - b.id).map(toPayment),
    gift: order.gift,
    giftMessage: order.gift_message,
    recyclable: order.recyclable,
    totals: {
      productsTaxExcl: order.total_products,
      productsTaxIncl: order.total_products_wt,
      discountsTaxExcl: order.total_discounts_tax_excl,
      discountsTaxIncl: order.total_discounts_tax_incl,
      shippingTaxExcl: order.total_shipping_tax_excl,
      shippingTaxIncl: order.total_shipping_tax_incl,
      carrierTaxRate: order.carrier_tax_rate,
      wrappingTaxExcl: order.total_wrapping_tax_excl,
      wrappingTaxIncl: order.total_wrapping_tax_incl,
      paidTaxExcl: order.total_paid_tax_excl,
      paidTaxIncl: order.total_paid_tax_incl,
      paidReal: order.total_paid_real,
    },
    roundMode: order.round_mode,
    roundType: order.round_type,
    messages: toMessages(records.messages),
  };
}

/**
 * The VAT rate of a line: the order's own rows carry none (order_rows of 8.1.2/05_orders_full.json), so
 * it comes from the detail's taxes (associations.taxes of 8.1.2/18_order_details_selected.json; the
 * `taxes` resource gives each rate; several taxes on one line add up), else from a `tax_rate` field
 * when the shop sends one, else 0 (an untaxed line: no tax association at all).
 */
function lineTax(detail: WireOrderDetail, reference: ReferenceData): { rate: Amount; name: string } {
  // One pass, no intermediate lists: this runs for every line of every order.
  let rate: Amount | undefined;
  let name = '';
  let count = 0;
  let allKnown = true;
  for (const { id } of detail.associations.taxes) {
    if (id <= 0) continue;
    count += 1;
    const tax = reference.taxes.get(id);
    if (tax === undefined) {
      allKnown = false;
      continue;
    }
    const taxName = pickLanguage(tax.name, reference.languageId);
    rate = rate === undefined ? tax.rate : rate.plus(tax.rate);
    name = count === 1 ? taxName : `${name} + ${taxName}`;
  }
  if (count > 0 && allKnown && rate !== undefined) return { rate, name };
  if (detail.tax_rate !== undefined) return { rate: detail.tax_rate, name: detail.tax_name };
  if (count > 0) {
    const taxIds = detail.associations.taxes.map((tax) => tax.id).filter((id) => id > 0);
    throw new OrderRefused(
      'unknown-tax',
      `La taxe de la ligne « ${detail.product_name} » (id ${taxIds.join(', ')}) est inconnue de la boutique.`,
      { line: detail.product_name, taxIds: taxIds.join(', ') },
    );
  }
  return { rate: ZERO, name: '' };
}

function toLine(detail: WireOrderDetail, reference: ReferenceData): OrderLine {
  const tax = lineTax(detail, reference);
  return {
    detailId: detail.id,
    productId: detail.product_id,
    combinationId: detail.product_attribute_id,
    name: detail.product_name,
    reference: detail.product_reference,
    ean13: detail.product_ean13,
    supplierReference: detail.product_supplier_reference,
    quantity: detail.product_quantity,
    quantityRefunded: detail.product_quantity_refunded,
    unitPriceTaxExcl: detail.unit_price_tax_excl,
    unitPriceTaxIncl: detail.unit_price_tax_incl,
    totalTaxExcl: detail.total_price_tax_excl,
    totalTaxIncl: detail.total_price_tax_incl,
    originalUnitPriceTaxExcl: detail.original_product_price,
    reductionPercent: detail.reduction_percent,
    reductionAmountTaxExcl: detail.reduction_amount_tax_excl,
    reductionAmountTaxIncl: detail.reduction_amount_tax_incl,
    groupReductionPercent: detail.group_reduction,
    taxRate: tax.rate,
    taxName: tax.name,
    ecotaxTaxExcl: detail.ecotax,
    ecotaxTaxRate: detail.ecotax_tax_rate,
    warehouseId: detail.id_warehouse,
  };
}

/**
 * Lines from the order's own rows, only when its `order_details` could not be read. The rows carry no
 * rate: it is inferred from the two unit prices and rounded to 0.1 % (French rates are 20, 10, 5.5, 2.1).
 */
function linesFromRows(order: WireOrder): OrderLine[] {
  return order.associations.order_rows.map((row) => {
    const rate = row.unit_price_tax_excl.isZero()
      ? ZERO
      : round(row.unit_price_tax_incl.div(row.unit_price_tax_excl).minus(1).times(100), 1);
    const quantity = new Decimal(row.product_quantity);
    return {
      detailId: row.id,
      productId: row.product_id,
      combinationId: row.product_attribute_id,
      name: row.product_name,
      reference: row.product_reference,
      ean13: row.product_ean13,
      supplierReference: '',
      quantity: row.product_quantity,
      quantityRefunded: 0,
      unitPriceTaxExcl: row.unit_price_tax_excl,
      unitPriceTaxIncl: row.unit_price_tax_incl,
      totalTaxExcl: round(row.unit_price_tax_excl.times(quantity)),
      totalTaxIncl: round(row.unit_price_tax_incl.times(quantity)),
      originalUnitPriceTaxExcl: row.unit_price_tax_excl,
      reductionPercent: ZERO,
      reductionAmountTaxExcl: ZERO,
      reductionAmountTaxIncl: ZERO,
      groupReductionPercent: ZERO,
      taxRate: rate,
      taxName: '',
      ecotaxTaxExcl: ZERO,
      ecotaxTaxRate: ZERO,
      warehouseId: 0,
    };
  });
}

export function toOrderState(state: WireOrderState, languageId: number): OrderState {
  return {
    id: state.id,
    name: pickLanguage(state.name, languageId),
    paid: state.paid,
    shipped: state.shipped,
    delivery: state.delivery,
    invoice: state.invoice,
    logable: state.logable,
    deleted: state.deleted,
    hidden: state.hidden,
    sendEmail: state.send_email,
    moduleName: state.module_name,
    template: pickLanguage(state.template, languageId),
    color: state.color,
  };
}

export function toShop(shop: WireShop): Shop {
  return { id: shop.id, shopGroupId: shop.id_shop_group, name: shop.name, active: shop.active };
}

function toCustomer(customer: WireCustomer): Customer {
  return {
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
  };
}

function toAddress(address: WireAddress, reference: ReferenceData): Address {
  const country = reference.countries.get(address.id_country);
  const province = address.id_state === 0 ? undefined : reference.provinces.get(address.id_state);
  return {
    id: address.id,
    alias: address.alias,
    company: address.company,
    firstName: address.firstname,
    lastName: address.lastname,
    address1: address.address1,
    address2: address.address2,
    postcode: address.postcode,
    city: address.city,
    countryIso: country?.iso_code ?? '',
    countryName: country ? pickLanguage(country.name, reference.languageId) : '',
    stateIso: province?.iso_code ?? '',
    vatNumber: address.vat_number,
    dni: address.dni,
    phone: address.phone,
    phoneMobile: address.phone_mobile,
    other: address.other,
  };
}

function toCurrency(currency: WireCurrency, languageId: number): Currency {
  return {
    id: currency.id,
    isoCode: currency.iso_code,
    name: pickLanguage(currency.name, languageId),
    conversionRate: currency.conversion_rate,
  };
}

function toCarrier(id: number, carrier: WireCarrier | undefined): Carrier {
  // A carrier edited in the back office gets a new id, its id_reference stays (8.1.2/44_carriers_full.json,
  // index.md); the old one stays readable (deleted=1). One missing altogether keeps its id so that the
  // mapping by id still works.
  if (!carrier) return { id, referenceId: id, name: '' };
  return { id: carrier.id, referenceId: carrier.id_reference || carrier.id, name: carrier.name };
}

function toShipment(orderCarrier: WireOrderCarrier): OrderShipment {
  return {
    id: orderCarrier.id,
    carrierId: orderCarrier.id_carrier,
    trackingNumber: orderCarrier.tracking_number,
    weight: orderCarrier.weight,
    shippingTaxExcl: orderCarrier.shipping_cost_tax_excl,
    shippingTaxIncl: orderCarrier.shipping_cost_tax_incl,
  };
}

function toCartRule(rule: WireOrderCartRule): OrderCartRule {
  return {
    id: rule.id,
    cartRuleId: rule.id_cart_rule,
    name: rule.name,
    valueTaxIncl: rule.value,
    valueTaxExcl: rule.value_tax_excl,
    freeShipping: rule.free_shipping,
  };
}

function toPayment(payment: WireOrderPayment): OrderPayment {
  return {
    id: payment.id,
    orderReference: payment.order_reference,
    method: payment.payment_method,
    amount: payment.amount,
    currencyId: payment.id_currency,
    conversionRate: payment.conversion_rate,
    transactionId: payment.transaction_id,
    date: payment.date_add,
  };
}

/**
 * The customer's messages on the order, oldest first: the note left at checkout becomes a customer
 * thread message. Staff replies and private notes are left out, and so is `orders.note` (1.7.7+): it is
 * the merchant's internal note in the back office, not the customer's.
 */
function toMessages(messages: readonly WireCustomerMessage[]): string[] {
  return messages
    .filter((message) => message.id_employee === 0 && !message.private && message.message.trim() !== '')
    .sort((a, b) => (a.date_add === b.date_add ? a.id - b.id : a.date_add < b.date_add ? -1 : 1))
    .map((message) => message.message);
}
