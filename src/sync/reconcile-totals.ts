import type { OutcomeNote, ReasonData } from '../domain/import-report.js';
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
      readonly notes: readonly OutcomeNote[];
    }
  | {
      readonly ok: false;
      readonly code: 'totals-mismatch';
      readonly message: string;
      readonly data: ReasonData;
    };

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

/** A line of the document with its position, so that what is chosen among some lines can be put back. */
interface Member {
  readonly index: number;
  readonly line: DocumentLineDraft;
}

interface RateGroup {
  readonly rate: Amount;
  readonly members: Member[];
}

const membersWhere = (
  lines: readonly DocumentLineDraft[],
  keep: (documentLine: DocumentLineDraft) => boolean,
) => lines.flatMap((documentLine, index) => (keep(documentLine) ? [{ index, line: documentLine }] : []));

function rateGroups(members: readonly Member[]): RateGroup[] {
  const groups = new Map<string, RateGroup>();
  for (const member of members) {
    const key = member.line.vatRate.toFixed();
    const group = groups.get(key) ?? { rate: member.line.vatRate, members: [] };
    group.members.push(member);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const baseOf = (group: RateGroup) => sum(group.members.map((member) => member.line.totalTaxExcl.abs()));

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
function vatAbsorber(lines: readonly DocumentLineDraft[], sign: number): Member | undefined {
  const candidates = membersWhere(
    lines,
    (documentLine) => !documentLine.vatRate.isZero() && !documentLine.totalTaxExcl.isZero(),
  );
  const best = (members: readonly Member[]) =>
    members.reduce((chosen, member) => {
      const [a, b] = [member.line, chosen.line];
      const order =
        vatGap(a).times(sign).comparedTo(vatGap(b).times(sign)) ||
        a.totalTaxExcl.abs().comparedTo(b.totalTaxExcl.abs());
      return order > 0 ? member : chosen;
    });

  // A line the shop left a cent off its rate in the other direction: the cent puts it right.
  // lessThan, not isNegative: decimal.js counts −0 (a line that agrees, times −1) as negative.
  const off = candidates.filter((member) => offRate(member.line).times(sign).lessThan(ZERO));
  if (off.length > 0) return best(off);

  const groups = rateGroups(candidates);
  if (groups.length === 0) return undefined;
  const groupGap = (group: RateGroup) => sum(group.members.map((member) => vatGap(member.line))).times(sign);
  const group = groups.reduce((chosen, candidate) =>
    (groupGap(candidate).comparedTo(groupGap(chosen)) || baseOf(candidate).comparedTo(baseOf(chosen))) > 0
      ? candidate
      : chosen,
  );
  return best(group.members);
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
      data: {
        shopExcl: format(shopExcl),
        shopIncl: format(shopIncl),
        documentExcl: format(document.taxExcl),
        documentIncl: format(document.taxIncl),
        differenceExcl: format(differenceExcl),
        differenceIncl: format(differenceIncl),
        currency: options.currency,
        tolerance: format(options.tolerance),
      },
    };

  const notes: OutcomeNote[] = [];
  // 1. The tax-excluded difference, on the rates whose lines the rounding pushed the most.
  // A line of nothing (free shipping shown at zero) has no base: its rate is not one the order charges.
  const groups = rateGroups(
    membersWhere(
      lines,
      (documentLine) => !(documentLine.totalTaxExcl.isZero() && documentLine.totalTaxIncl.isZero()),
    ),
  );
  const rates = groups.length > 0 ? groups : [{ rate: ZERO, members: [] }];
  const shares = apportionCents(
    differenceExcl,
    rates.map((group) => ({
      gap: sum(group.members.map((member) => exactExcl(member.line))).minus(
        sum(group.members.map((member) => member.line.totalTaxExcl)),
      ),
      size: baseOf(group),
    })),
  );
  const severalRates = rates.length > 1;
  const roundingLines = rates.flatMap((group, index) => {
    const share = shares[index] ?? ZERO;
    return share.isZero() ? [] : [roundingLine(group.rate, share, options.roundingArticle, severalRates)];
  });
  for (const rounding of roundingLines)
    notes.push({
      code: 'rounding-line',
      text:
        `Écart d'arrondi avec les totaux de la boutique (${signed(differenceExcl)} HT, ${signed(differenceIncl)} ` +
        `TTC ${options.currency}) : ligne « ${rounding.label} » de ${signed(rounding.totalTaxExcl)} HT, ` +
        `${signed(rounding.totalTaxIncl)} TTC (TVA ${frenchRate(rounding.vatRate)} : ${signed(lineVat(rounding))}).`,
      data: {
        differenceExcl: format(differenceExcl),
        differenceIncl: format(differenceIncl),
        currency: options.currency,
        label: rounding.label,
        lineExcl: format(rounding.totalTaxExcl),
        lineIncl: format(rounding.totalTaxIncl),
        vatRate: rounding.vatRate.toFixed(),
        lineVat: format(lineVat(rounding)),
      },
    });

  // 2. What is left is VAT alone: a cent at a time into the tax-included amount of the line it comes from.
  const adjusted = [...lines];
  let vatLeft = differenceIncl.minus(sum(roundingLines.map((rounding) => rounding.totalTaxIncl)));
  const sign = vatLeft.isNegative() ? -1 : 1;
  const cent = new Decimal(sign).div(100);
  // By position, in the order the lines first took a cent: the cents taken and the line as it ends up.
  const absorbed = new Map<number, { cents: Amount; line: DocumentLineDraft }>();
  while (!vatLeft.isZero()) {
    const absorber = vatAbsorber(adjusted, sign);
    if (absorber === undefined)
      return {
        ok: false,
        code: 'totals-mismatch',
        message:
          `Les totaux de la boutique (${shopTotalsText}) comptent ${signed(vatLeft)} ${options.currency} de TVA ` +
          "qu'aucune ligne soumise à la TVA ne peut porter. Vérifiez les taxes de la commande dans la boutique.",
        data: {
          case: 'vat-left',
          shopExcl: format(shopExcl),
          shopIncl: format(shopIncl),
          vatLeft: format(vatLeft),
          currency: options.currency,
        },
      };
    const documentLine = { ...absorber.line, totalTaxIncl: absorber.line.totalTaxIncl.plus(cent) };
    adjusted[absorber.index] = documentLine;
    absorbed.set(absorber.index, {
      cents: (absorbed.get(absorber.index)?.cents ?? ZERO).plus(cent),
      line: documentLine,
    });
    vatLeft = vatLeft.minus(cent);
  }
  for (const { cents, line: documentLine } of absorbed.values())
    notes.push({
      code: 'vat-rounded',
      text:
        `TVA arrondie par la boutique sur ses totaux (${signed(cents)} ${options.currency}) : portée sur la ligne ` +
        `« ${documentLine.label} » (TVA ${frenchRate(documentLine.vatRate)}), ` +
        `${french(documentLine.totalTaxIncl)} TTC au lieu de ${french(documentLine.totalTaxIncl.minus(cents))}.`,
      data: {
        cents: format(cents),
        currency: options.currency,
        label: documentLine.label,
        vatRate: documentLine.vatRate.toFixed(),
        lineIncl: format(documentLine.totalTaxIncl),
        before: format(documentLine.totalTaxIncl.minus(cents)),
      },
    });

  const reconciled = [...adjusted, ...roundingLines];
  return { ok: true, lines: reconciled, totals: linesTotals(reconciled), notes };
}
