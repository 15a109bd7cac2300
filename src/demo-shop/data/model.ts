import type { RoundMode, RoundType } from './shop-money.js';

/**
 * The demo shop's in-memory records. Orders are typed and compact (the generator holds 100,000 of them);
 * the small reference tables are kept directly as sparse wire rows (only the fields that differ from the
 * schema's neutral value).
 */

/** One value as PrestaShop's JSON list shows it; the renderers coerce it to the version's type. */
export type WireValue = string | number | boolean | null;
export type WireRow = Record<string, WireValue>;
export type AssociationItem = Readonly<Record<string, string | number>>;

export interface WireRecord {
  readonly row: WireRow;
  readonly associations?: Readonly<Record<string, readonly AssociationItem[]>>;
}

/** Amounts are kept as PrestaShop's own 6-decimal text, computed with shop-money.ts. */
export type Money6 = string;
/** `YYYY-MM-DD HH:MM:SS`, shop local time; `0000-00-00 00:00:00` when empty. */
export type LocalDateTime = string;

export const NO_DATE: LocalDateTime = '0000-00-00 00:00:00';
export const ZERO6: Money6 = '0.000000';

export interface LineRecord {
  readonly id: number;
  readonly productId: number;
  readonly combinationId: number;
  readonly name: string;
  readonly reference: string;
  readonly supplierReference: string;
  readonly ean13: string;
  readonly quantity: number;
  readonly quantityRefunded: number;
  /** Catalogue price tax excluded before the line's reductions (`original_product_price`). */
  readonly originalPrice: Money6;
  readonly unitTaxExcl: Money6;
  readonly unitTaxIncl: Money6;
  readonly totalTaxExcl: Money6;
  readonly totalTaxIncl: Money6;
  /** `10.00` for -10 %. */
  readonly reductionPercent: string;
  readonly reductionAmountTaxIncl: Money6;
  readonly reductionAmountTaxExcl: Money6;
  /** 0 when the line bears no tax. */
  readonly taxId: number;
  /** `20.000`. */
  readonly taxRate: string;
  readonly taxRulesGroupId: number;
  readonly ecotax: Money6;
  readonly ecotaxTaxRate: string;
  readonly weight: Money6;
  readonly wholesalePrice: Money6;
}

export interface HistoryRecord {
  readonly id: number;
  readonly orderId: number;
  readonly stateId: number;
  readonly employeeId: number;
  readonly date: LocalDateTime;
}

export interface PaymentRecord {
  readonly id: number;
  readonly orderReference: string;
  readonly currencyId: number;
  readonly amount: Money6;
  readonly method: string;
  readonly conversionRate: Money6;
  readonly transactionId: string;
  readonly cardBrand: string;
  readonly date: LocalDateTime;
}

export interface OrderCarrierRecord {
  readonly id: number;
  orderInvoiceId: number;
  carrierId: number;
  weight: Money6;
  shippingTaxExcl: Money6;
  shippingTaxIncl: Money6;
  trackingNumber: string;
  readonly date: LocalDateTime;
}

export interface OrderCartRuleRecord {
  readonly id: number;
  readonly cartRuleId: number;
  readonly name: string;
  readonly value: Money6;
  readonly valueTaxExcl: Money6;
  readonly freeShipping: boolean;
}

export interface OrderTotalsRecord {
  readonly products: Money6;
  readonly productsWt: Money6;
  readonly discountsTaxIncl: Money6;
  readonly discountsTaxExcl: Money6;
  readonly shippingTaxIncl: Money6;
  readonly shippingTaxExcl: Money6;
  /** `20.000`. */
  readonly carrierTaxRate: string;
  readonly wrappingTaxIncl: Money6;
  readonly wrappingTaxExcl: Money6;
  readonly paidTaxIncl: Money6;
  readonly paidTaxExcl: Money6;
}

export interface OrderRecord {
  readonly id: number;
  readonly reference: string;
  readonly shopId: number;
  readonly shopGroupId: number;
  readonly customerId: number;
  readonly addressDeliveryId: number;
  readonly addressInvoiceId: number;
  readonly cartId: number;
  readonly currencyId: number;
  readonly langId: number;
  readonly carrierId: number;
  readonly module: string;
  readonly payment: string;
  readonly conversionRate: Money6;
  readonly secureKey: string;
  readonly recyclable: boolean;
  readonly gift: boolean;
  readonly giftMessage: string;
  readonly note: string;
  readonly roundMode: RoundMode;
  readonly roundType: RoundType;
  readonly dateAdd: LocalDateTime;
  readonly totals: OrderTotalsRecord;
  readonly lines: readonly LineRecord[];
  readonly cartRules: readonly OrderCartRuleRecord[];
  /** Undefined for an order of virtual products only. */
  readonly orderCarrier: OrderCarrierRecord | undefined;
  // What the order's life changes:
  currentState: number;
  valid: boolean;
  dateUpd: LocalDateTime;
  invoiceNumber: number;
  invoiceDate: LocalDateTime;
  /** Id of the order_invoice record (0 before the first invoice state). */
  invoiceId: number;
  deliveryNumber: number;
  deliveryDate: LocalDateTime;
  totalPaidReal: Money6;
  readonly histories: HistoryRecord[];
  /** Payments made for this order (linked by reference: split orders read each other's). */
  readonly payments: PaymentRecord[];
  /** Raw values that replace the computed ones on the wire (tests: malformed answers). */
  corrupted?: Record<string, string>;
}
