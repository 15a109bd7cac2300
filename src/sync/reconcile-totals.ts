import { type Amount, Decimal, ZERO, format, round, sum } from '../domain/money.js';
import { type DocumentLineDraft, type DocumentTotals, FIELD_LIMITS } from '../domain/sales-document.js';
import { truncateText } from '../domain/truncate.js';
import { frenchRate } from './line-draft.js';
import { apportionCents, vatAt } from './vat-and-allocation.js';

/**
 * SPEC §3.1 "Totals": the document's totals must equal the shop's (`total_paid_tax_excl`,
 * `total_paid_tax_incl`) to the cent, HT and TTC.
 *
 * The document's totals are the sums of its lines' totals, so that any GesCom adding up the lines finds
 * the same figures. PrestaShop's own totals are not always the sum of its rounded lines: with its
 * default per-line rounding, PrestaShop 8 stores each order detail rounded to the cent but computes the
 * order's total from the unrounded line amounts (quantity × 6-decimal unit price) and rounds only that
 * sum (`CartRow` keeps the unrounded amount, `Calculator::getTotal` adds them up). Order 8 of the
 * recorded shop: lines 316.07 HT, total 316.06 HT. A small difference is given a form a French
 * accountant can book (docs/how-it-works.md, "Rounding and the écart d'arrondi"):
 *
 * - the tax-excluded difference becomes *écart d'arrondi* lines, one per VAT rate it belongs to (the
 *   rate whose lines the rounding pushed the most), each carrying the VAT of its rate on its base;
 * - what is then left is VAT alone (the shop rounded HT and TTC each on its own, so its VAT is not a
 *   rate times a base): a line of a base cannot carry VAT alone, so that cent goes into the
 *   tax-included amount of the line it comes from — first a line whose own HT and TTC the shop left a
 *   cent off its rate (the cent puts it right), otherwise the line of the rate whose exact VAT the
 *   rounding shorted the most.
 *
 * A larger difference means the mapping missed something: the order fails rather than importing wrong
 * figures. A difference equal to the tolerance is accepted ("above a small bound fails").
 */

export type ReconcileResult =
  | {
      readonly ok: true;
      readonly lines: readonly DocumentLineDraft[];
      readonly totals: DocumentTotals;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly code: 'totals-mismatch'; readonly message: string };

export interface ShopTotals {
  readonly taxExcl: Amount;
  readonly taxIncl: Amount;
}

export const ROUNDING_LABEL = "Écart d'arrondi";

/** The sums of the lines' totals; the tax is what lies between them. */
export function linesTotals(lines: readonly DocumentLineDraft[]): DocumentTotals {
  const taxExcl = sum(lines.map((documentLine) => documentLine.totalTaxExcl));
  const taxIncl = sum(lines.map((documentLine) => documentLine.totalTaxIncl));
  return { taxExcl, tax: taxIncl.minus(taxExcl), taxIncl };
}

/** VAT by rate (the figures a French invoice shows at its foot), highest rate first. */
export function vatBreakdown(
  lines: readonly DocumentLineDraft[],
): { readonly rate: Amount; readonly base: Amount; readonly tax: Amount }[] {
  const byRate = new Map<string, { rate: Amount; base: Amount; tax: Amount }>();
  for (const documentLine of lines) {
    const key = documentLine.vatRate.toFixed();
    const entry = byRate.get(key) ?? { rate: documentLine.vatRate, base: ZERO, tax: ZERO };
    entry.base = entry.base.plus(documentLine.totalTaxExcl);
    entry.tax = entry.tax.plus(documentLine.totalTaxIncl.minus(documentLine.totalTaxExcl));
    byRate.set(key, entry);
  }
  return [...byRate.values()].sort((a, b) => b.rate.comparedTo(a.rate));
}

/** French amounts in messages: `316,06`, `+0,01`. */
const french = (value: Amount) => format(value).replace('.', ',');
const signed = (value: Amount) => (value.isNegative() ? french(value) : `+${french(value)}`);

const lineVat = (documentLine: DocumentLineDraft) =>
  documentLine.totalTaxIncl.minus(documentLine.totalTaxExcl);

/** What the shop computed before rounding the line: quantity × unit price, tax excluded. */
const exactExcl = (documentLine: DocumentLineDraft) =>
  documentLine.quantity.times(documentLine.unitPriceTaxExcl);

/** The line's VAT before rounding minus the VAT it carries: what the rounding took from it. */
const vatGap = (documentLine: DocumentLineDraft) =>
  documentLine.quantity
    .times(documentLine.unitPriceTaxIncl.minus(documentLine.unitPriceTaxExcl))
    .minus(lineVat(documentLine));

/** How far the line's VAT is from its rate times its base (0 for a line that agrees with its rate). */
const offRate = (documentLine: DocumentLineDraft) =>
  lineVat(documentLine).minus(vatAt(documentLine.vatRate, documentLine.totalTaxExcl));

interface RateGroup {
  readonly rate: Amount;
  readonly indexes: number[];
}

function rateGroups(lines: readonly DocumentLineDraft[], keep: (index: number) => boolean): RateGroup[] {
  const groups = new Map<string, RateGroup>();
  lines.forEach((documentLine, index) => {
    if (!keep(index)) return;
    const key = documentLine.vatRate.toFixed();
    const group = groups.get(key) ?? { rate: documentLine.vatRate, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });
  return [...groups.values()];
}

const baseOf = (lines: readonly DocumentLineDraft[], indexes: readonly number[]) =>
  sum(indexes.map((index) => lines[index]?.totalTaxExcl.abs() ?? ZERO));

function roundingLine(
  rate: Amount,
  taxExcl: Amount,
  article: string,
  severalRates: boolean,
): DocumentLineDraft {
  const taxIncl = taxExcl.plus(vatAt(rate, taxExcl));
  const text = severalRates ? `${ROUNDING_LABEL} (TVA ${frenchRate(rate)})` : ROUNDING_LABEL;
  return {
    kind: 'rounding',
    articleReference: article,
    createArticle: false,
    label: truncateText(text, FIELD_LIMITS.label),
    quantity: new Decimal(1),
    unitPriceTaxExcl: taxExcl,
    unitPriceTaxIncl: taxIncl,
    discountPercent: ZERO,
    discountAmountTaxExcl: ZERO,
    vatRate: rate,
    totalTaxExcl: taxExcl,
    totalTaxIncl: taxIncl,
    ecotaxTaxExcl: ZERO,
    sourceLineId: undefined,
  };
}

/**
 * The line that takes the next cent of VAT (`sign` +1 or −1) into its tax-included amount, or
 * undefined when no line has a VAT rate to carry it.
 */
function vatAbsorber(lines: readonly DocumentLineDraft[], sign: number): number | undefined {
  const candidates = lines
    .map((_, index) => index)
    .filter((index) => {
      const documentLine = lines[index];
      return (
        documentLine !== undefined && !documentLine.vatRate.isZero() && !documentLine.totalTaxExcl.isZero()
      );
    });
  const best = (indexes: readonly number[]) =>
    indexes.reduce((chosen, index) => {
      const [a, b] = [lines[index], lines[chosen]];
      if (a === undefined || b === undefined) return chosen;
      const order =
        vatGap(a).times(sign).comparedTo(vatGap(b).times(sign)) ||
        a.totalTaxExcl.abs().comparedTo(b.totalTaxExcl.abs());
      return order > 0 ? index : chosen;
    });

  // A line the shop left a cent off its rate in the other direction: the cent puts it right.
  const off = candidates.filter((index) => {
    const documentLine = lines[index];
    // lessThan, not isNegative: decimal.js counts −0 (a line that agrees, times −1) as negative.
    return documentLine !== undefined && offRate(documentLine).times(sign).lessThan(ZERO);
  });
  if (off.length > 0) return best(off);

  const groups = rateGroups(lines, (index) => candidates.includes(index));
  if (groups.length === 0) return undefined;
  const groupGap = (group: RateGroup) =>
    sum(group.indexes.map((index) => (lines[index] ? vatGap(lines[index]) : ZERO))).times(sign);
  const group = groups.reduce((chosen, candidate) =>
    (groupGap(candidate).comparedTo(groupGap(chosen)) ||
      baseOf(lines, candidate.indexes).comparedTo(baseOf(lines, chosen.indexes))) > 0
      ? candidate
      : chosen,
  );
  return best(group.indexes);
}

/**
 * Makes the document's totals equal the shop's when they differ by at most `tolerance` (each of HT and
 * TTC), with écart lines and, for VAT alone, a cent on the line it comes from (see the top of this
 * file); fails above the tolerance.
 */
export function reconcileTotals(
  lines: readonly DocumentLineDraft[],
  shop: ShopTotals,
  options: { readonly tolerance: Amount; readonly roundingArticle: string; readonly currency: string },
): ReconcileResult {
  const document = linesTotals(lines);
  const shopExcl = round(shop.taxExcl);
  const shopIncl = round(shop.taxIncl);
  const differenceExcl = shopExcl.minus(document.taxExcl);
  const differenceIncl = shopIncl.minus(document.taxIncl);
  if (differenceExcl.isZero() && differenceIncl.isZero())
    return { ok: true, lines, totals: document, notes: [] };

  const shopTotalsText = `boutique ${french(shopExcl)} HT / ${french(shopIncl)} TTC`;
  if (
    differenceExcl.abs().greaterThan(options.tolerance) ||
    differenceIncl.abs().greaterThan(options.tolerance)
  )
    return {
      ok: false,
      code: 'totals-mismatch',
      message:
        `Les totaux du document ne correspondent pas à ceux de la boutique : ${shopTotalsText}, ` +
        `document ${french(document.taxExcl)} HT / ${french(document.taxIncl)} TTC ` +
        `(écart ${signed(differenceExcl)} HT, ${signed(differenceIncl)} TTC ${options.currency} ; ` +
        `tolérance ${french(options.tolerance)}). Vérifiez les lignes, remises et frais de port de la commande ` +
        'dans la boutique ; la tolérance se règle dans les réglages des totaux.',
    };

  const notes: string[] = [];
  // 1. The tax-excluded difference, on the rates whose lines the rounding pushed the most.
  // A line of nothing (free shipping shown at zero) has no base: its rate is not one the order charges.
  const groups = rateGroups(lines, (index) => {
    const documentLine = lines[index];
    return (
      documentLine !== undefined &&
      !(documentLine.totalTaxExcl.isZero() && documentLine.totalTaxIncl.isZero())
    );
  });
  const rates = groups.length > 0 ? groups : [{ rate: ZERO, indexes: [] }];
  const shares = apportionCents(
    differenceExcl,
    rates.map((group) => ({
      gap: sum(group.indexes.map((index) => (lines[index] ? exactExcl(lines[index]) : ZERO))).minus(
        sum(group.indexes.map((index) => lines[index]?.totalTaxExcl ?? ZERO)),
      ),
      size: baseOf(lines, group.indexes),
    })),
  );
  const severalRates = rates.length > 1;
  const roundingLines = rates.flatMap((group, index) => {
    const share = shares[index] ?? ZERO;
    return share.isZero() ? [] : [roundingLine(group.rate, share, options.roundingArticle, severalRates)];
  });
  for (const rounding of roundingLines)
    notes.push(
      `Écart d'arrondi avec les totaux de la boutique (${signed(differenceExcl)} HT, ${signed(differenceIncl)} ` +
        `TTC ${options.currency}) : ligne « ${rounding.label} » de ${signed(rounding.totalTaxExcl)} HT, ` +
        `${signed(rounding.totalTaxIncl)} TTC (TVA ${frenchRate(rounding.vatRate)} : ${signed(lineVat(rounding))}).`,
    );

  // 2. What is left is VAT alone: a cent at a time into the tax-included amount of the line it comes from.
  const adjusted = [...lines];
  let vatLeft = differenceIncl.minus(sum(roundingLines.map((rounding) => rounding.totalTaxIncl)));
  const sign = vatLeft.isNegative() ? -1 : 1;
  const cent = new Decimal(sign).div(100);
  const absorbed = new Map<number, Amount>();
  while (!vatLeft.isZero()) {
    const index = vatAbsorber(adjusted, sign);
    const documentLine = index === undefined ? undefined : adjusted[index];
    if (index === undefined || documentLine === undefined)
      return {
        ok: false,
        code: 'totals-mismatch',
        message:
          `Les totaux de la boutique (${shopTotalsText}) comptent ${signed(vatLeft)} ${options.currency} de TVA ` +
          "qu'aucune ligne soumise à la TVA ne peut porter. Vérifiez les taxes de la commande dans la boutique.",
      };
    adjusted[index] = { ...documentLine, totalTaxIncl: documentLine.totalTaxIncl.plus(cent) };
    absorbed.set(index, (absorbed.get(index) ?? ZERO).plus(cent));
    vatLeft = vatLeft.minus(cent);
  }
  for (const [index, cents] of absorbed) {
    const documentLine = adjusted[index];
    if (documentLine === undefined) continue;
    notes.push(
      `TVA arrondie par la boutique sur ses totaux (${signed(cents)} ${options.currency}) : portée sur la ligne ` +
        `« ${documentLine.label} » (TVA ${frenchRate(documentLine.vatRate)}), ` +
        `${french(documentLine.totalTaxIncl)} TTC au lieu de ${french(documentLine.totalTaxIncl.minus(cents))}.`,
    );
  }

  const reconciled = [...adjusted, ...roundingLines];
  return { ok: true, lines: reconciled, totals: linesTotals(reconciled), notes };
}
