import { ExpectedFailure } from '../../domain/failure.js';
import { formatNumber, frenchAmount } from '../../domain/french-format.js';
import { amount, round, sum, type Amount } from '../../domain/money.js';
import type { DocumentLineDraft, PaymentDraft, SalesDocumentDraft } from '../../domain/sales-document.js';

/**
 * What becomes of an order in another currency than Dolibarr's company currency when Dolibarr's
 * multicurrency module is off (`gescom.dolibarr.foreignCurrencyWithoutModule`): refused, or written in the
 * company's currency at the order's rate. With the module on, the document is in the order's currency.
 */
export type ForeignCurrencyWithoutModule = 'refuse' | 'convert';

/** How one draft is written: in the company's currency, or in the order's with Dolibarr's multicurrency. */
export type CurrencyPlan =
  | { readonly kind: 'company'; readonly draft: SalesDocumentDraft }
  | { readonly kind: 'document'; readonly draft: SalesDocumentDraft; readonly rate: Amount };

export function planCurrency(
  draft: SalesDocumentDraft,
  companyCurrency: string,
  multicurrency: boolean,
  withoutModule: ForeignCurrencyWithoutModule,
): CurrencyPlan {
  if (draft.currency === companyCurrency) return { kind: 'company', draft };
  if (!draft.conversionRate.greaterThan(0))
    throw new ExpectedFailure(
      'currency-rate-missing',
      `La commande ${draft.externalKey} est en ${draft.currency} sans taux de conversion : vérifiez le taux de la devise dans PrestaShop (International > Localisation > Devises).`,
      { data: { case: 'currency-rate-missing', externalKey: draft.externalKey, currency: draft.currency } },
    );
  if (multicurrency) return { kind: 'document', draft, rate: draft.conversionRate };
  if (withoutModule === 'convert') return { kind: 'company', draft: convertedDraft(draft, companyCurrency) };
  throw new ExpectedFailure(
    'currency-unsupported',
    `La commande ${draft.externalKey} est en ${draft.currency}, pas dans la devise de la société dans Dolibarr (${companyCurrency}), et le module Multi-devise de Dolibarr n’est pas activé. Deux possibilités : activez le module Multi-devise dans Dolibarr (Accueil > Configuration > Modules/Applications > Multi-devise) et déclarez-y la devise ${draft.currency}, ou choisissez la conversion dans la configuration de navette (gescom.dolibarr.foreignCurrencyWithoutModule: convert) pour écrire le document en ${companyCurrency} au taux de la commande.`,
    {
      data: {
        case: 'currency-unsupported',
        externalKey: draft.externalKey,
        currency: draft.currency,
        companyCurrency,
      },
    },
  );
}

/**
 * The draft in the company's currency at the order's rate (PrestaShop's `conversion_rate`: units of the
 * order's currency for one of the shop's default currency, taken as Dolibarr's company currency). Unit
 * prices keep all their decimals (the writer fits them to the converted line totals); the expected totals
 * are the shop's converted to the cent, and the tolerance and the écart line apply as for any order. The
 * remark keeps the original: "Commande en USD au taux 1,1 : total TTC 123,45 USD".
 */
export function convertedDraft(draft: SalesDocumentDraft, companyCurrency: string): SalesDocumentDraft {
  const rate = draft.conversionRate;
  const at = (value: Amount): Amount => value.div(rate);
  const original = `Commande en ${draft.currency} au taux ${formatNumber(rate)} : total TTC ${frenchAmount(round(draft.shopTotals.taxIncl))} ${draft.currency}`;
  const lines = draft.lines.map((line): DocumentLineDraft => ({
    ...line,
    unitPriceTaxExcl: at(line.unitPriceTaxExcl),
    unitPriceTaxIncl: at(line.unitPriceTaxIncl),
    discountAmountTaxExcl: at(line.discountAmountTaxExcl),
    totalTaxExcl: at(line.totalTaxExcl),
    totalTaxIncl: at(line.totalTaxIncl),
    ecotaxTaxExcl: at(line.ecotaxTaxExcl),
  }));
  const shopTotals = convertedTotals(lines, round(at(draft.shopTotals.taxIncl)));
  return {
    ...draft,
    currency: companyCurrency,
    conversionRate: amount(1),
    remark: draft.remark === '' ? original : `${draft.remark}\n${original}`,
    lines,
    totals: {
      taxExcl: at(draft.totals.taxExcl),
      tax: at(draft.totals.tax),
      taxIncl: at(draft.totals.taxIncl),
    },
    shopTotals,
    payments: convertedPayments(draft.payments, rate, round(draft.shopTotals.taxIncl), shopTotals.taxIncl),
  };
}

/**
 * The totals a converted order is expected to have: its TTC is the shop's converted to the cent; its HT
 * is the sum of the converted lines, each to the cent as Dolibarr rounds them, plus the HT share of what
 * those lines' TTC lacks of that total at one of the order's VAT rates — the écart line the writer adds
 * then closes both. (The shop's HT and TTC converted each on its own could differ from the lines by a
 * cent apart, a gap no écart line at a real rate closes.)
 */
function convertedTotals(
  lines: readonly DocumentLineDraft[],
  taxIncl: Amount,
): { readonly taxExcl: Amount; readonly taxIncl: Amount } {
  const linesExcl = sum(lines.map((line) => round(line.totalTaxExcl)));
  const linesIncl = sum(lines.map((line) => round(line.totalTaxIncl)));
  const gap = taxIncl.minus(linesIncl);
  const rate = (lines.find((line) => !line.vatRate.isZero()) ?? lines[0])?.vatRate;
  if (gap.isZero() || rate === undefined) return { taxExcl: linesExcl, taxIncl };
  return { taxExcl: linesExcl.plus(round(gap.div(rate.div(100).plus(1)))), taxIncl };
}

/**
 * Each payment converted to the cent; when they paid the whole order, the last one takes what remains of
 * the converted total, so that the invoice is paid with no cent left over from the rounding.
 */
function convertedPayments(
  payments: readonly PaymentDraft[],
  rate: Amount,
  total: Amount,
  convertedTotal: Amount,
): PaymentDraft[] {
  const converted = payments.map((payment) => ({ ...payment, amount: round(payment.amount.div(rate)) }));
  const last = converted.at(-1);
  if (last === undefined || !round(sum(payments.map((payment) => payment.amount))).equals(total))
    return converted;
  const before = sum(converted.slice(0, -1).map((payment) => payment.amount));
  return [...converted.slice(0, -1), { ...last, amount: convertedTotal.minus(before) }];
}

/**
 * Dolibarr's `create()` writes a document in the company's currency, silently, when the currency it is
 * given is not declared in its multicurrency setup: the read-back currency tells it.
 */
export function currencyUndeclared(draft: SalesDocumentDraft, found: string): ExpectedFailure {
  return new ExpectedFailure(
    'currency-undeclared',
    `La commande ${draft.externalKey} est en ${draft.currency}, mais cette devise n’est pas déclarée dans Dolibarr, qui a écrit le document en ${found} : le brouillon a été supprimé. Ajoutez la devise ${draft.currency} dans Dolibarr (Accueil > Configuration > Modules/Applications > Multi-devise, puis la page de configuration du module), puis relancez l’import.`,
    {
      data: { case: 'currency-undeclared', externalKey: draft.externalKey, currency: draft.currency, found },
    },
  );
}
