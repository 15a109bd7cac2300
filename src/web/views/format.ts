import {
  formatAmount as formatDecimal,
  formatDuration as formatDurationIn,
  formatInstant,
  formatLocalDate,
  formatMoney as formatMoneyIn,
  formatNumber,
} from '../../domain/french-format.js';
import type { Amount } from '../../domain/money.js';
import type { Language } from '../i18n.js';

// The pages show amounts and dates as the terminal does: one formatter, in src/domain/french-format.ts.
export { formatLocalDate };

/** Amounts arrive as decimal text: shown with two decimals in the reader's convention. */
export function formatAmount(text: string, language: Language): string {
  return formatDecimal(text, language);
}

/** "43,20 €", with a non-breaking space so that the currency never wraps away. */
export function formatMoney(text: string, currency: string, language: Language): string {
  return formatMoneyIn(text, currency, language);
}

/** The value a French date field shows for an ISO day ("" stays ""; anything else is shown as typed). */
export function isoDayToField(text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? formatLocalDate(text) : text;
}

export function formatDateTime(iso: string | undefined, language: Language): string {
  return formatInstant(iso, language);
}

export function formatDuration(ms: number | undefined, language: Language): string {
  return formatDurationIn(ms, language);
}

/** A VAT rate under a "TVA %" heading: "5,5", "20". */
export function formatVatRate(rate: Amount, language: Language): string {
  return formatNumber(rate, language);
}
