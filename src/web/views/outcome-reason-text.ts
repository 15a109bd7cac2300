import type {
  ImportNote,
  JournalEntry,
  OrderOutcome,
  OutcomeCode,
  ReasonData,
} from '../../domain/import-report.js';
import type { Language, Translate } from '../i18n.js';
import { dolibarrFailureText } from './dolibarr-failure-text.js';
import { formatAmount } from './format.js';
import { DOCUMENT_NAMES, DOCUMENT_STATUS_LABELS } from './labels.js';
import { failureText } from './failure-text.js';
import { englishOr, MessageValues, missingValue } from './message-values.js';
import { statusNoteText } from './status-note-text.js';

/**
 * An outcome's reason in the page's language. French pages show the reason as written (what the CLI and
 * the reports print); English pages render it from its code and data (a refusal of Dolibarr's by its
 * wording, Dolibarr's own words quoted). A reason without data (kept before it was, or a refusal of the
 * embedded GesCom's) or of a code not rendered here yet is shown in French rather than not at all.
 */
export function outcomeReasonText(
  outcome: Pick<OrderOutcome, 'code' | 'reason' | 'reasonData'>,
  language: Language,
): string {
  const french = outcome.reason ?? '';
  if (language === 'fr' || outcome.reasonData === undefined) return french;
  const values = new ReasonValues(outcome.reasonData);
  // An upgrade is no refusal: it has no code, its data says which wording it is.
  if (outcome.code === undefined)
    return values.case === 'upgrade' ? englishOr(french, () => upgradeText(values)) : french;
  const english = ENGLISH[outcome.code];
  return english === undefined ? french : englishOr(french, () => english(values));
}

function upgradeText(v: ReasonValues): string {
  return (
    `State ${v.state()}: ${v.document()} becomes a ${v.typeName('intoType')} ` +
    `(${v.statusName('intoStatus')}).`
  );
}

/** The values of a ReasonData, with the ways a reason names its amounts, products, states and documents. */
export class ReasonValues extends MessageValues {
  constructor(private readonly reason: ReasonData) {
    super(reason);
  }

  amount(name: string): string {
    return formatAmount(this.text(name), 'en');
  }

  /** A difference, signed as the French text signs it: "+0.04", "-1.20". */
  signed(name: string): string {
    const text = this.text(name);
    return text.startsWith('-') ? formatAmount(text, 'en') : `+${formatAmount(text, 'en')}`;
  }

  /** A product as the shop names it, with its reference (or the want of one). */
  product(): string {
    const reference = this.text('productReference');
    const name = `“${this.text('productName')}”`;
    return reference === '' ? `${name} (no reference in the shop)` : `${name} (reference ${reference})`;
  }

  /** The shop's state as the page names it: its own name (the shop's data) and id. */
  state(): string {
    return `“${this.text('stateName')}” (${this.text('stateId')})`;
  }

  /** A GesCom document by its type (the GesCom's own word) and number: "Devis DE00012". */
  document(): string {
    return `${this.typeName('documentType')} ${this.text('documentNumber')}`.trim();
  }

  typeName(name: string): string {
    return this.named(name, DOCUMENT_NAMES);
  }

  statusName(name: string): string {
    return this.named(name, DOCUMENT_STATUS_LABELS);
  }

  get case(): string | undefined {
    const value = this.reason['case'];
    return value === undefined ? undefined : String(value);
  }
}

type English = (values: ReasonValues) => string;

const WILL_RETRY = 'it will be read again by the next import.';

/** The English of each reason navette writes itself, from the values of its French text. */
const ENGLISH: Partial<Record<OutcomeCode, English>> = {
  // Skips (sync/decide.ts, the aperçu).
  'state-not-selected': (v) =>
    v.case === 'imported'
      ? `Already imported as ${v.document()}; its current state ${v.state()} is not selected.`
      : `State ${v.state()} is not selected in “Order import”.`,
  'already-imported': (v) => {
    const already = `Already imported as ${v.document()}`;
    switch (v.case) {
      case 'cancelled':
        return `${already}, cancelled in the GesCom: it is not imported again.`;
      case 'same':
        return `${already}.`;
      case 'backwards':
        return `${already}; state ${v.state()} asks for a ${v.typeName('wantedType')}, but a document never goes back.`;
      case 'upgrade-off':
        return (
          `${already}; state ${v.state()} asks for a ${v.typeName('wantedType')}, but “Upgrade the document ` +
          'when the order’s state changes” is not enabled.'
        );
      case 'not-found':
        return (
          `${already} according to the import ledger, but the document cannot be found in the GesCom: it ` +
          `cannot be transformed into a ${v.typeName('wantedType')}.`
        );
      default:
        missingValue();
    }
  },
  'cancelled-in-shop': (v) => {
    const order = `Order ${v.state()} in the shop`;
    switch (v.case) {
      case 'already-cancelled':
        return `${order}; ${v.document()} is already cancelled.`;
      case 'draft-cancelled':
        return `${order}: ${v.document()}, still Saisi, is cancelled.`;
      case 'not-draft':
        return (
          `${order} after its import as ${v.document()}; it is ${v.statusName('documentStatus')}: to be ` +
          'handled in the GesCom (credit note, cancellation).'
        );
      case 'not-found':
        return `${order} after its import as ${v.document()}; it was not found in the GesCom.`;
      case 'auto-cancel-off':
        return `${order} after its import as ${v.document()}; automatic cancellation of Saisi documents is not enabled.`;
      default:
        missingValue();
    }
  },
  excluded: () => 'Left out in the preview.',
  // Failures (sync/to-sales-document.ts and the steps it calls, the shop's answer, navette itself).
  'address-missing': (v) =>
    `Order ${v.text('reference')} has neither a billing nor a delivery address in the shop (addresses ` +
    'deleted?): the document cannot be addressed. Check the order in the shop.',
  'customer-missing': (v) =>
    `The customer (id ${v.text('customerId')}) of order ${v.text('reference')} no longer exists in the ` +
    'shop: no customer account can be created for them. Choose the generic account in the customer ' +
    'settings to import these orders anyway, on the generic web customer account.',
  'account-code-too-long': (v) =>
    `Customer account code ${v.text('accountCode')} is longer than ${v.text('max')} characters: shorten ` +
    'the prefix or the length of the number in the customer settings.',
  'article-unknown': (v) =>
    `Product ${v.product()} is not an article of the GesCom. Create the article in the GesCom (or ` +
    'give the product a reference in the shop), or choose the generic article for unknown articles in ' +
    'the settings.',
  'totals-mismatch': (v) => {
    const shop = `shop ${v.amount('shopExcl')} excl. VAT / ${v.amount('shopIncl')} incl. VAT`;
    if (v.case === 'vat-left')
      return (
        `The shop's totals (${shop}) count ${v.signed('vatLeft')} ${v.text('currency')} of VAT that no ` +
        "line subject to VAT can carry. Check the order's taxes in the shop."
      );
    return (
      `The document's totals do not match the shop's: ${shop}, document ${v.amount('documentExcl')} excl. ` +
      `VAT / ${v.amount('documentIncl')} incl. VAT (difference ${v.signed('differenceExcl')} excl. VAT, ` +
      `${v.signed('differenceIncl')} incl. VAT ${v.text('currency')}; tolerance ${v.amount('tolerance')}). ` +
      "Check the order's lines, discounts and shipping in the shop; the tolerance is set in the totals " +
      'settings.'
    );
  },
  'unknown-state': (v) => `The order is in a state the shop does not know (${v.text('stateId')}).`,
  'unknown-currency': (v) => `The order's currency (id ${v.text('currencyId')}) is unknown to the shop.`,
  'unknown-tax': (v) =>
    `The tax of line “${v.text('line')}” (id ${v.text('taxIds')}) is unknown to the shop.`,
  'no-lines': () => 'The order has no product line.',
  'negative-quantity': (v) => `Line “${v.text('line')}” has a negative quantity (${v.text('quantity')}).`,
  'shop-read-failed': (v) =>
    v.case === 'not-found'
      ? `The order was not found in the shop when its details were read: ${WILL_RETRY}`
      : `The order's details could not be read from the shop (${v.text('detail')}): ${WILL_RETRY}`,
  // A GesCom's refusal navette has no code of its own for: Dolibarr's, said by its wording.
  'gescom-refused': dolibarrFailureText,
  'internal-error': (v) =>
    `navette internal error (${v.text('detail')}): the order will be read again by the next import; ` +
    'report it if it persists.',
};

/** The codes rendered in English: the catalogue test checks each against a reason navette writes. */
export const ENGLISH_REASON_CODES: readonly OutcomeCode[] = Object.keys(ENGLISH) as OutcomeCode[];

/**
 * A line of an import's journal in the page's language: an order's failure and the fate of its state
 * change are rendered from their note; a French page keeps the message as written.
 */
export function importNoteText(note: ImportNote, t: Translate, language: Language): string {
  switch (note.code) {
    case 'order-failed':
      return t('journalOrderFailed', {
        reference: note.reference,
        orderId: note.orderId,
        reason: outcomeReasonText(
          {
            code: note.reasonCode,
            reason: note.reason,
            ...(note.reasonData && { reasonData: note.reasonData }),
          },
          language,
        ),
      });
    case 'order-state':
      return t('journalOrderState', {
        orderId: note.orderId,
        detail: statusNoteText(note.sent, t, language),
      });
  }
}

/** A journal line in the page's language, from its note when it has one (else its French message). */
export function journalEntryText(entry: JournalEntry, t: Translate, language: Language): string {
  const { note } = entry;
  if (note === undefined) return entry.message;
  if (note.code === 'order-failed' || note.code === 'order-state')
    return language === 'fr' ? entry.message : importNoteText(note, t, language);
  if (note.code === 'run-stopped')
    return failureText({ code: note.failureCode, message: entry.message, data: note.data }, language);
  return statusNoteText(note, t, language);
}
