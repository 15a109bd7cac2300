import {
  carrierById,
  cartRuleById,
  CURRENCIES,
  GIFT_WRAPPING_TAX_EXCL,
  GIFT_WRAPPING_TAX_ID,
  productById,
  TAXES,
  taxOfGroup,
} from './catalogue.js';
import type {
  LineRecord,
  LocalDateTime,
  Money6,
  OrderCarrierRecord,
  OrderCartRuleRecord,
  OrderRecord,
  OrderTotalsRecord,
} from './model.js';
import { NO_DATE, ZERO6 } from './model.js';
import type { PaymentPlan, Sequences } from './order-life.js';
import {
  CURRENCY_PRECISION,
  psRound,
  ShopDecimal as Decimal,
  SHOP_ROUND_MODE,
  SHOP_ROUND_TYPE,
  stored,
  wire6,
  type RoundMode,
  type RoundType,
  type ShopAmount as Amount,
} from './shop-money.js';

/** One line of a cart: a product (or one of its combinations) with the line's own reduction. */
export interface CartLine {
  readonly productId: number;
  readonly combinationId?: number;
  readonly quantity: number;
  /** Catalogue reduction of the line in percent, e.g. `20`. */
  readonly reductionPercent?: string;
  /** Catalogue reduction of the line per unit, tax included. */
  readonly reductionAmountTaxIncl?: string;
  readonly quantityRefunded?: number;
}

/** A payment method as PrestaShop's modules record it. */
export interface PaymentMethod {
  readonly module: string;
  /** The label the customer saw (translated). */
  readonly label: string;
}

export const PAYMENT_METHODS = {
  cheque: { module: 'ps_checkpayment', label: 'Chèque' },
  wire: { module: 'ps_wirepayment', label: 'Virement bancaire' },
  card: { module: 'ps_checkout', label: 'Carte bancaire' },
  paypal: { module: 'paypal', label: 'PayPal' },
  cod: { module: 'ps_cashondelivery', label: 'Paiement à la livraison' },
} as const satisfies Record<string, PaymentMethod>;

export type PaymentKind = keyof typeof PAYMENT_METHODS;

export interface Cart {
  readonly shopId: number;
  readonly customerId: number;
  readonly addressDeliveryId: number;
  readonly addressInvoiceId: number;
  readonly currencyId?: number;
  readonly langId?: number;
  /** 0 for an order of virtual products only. */
  readonly carrierId: number;
  readonly lines: readonly CartLine[];
  readonly cartRuleIds?: readonly number[];
  readonly giftMessage?: string;
  readonly gift?: boolean;
  readonly recyclable?: boolean;
  readonly note?: string;
  readonly payment: PaymentKind;
  /** Extra payments before the main one (e.g. a gift card), in the order's currency. */
  readonly paymentParts?: readonly { readonly method: string; readonly amount: string }[];
  /** The states the order went through, first one at `placedAt`. */
  readonly path: readonly number[];
  readonly placedAt: LocalDateTime;
  /** Minutes between successive states (cycled). */
  readonly stepMinutes?: readonly number[];
  readonly reference?: string;
  /** PrestaShop's rounding type: 1 per item, 2 per line (the shop's default), 3 on the total. */
  readonly roundType?: RoundType;
  /** PrestaShop's round mode (`PS_PRICE_ROUND_MODE`); the shop's, half-up, when not given. */
  readonly roundMode?: RoundMode;
  readonly trackingNumber?: string;
}

const HUNDRED = new Decimal(100);
const six = (value: Amount): Money6 => wire6(value);
const rateText = (rate: Amount): string => rate.toFixed(3);

/** The reference PrestaShop gives an order: 9 upper-case letters. */
export function referenceFor(seed: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let x = (seed * 2654435761) % 4294967296;
  let out = '';
  for (let i = 0; i < 9; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += letters[Math.floor((x / 2147483648) * 26)];
  }
  return out;
}

/**
 * Computes an order from a cart as PrestaShop's Cart::getOrderTotal and OrderDetail do: unit prices
 * after the line reductions (6 decimals), line totals rounded per the shop's round type, shipping by the
 * carrier with its free threshold, cart rules, gift wrapping; totals tax excluded and included. The state
 * path is applied afterwards (order-life.ts) by the caller, so that split orders exist before paying.
 */
export function computeOrder(cart: Cart, sequences: Sequences, secureKey: string): OrderRecord {
  const currency = CURRENCIES.find((c) => c.id === (cart.currencyId ?? 1));
  if (!currency) throw new Error(`unknown currency ${String(cart.currencyId)}`);
  const conversion = new Decimal(currency.conversionRate);
  const roundType = cart.roundType ?? SHOP_ROUND_TYPE;
  const roundMode = cart.roundMode ?? SHOP_ROUND_MODE;
  // Prices are rounded to the currency's precision in the shop's mode (Tools::ps_round).
  const cents = (value: Amount): Amount => psRound(value, CURRENCY_PRECISION, roundMode);

  let productsExcl = new Decimal(0);
  let productsIncl = new Decimal(0);
  let productsInclRaw = new Decimal(0);
  let productsExclRaw = new Decimal(0);
  let weight = new Decimal(0);
  const lines: LineRecord[] = cart.lines.map((line) => {
    const priced = pricedLine(line, currency, roundType, roundMode);
    productsExcl = productsExcl.plus(priced.totalExcl);
    productsIncl = productsIncl.plus(priced.totalIncl);
    productsExclRaw = productsExclRaw.plus(priced.rawExcl);
    productsInclRaw = productsInclRaw.plus(priced.rawIncl);
    weight = weight.plus(priced.weight);
    return { id: sequences.next('detail'), ...priced.record };
  });
  if (roundType === 3) {
    // Rounded once on the total: may differ by a cent from the sum of the rounded lines.
    productsExcl = cents(productsExclRaw);
    productsIncl = cents(productsInclRaw);
  }

  // Shipping, by the carrier's price and free threshold (products tax included, in EUR).
  const carrier = cart.carrierId ? carrierById(cart.carrierId) : undefined;
  if (cart.carrierId && !carrier) throw new Error(`unknown carrier ${cart.carrierId}`);
  const carrierRate = new Decimal(carrier ? (taxOfGroup(carrier.taxGroupId)?.rate ?? 0) : 0);
  const carrierFactor = carrierRate.div(HUNDRED).plus(1);
  let shippingIncl = new Decimal(0);
  if (carrier && !carrier.isFree) {
    const freeAbove = carrier.freeAbove === '' ? undefined : new Decimal(carrier.freeAbove).times(conversion);
    if (freeAbove === undefined || productsIncl.lessThan(freeAbove))
      shippingIncl = cents(new Decimal(carrier.priceTaxIncl).times(conversion));
  }
  const shippingExcl = cents(shippingIncl.div(carrierFactor));

  // Gift wrapping, taxed at the standard rate.
  const gift = cart.gift ?? cart.giftMessage !== undefined;
  const wrapRate = new Decimal(TAXES.find((t) => t.id === GIFT_WRAPPING_TAX_ID)?.rate ?? 0);
  const wrappingExcl = gift ? cents(new Decimal(GIFT_WRAPPING_TAX_EXCL).times(conversion)) : new Decimal(0);
  const wrappingIncl = gift ? cents(wrappingExcl.times(wrapRate.div(HUNDRED).plus(1))) : new Decimal(0);

  // Cart rules: percent on products, fixed amount (tax incl., split over the products' tax), free shipping.
  const cartRules: OrderCartRuleRecord[] = (cart.cartRuleIds ?? []).map((ruleId) => {
    const rule = cartRuleById(ruleId);
    if (!rule) throw new Error(`unknown cart rule ${ruleId}`);
    let valueIncl: Amount;
    let valueExcl: Amount;
    if (rule.kind === 'percent') {
      valueIncl = cents(productsIncl.times(rule.percent).div(HUNDRED));
      valueExcl = cents(productsExcl.times(rule.percent).div(HUNDRED));
    } else if (rule.kind === 'amount') {
      valueIncl = cents(Decimal.min(new Decimal(rule.amount).times(conversion), productsIncl));
      valueExcl = productsIncl.isZero()
        ? new Decimal(0)
        : cents(valueIncl.times(productsExcl).div(productsIncl));
    } else {
      valueIncl = shippingIncl;
      valueExcl = shippingExcl;
    }
    return {
      id: sequences.next('orderCartRule'),
      cartRuleId: rule.id,
      name: rule.name,
      value: six(valueIncl),
      valueTaxExcl: six(valueExcl),
      freeShipping: rule.kind === 'free_shipping',
    };
  });
  const discountsIncl = cartRules.reduce((s, r) => s.plus(r.value), new Decimal(0));
  const discountsExcl = cartRules.reduce((s, r) => s.plus(r.valueTaxExcl), new Decimal(0));

  const paidIncl = productsIncl.minus(discountsIncl).plus(shippingIncl).plus(wrappingIncl);
  const paidExcl = productsExcl.minus(discountsExcl).plus(shippingExcl).plus(wrappingExcl);
  const totals: OrderTotalsRecord = {
    products: six(productsExcl),
    productsWt: six(productsIncl),
    discountsTaxIncl: six(discountsIncl),
    discountsTaxExcl: six(discountsExcl),
    shippingTaxIncl: six(shippingIncl),
    shippingTaxExcl: six(shippingExcl),
    carrierTaxRate: carrier ? rateText(carrierRate) : '0.000',
    wrappingTaxIncl: six(wrappingIncl),
    wrappingTaxExcl: six(wrappingExcl),
    paidTaxIncl: six(paidIncl),
    paidTaxExcl: six(paidExcl),
  };

  const id = sequences.next('order');
  const orderCarrier: OrderCarrierRecord | undefined = carrier
    ? {
        id: sequences.next('orderCarrier'),
        orderInvoiceId: 0,
        carrierId: carrier.id,
        weight: six(weight),
        shippingTaxExcl: totals.shippingTaxExcl,
        shippingTaxIncl: totals.shippingTaxIncl,
        trackingNumber: cart.trackingNumber ?? '',
        date: cart.placedAt,
      }
    : undefined;
  const method = PAYMENT_METHODS[cart.payment];
  return {
    id,
    reference: cart.reference ?? referenceFor(id),
    shopId: cart.shopId,
    shopGroupId: 1,
    customerId: cart.customerId,
    addressDeliveryId: cart.addressDeliveryId,
    addressInvoiceId: cart.addressInvoiceId,
    cartId: sequences.next('cart'),
    currencyId: currency.id,
    langId: cart.langId ?? 1,
    carrierId: carrier?.id ?? 0,
    module: method.module,
    payment: method.label,
    conversionRate: currency.conversionRate,
    secureKey,
    recyclable: cart.recyclable ?? false,
    gift,
    giftMessage: cart.giftMessage ?? '',
    note: cart.note ?? '',
    roundMode,
    roundType,
    dateAdd: cart.placedAt,
    totals,
    lines,
    cartRules,
    orderCarrier,
    currentState: 0,
    valid: false,
    dateUpd: cart.placedAt,
    invoiceNumber: 0,
    invoiceDate: NO_DATE,
    invoiceId: 0,
    deliveryNumber: 0,
    deliveryDate: NO_DATE,
    totalPaidReal: ZERO6,
    histories: [],
    payments: [],
  };
}

/** A cart line priced: what its record says, and what it adds to the order's totals. */
interface PricedLine {
  readonly record: Omit<LineRecord, 'id'>;
  readonly totalExcl: Amount;
  readonly totalIncl: Amount;
  /** Unit prices times the quantity, unrounded: the totals of round type 3. */
  readonly rawExcl: Amount;
  readonly rawIncl: Amount;
  readonly weight: Amount;
}

/**
 * Each distinct line (product, combination, quantity, reductions, currency, rounding) priced once: the
 * catalogue is constant, and a generated shop of 100,000 orders has a few hundred distinct lines, each
 * priced with decimal.js thousands of times otherwise. The amounts are immutable, shared safely.
 */
const PRICED_LINES = new Map<string, PricedLine>();

function pricedLine(
  line: CartLine,
  currency: (typeof CURRENCIES)[number],
  roundType: RoundType,
  roundMode: RoundMode,
): PricedLine {
  const key = JSON.stringify([
    line.productId,
    line.combinationId,
    line.quantity,
    line.quantityRefunded,
    line.reductionPercent,
    line.reductionAmountTaxIncl,
    currency.id,
    roundType,
    roundMode,
  ]);
  let priced = PRICED_LINES.get(key);
  if (priced === undefined) {
    priced = priceLine(line, currency, roundType, roundMode);
    PRICED_LINES.set(key, priced);
  }
  return priced;
}

/** A line as PrestaShop's OrderDetail prices it: unit prices stored with 6 decimals, the line rounded per the round type. */
function priceLine(
  line: CartLine,
  currency: (typeof CURRENCIES)[number],
  roundType: RoundType,
  roundMode: RoundMode,
): PricedLine {
  const conversion = new Decimal(currency.conversionRate);
  const cents = (value: Amount): Amount => psRound(value, CURRENCY_PRECISION, roundMode);
  const p = productById(line.productId);
  if (!p) throw new Error(`unknown product ${line.productId}`);
  const combination = line.combinationId
    ? p.combinations.find((c) => c.id === line.combinationId)
    : undefined;
  if (line.combinationId && !combination) throw new Error(`unknown combination ${line.combinationId}`);
  const tax = taxOfGroup(p.taxGroupId);
  const rate = new Decimal(tax?.rate ?? 0);
  const factor = rate.div(HUNDRED).plus(1);
  const base = new Decimal(p.price).plus(combination?.priceImpact ?? 0).times(conversion);
  let unitExcl = base;
  let reductionExcl = new Decimal(0);
  let reductionIncl = new Decimal(0);
  if (line.reductionPercent) unitExcl = base.times(HUNDRED.minus(line.reductionPercent)).div(HUNDRED);
  if (line.reductionAmountTaxIncl) {
    reductionIncl = new Decimal(line.reductionAmountTaxIncl).times(conversion);
    reductionExcl = reductionIncl.div(factor);
    unitExcl = base.minus(reductionExcl);
  }
  // PrestaShop stores unit prices with 6 decimals and computes the line from the stored values.
  unitExcl = stored(unitExcl);
  const unitIncl = stored(unitExcl.times(factor));
  const q = line.quantity;
  let totalExcl: Amount;
  let totalIncl: Amount;
  if (roundType === 1) {
    totalExcl = cents(unitExcl).times(q);
    totalIncl = cents(unitIncl).times(q);
  } else {
    totalExcl = cents(unitExcl.times(q));
    totalIncl = cents(unitIncl.times(q));
  }
  const ecotax = new Decimal(p.ecotax);
  const record: Omit<LineRecord, 'id'> = {
    productId: p.id,
    combinationId: combination?.id ?? 0,
    name: combination ? `${p.name} (${combination.label})` : p.name,
    reference: combination ? combination.reference : p.reference,
    supplierReference: p.supplierReference,
    ean13: combination ? combination.ean13 : p.ean13,
    quantity: q,
    quantityRefunded: line.quantityRefunded ?? 0,
    originalPrice: six(base),
    unitTaxExcl: six(unitExcl),
    unitTaxIncl: six(unitIncl),
    totalTaxExcl: six(totalExcl),
    totalTaxIncl: six(totalIncl),
    reductionPercent: new Decimal(line.reductionPercent ?? 0).toFixed(2),
    reductionAmountTaxIncl: six(reductionIncl),
    reductionAmountTaxExcl: six(reductionExcl),
    taxId: tax?.id ?? 0,
    taxRate: rateText(rate),
    taxRulesGroupId: p.taxGroupId,
    ecotax: six(ecotax),
    ecotaxTaxRate: ecotax.isZero() ? '0.000' : '20.000',
    weight: six(new Decimal(p.weight)),
    wholesalePrice: p.wholesalePrice,
  };
  return {
    record,
    totalExcl,
    totalIncl,
    rawExcl: unitExcl.times(q),
    rawIncl: unitIncl.times(q),
    weight: new Decimal(p.weight).times(q),
  };
}

/** The payment plan of a cart (payment-error orders record a short amount, as the modules do). */
export function paymentPlanOf(cart: Cart, order: OrderRecord): PaymentPlan {
  const method = PAYMENT_METHODS[cart.payment];
  const half = new Decimal(order.totals.paidTaxIncl).times('0.5');
  const errorAmount = wire6(psRound(half, CURRENCY_PRECISION, order.roundMode));
  return {
    method: method.label,
    ...(cart.paymentParts ? { parts: cart.paymentParts } : {}),
    errorAmount,
    ...(cart.payment === 'card' ? { transactionPrefix: 'ch_3', cardBrand: 'visa' } : {}),
    ...(cart.payment === 'paypal' ? { transactionPrefix: 'PAYID-' } : {}),
  };
}
