import type { OutcomeNote } from '../domain/import-report.js';
import type { ArticleSettings } from '../domain/rules.js';
import { type Amount, Decimal, ZERO, format, round } from '../domain/money.js';
import type { DocumentLineDraft } from '../domain/sales-document.js';
import type { OrderCartRule, ShopOrder } from '../domain/shop-order.js';
import { frenchAmount } from '../domain/french-format.js';
import { frenchRate, singleLine } from './line-draft.js';
import { vatRateFor } from './vat-and-allocation.js';

/**
 * The shipping line of a document (SPEC §3.1 "Shipping"), after the free-shipping cart rules have
 * cancelled what they offer of it.
 */

/** What the free-shipping cart rules take off the shipping cost, and what is left of each rule. */
export interface ShippingAfterFreeRules {
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
  readonly cancelledBy: readonly OrderCartRule[];
  /** The part of each free-shipping rule beyond the shipping cost (a rule may also give a reduction). */
  readonly leftovers: readonly OrderCartRule[];
}

/**
 * PrestaShop records a free-shipping voucher by keeping the shipping cost on the order
 * (`total_shipping` 6.90) and adding the voucher's value to the discounts (`total_discounts` 6.90) —
 * order 12 of the recorded shop. For the GesCom the shipping is simply free: the voucher's value
 * cancels the shipping cost instead of appearing as a discount, and any excess stays a discount.
 */
export function applyFreeShippingRules(order: ShopOrder): ShippingAfterFreeRules {
  let taxExcl = order.totals.shippingTaxExcl;
  let taxIncl = order.totals.shippingTaxIncl;
  const cancelledBy: OrderCartRule[] = [];
  const leftovers: OrderCartRule[] = [];
  for (const rule of order.cartRules.filter((candidate) => candidate.freeShipping)) {
    const cancelExcl = Decimal.min(rule.valueTaxExcl, taxExcl);
    const cancelIncl = Decimal.min(rule.valueTaxIncl, taxIncl);
    taxExcl = taxExcl.minus(cancelExcl);
    taxIncl = taxIncl.minus(cancelIncl);
    if (!cancelIncl.isZero() || !cancelExcl.isZero()) cancelledBy.push(rule);
    const leftover = {
      ...rule,
      valueTaxExcl: rule.valueTaxExcl.minus(cancelExcl),
      valueTaxIncl: rule.valueTaxIncl.minus(cancelIncl),
    };
    if (!round(leftover.valueTaxExcl).isZero() || !round(leftover.valueTaxIncl).isZero())
      leftovers.push(leftover);
  }
  return { taxExcl, taxIncl, cancelledBy, leftovers };
}

export function shippingLines(
  order: ShopOrder,
  settings: ArticleSettings,
  shipping: ShippingAfterFreeRules,
  notes: OutcomeNote[],
): DocumentLineDraft[] {
  const carrierName = order.carrier?.name.trim() ?? '';
  const withCarrier = (text: string) => (carrierName ? `${text} — ${carrierName}` : text);
  for (const rule of shipping.cancelledBy)
    notes.push({
      code: 'free-shipping-voucher',
      text:
        `Bon de réduction « ${rule.name} » (livraison offerte) : les frais de port de ` +
        `${frenchAmount(order.totals.shippingTaxIncl)} ${order.currency.isoCode} TTC sont annulés plutôt que remisés.`,
      data: {
        voucher: rule.name,
        shippingIncl: format(order.totals.shippingTaxIncl),
        currency: order.currency.isoCode,
      },
    });

  if (round(shipping.taxExcl).isZero() && round(shipping.taxIncl).isZero()) {
    // An order of virtual products has no carrier and nothing to ship: no line whatever the setting.
    if (settings.freeShippingLine === 'none' || order.carrier === undefined) return [];
    return [
      singleLine('shipping', settings.shipping, withCarrier('Frais de port offerts'), ZERO, ZERO, ZERO),
    ];
  }
  const vat = vatRateFor(shipping.taxExcl, shipping.taxIncl, order.totals.carrierTaxRate);
  if (vat.derived)
    notes.push({
      code: 'shipping-vat-derived',
      text:
        `Frais de port : le taux de TVA du transporteur (${frenchRate(order.totals.carrierTaxRate)}) ne ` +
        `correspond pas aux montants facturés ; ${frenchRate(vat.rate)} (déduit des montants) est utilisé.`,
      data: { shopRate: order.totals.carrierTaxRate.toFixed(), rate: vat.rate.toFixed() },
    });
  return [
    singleLine(
      'shipping',
      settings.shipping,
      withCarrier('Frais de port'),
      round(shipping.taxExcl),
      round(shipping.taxIncl),
      vat.rate,
    ),
  ];
}
