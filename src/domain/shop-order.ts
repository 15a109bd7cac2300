import type { OrderRefusalCode, ReasonData } from './import-report.js';
import type { Amount } from './money.js';

/**
 * A PrestaShop order as navette understands it, whatever the shop's version and answer format.
 * Built by the PrestaShop adapter's pure mapper (to-shop-order.ts); wire shapes never leave the adapter.
 *
 * Dates are the shop's local time as PrestaShop writes them (`YYYY-MM-DD HH:MM:SS`), never converted:
 * the period filters are expressed in the same local time. An empty PrestaShop date
 * (`0000-00-00 00:00:00`) becomes `undefined`.
 */

/** Shop id + order id: the only unique key of an order (the `reference` is shared by split orders). */
export interface ShopOrderKey {
  readonly shopId: number;
  readonly orderId: number;
}

/** The stable text form of a key, written on documents as their external reference: `ps-1-42`. */
export function formatShopOrderKey(key: ShopOrderKey): string {
  return `ps-${key.shopId}-${key.orderId}`;
}

export function parseShopOrderKey(text: string): ShopOrderKey | undefined {
  const match = /^ps-(\d+)-(\d+)$/.exec(text);
  if (!match) return undefined;
  return { shopId: Number(match[1]), orderId: Number(match[2]) };
}

/** `YYYY-MM-DD HH:MM:SS` in the shop's time zone. */
export type ShopDateTime = string;

export interface OrderState {
  readonly id: number;
  /** In the shop's language (may be untranslated English on a shop whose language pack is missing). */
  readonly name: string;
  readonly paid: boolean;
  readonly shipped: boolean;
  readonly delivery: boolean;
  readonly invoice: boolean;
  /** PrestaShop's `logable`: the order counts as valid (a sale) in this state. */
  readonly logable: boolean;
  readonly deleted: boolean;
  readonly hidden: boolean;
  readonly sendEmail: boolean;
  readonly moduleName: string;
  readonly template: string;
  readonly color: string;
}

export interface Shop {
  readonly id: number;
  readonly shopGroupId: number;
  readonly name: string;
  readonly active: boolean;
}

export interface Currency {
  readonly id: number;
  readonly isoCode: string;
  readonly name: string;
  /** Units of this currency for one unit of the shop's default currency. */
  readonly conversionRate: Amount;
}

export interface Carrier {
  readonly id: number;
  /** Stays the same when the carrier is edited in the back office (which gives it a new id). */
  readonly referenceId: number;
  readonly name: string;
}

export interface Customer {
  readonly id: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly company: string;
  readonly siret: string;
  readonly ape: string;
  readonly isGuest: boolean;
  /** Soft-deleted in the shop (the record is still readable). */
  readonly deleted: boolean;
  readonly defaultGroupId: number;
}

export interface Address {
  readonly id: number;
  readonly alias: string;
  readonly company: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly address1: string;
  readonly address2: string;
  readonly postcode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2, e.g. `FR`; empty when the country is unknown to navette. */
  readonly countryIso: string;
  readonly countryName: string;
  /** ISO code of the state/province (US, CA, …), empty for most countries. */
  readonly stateIso: string;
  /** Intra-EU VAT number when the customer gave one. */
  readonly vatNumber: string;
  readonly dni: string;
  readonly phone: string;
  readonly phoneMobile: string;
  readonly other: string;
}

/** One order detail (`order_details`), with its VAT rate: the order's own rows carry no rate. */
export interface OrderLine {
  readonly detailId: number;
  readonly productId: number;
  /** The combination (product attribute) id, 0 for a simple product. */
  readonly combinationId: number;
  readonly name: string;
  /** The product's or, for a combination, the combination's reference; may be empty. */
  readonly reference: string;
  readonly ean13: string;
  readonly supplierReference: string;
  readonly quantity: number;
  readonly quantityRefunded: number;
  /** After every reduction, as the customer paid it. */
  readonly unitPriceTaxExcl: Amount;
  readonly unitPriceTaxIncl: Amount;
  readonly totalTaxExcl: Amount;
  readonly totalTaxIncl: Amount;
  /** The catalogue price before the line's reductions (tax excluded). */
  readonly originalUnitPriceTaxExcl: Amount;
  readonly reductionPercent: Amount;
  readonly reductionAmountTaxExcl: Amount;
  readonly reductionAmountTaxIncl: Amount;
  readonly groupReductionPercent: Amount;
  /** VAT rate in percent (e.g. 20, 5.5), from the detail's taxes; 0 when untaxed. */
  readonly taxRate: Amount;
  readonly taxName: string;
  /** Ecotax per unit, tax excluded (already included in the unit prices). */
  readonly ecotaxTaxExcl: Amount;
  readonly ecotaxTaxRate: Amount;
  readonly warehouseId: number;
}

/** A cart rule (voucher) applied to the order: `order_cart_rules`, `order_discounts` in 1.6. */
export interface OrderCartRule {
  readonly id: number;
  readonly cartRuleId: number;
  readonly name: string;
  readonly valueTaxIncl: Amount;
  readonly valueTaxExcl: Amount;
  readonly freeShipping: boolean;
}

/** A payment, linked to the order by its reference (shared by split orders). */
export interface OrderPayment {
  readonly id: number;
  readonly orderReference: string;
  readonly method: string;
  readonly amount: Amount;
  readonly currencyId: number;
  readonly conversionRate: Amount;
  readonly transactionId: string;
  readonly date: ShopDateTime | undefined;
}

/** The order's shipment record (`order_carriers`): absent for an order of virtual products only. */
export interface OrderShipment {
  readonly id: number;
  readonly carrierId: number;
  readonly trackingNumber: string;
  readonly weight: Amount;
  readonly shippingTaxExcl: Amount;
  readonly shippingTaxIncl: Amount;
}

export interface OrderTotals {
  readonly productsTaxExcl: Amount;
  readonly productsTaxIncl: Amount;
  readonly discountsTaxExcl: Amount;
  readonly discountsTaxIncl: Amount;
  readonly shippingTaxExcl: Amount;
  readonly shippingTaxIncl: Amount;
  readonly carrierTaxRate: Amount;
  readonly wrappingTaxExcl: Amount;
  readonly wrappingTaxIncl: Amount;
  readonly paidTaxExcl: Amount;
  readonly paidTaxIncl: Amount;
  /** What PrestaShop recorded as actually paid: unreliable, shown only. */
  readonly paidReal: Amount;
}

export interface ShopOrder {
  readonly key: ShopOrderKey;
  readonly shopGroupId: number;
  /** Shown to people; NOT unique (a cart split over carriers gives sibling orders the same reference). */
  readonly reference: string;
  readonly state: OrderState;
  readonly valid: boolean;
  readonly dateAdd: ShopDateTime;
  readonly dateUpd: ShopDateTime;
  readonly invoiceNumber: number;
  readonly invoiceDate: ShopDateTime | undefined;
  readonly languageId: number;
  /** Undefined when the customer record no longer exists in the shop. */
  readonly customer: Customer | undefined;
  readonly customerId: number;
  readonly deliveryAddress: Address | undefined;
  readonly invoiceAddress: Address | undefined;
  readonly currency: Currency;
  /** The order's own rate, frozen when it was placed. */
  readonly conversionRate: Amount;
  /** Undefined for an order without carrier (virtual products only: `id_carrier` 0). */
  readonly carrier: Carrier | undefined;
  readonly shipment: OrderShipment | undefined;
  /** The payment module (`ps_wirepayment`): stable, map by it. */
  readonly paymentModule: string;
  /** The payment's label as the customer saw it (translated). */
  readonly paymentLabel: string;
  readonly lines: readonly OrderLine[];
  readonly cartRules: readonly OrderCartRule[];
  readonly payments: readonly OrderPayment[];
  readonly gift: boolean;
  readonly giftMessage: string;
  readonly recyclable: boolean;
  readonly totals: OrderTotals;
  /** PrestaShop's rounding: mode 0 up, 1 down, 2 half up, …; type 1 per item, 2 per line, 3 per total. */
  readonly roundMode: number;
  readonly roundType: number;
  /** Customer messages on the order, oldest first (order note, customer threads). */
  readonly messages: readonly string[];
}

/**
 * One order as read from the shop: either mapped, or refused with the reason (malformed amounts, a
 * missing currency…) so that one bad order never stops a run.
 */
export type SourcedOrder =
  | { readonly ok: true; readonly order: ShopOrder }
  | {
      readonly ok: false;
      readonly key: ShopOrderKey;
      readonly reference: string;
      /** The order's current state when it could be read (a refused order of an unselected state matters less). */
      readonly stateId: number | undefined;
      readonly code: OrderRefusalCode;
      readonly message: string;
      /** The values of `message`, for a page in another language (ReasonData). */
      readonly data?: ReasonData;
    };
