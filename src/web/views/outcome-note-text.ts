import type { OrderOutcome, OutcomeNoteCode } from '../../domain/import-report.js';
import type { Language } from '../i18n.js';
import { englishOr, missingValue } from './message-values.js';
import { ReasonValues } from './outcome-reason-text.js';

/**
 * The notes under an imported order in the page's language. French pages show them as written (what
 * the CLI and the reports print); English pages render each from its code and values. Notes kept
 * before they had data, or a note whose values are not those expected, are shown in French rather
 * than not at all.
 */
export function outcomeNotesText(
  outcome: Pick<OrderOutcome, 'notes' | 'noteData'>,
  language: Language,
): readonly string[] {
  const { notes, noteData } = outcome;
  if (language === 'fr' || noteData === undefined || noteData.length !== notes.length) return notes;
  return notes.map((french, index) => {
    const note = noteData[index];
    if (note === undefined) return french;
    const values = new NoteValues(note.data);
    return englishOr(french, () => ENGLISH[note.code](values));
  });
}

/** The values of a note, with the ways notes name rates and signed amounts. */
class NoteValues extends ReasonValues {
  /** A VAT rate kept as decimal text ("5.5"): "5.5%". */
  rate(name: string): string {
    const text = this.text(name);
    if (!/^\d+(\.\d+)?$/.test(text)) missingValue();
    return `${text}%`;
  }

  /** A line of the document by its label, the GesCom's own text. */
  line(): string {
    return `“${this.text('label')}”`;
  }
}

/** Why a product went on the generic article, as its `case` says. */
function genericWhy(v: NoteValues): string {
  switch (v.case) {
    case 'unknown':
      return 'unknown to the GesCom';
    case 'no-reference':
      return 'without a reference to create the article with';
    case 'reference-too-long':
      return `with a reference longer than ${v.text('max')} characters`;
    default:
      return missingValue();
  }
}

/** The English of each note navette writes (sync/), from the values of its French text. */
const ENGLISH: Readonly<Record<OutcomeNoteCode, (values: NoteValues) => string>> = {
  'customer-deleted': (v) =>
    `Customer ${v.text('accountCode')} is deleted in the shop; their account is used all the same.`,
  'generic-article': (v) =>
    `Product ${v.product()} ${genericWhy(v)}: imported on the generic article ${v.text('generic')}.`,
  'article-created': (v) =>
    `Article ${v.text('reference')} does not exist in the GesCom: it will be created.`,
  'product-vat-derived': (v) =>
    `Product ${v.product()}: the shop’s VAT rate (${v.rate('shopRate')}) does not match its prices; ` +
    `${v.rate('rate')} (worked out from the prices) is used.`,
  'free-shipping-voucher': (v) =>
    `Voucher “${v.text('voucher')}” (free shipping): the shipping of ${v.amount('shippingIncl')} ` +
    `${v.text('currency')} incl. VAT is cancelled rather than discounted.`,
  'shipping-vat-derived': (v) =>
    `Shipping: the carrier’s VAT rate (${v.rate('shopRate')}) does not match the amounts charged; ` +
    `${v.rate('rate')} (worked out from the amounts) is used.`,
  'rounding-line': (v) =>
    `Rounding difference with the shop’s totals (${v.signed('differenceExcl')} excl. VAT, ` +
    `${v.signed('differenceIncl')} incl. VAT ${v.text('currency')}): line ${v.line()} of ` +
    `${v.signed('lineExcl')} excl. VAT, ${v.signed('lineIncl')} incl. VAT (VAT ${v.rate('vatRate')}: ` +
    `${v.signed('lineVat')}).`,
  'vat-rounded': (v) =>
    `VAT rounded by the shop on its totals (${v.signed('cents')} ${v.text('currency')}): carried by line ` +
    `${v.line()} (VAT ${v.rate('vatRate')}), ${v.amount('lineIncl')} incl. VAT instead of ` +
    `${v.amount('before')}.`,
  'payment-not-recorded': () =>
    'No payment recorded in the shop for this paid order: a payment of the total paid is created.',
  'payments-shared': (v) =>
    `The payments of reference ${v.text('reference')} (${v.amount('paid')}) cover several orders that ` +
    `share it: this one’s total (${v.amount('total')}) is recorded.`,
};
