import { format, parseAmount, round, type Amount } from './money.js';

/**
 * How amounts, dates and durations are shown to a person: the one formatter of the terminal and the web
 * pages, so that both write "132,60 €" and "17/11/2026" in French. Machine formats (JSON, CSV, the
 * config file, the webservice) keep their own: these texts are for reading only.
 */

/** The languages a person reads navette in (the web UI's two; the command line speaks French). */
export type DisplayLanguage = 'fr' | 'en';

const NARROW_NO_BREAK_SPACE = '\u202f';
const NO_BREAK_SPACE = '\u00a0';

/**
 * A decimal with `places` decimals in the reader's convention: "1 234,50" in French (narrow no-break
 * space between thousands, decimal comma), "1,234.50" in English. Rounded half-up on the decimal itself,
 * never through a binary float; a text that is not a decimal is shown as it is.
 */
export function formatAmount(value: Amount | string, language: DisplayLanguage = 'fr', places = 2): string {
  const parsed = typeof value === 'string' ? parseAmount(value) : value;
  if (parsed === undefined) return String(value);
  const fixed = round(parsed, places).toFixed(places);
  const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
  const [whole = '0', fraction] = fixed.replace('-', '').split('.');
  const thousands = language === 'fr' ? NARROW_NO_BREAK_SPACE : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const decimals = fraction === undefined ? '' : `${language === 'fr' ? ',' : '.'}${fraction}`;
  return `${negative ? '-' : ''}${grouped}${decimals}`;
}

/**
 * `1234.5` → `1234,50`: two decimals, a decimal comma and no thousands separator — the form written into
 * the GesCom's own texts (line labels, notes) and CSV cells, where a no-break space could be lost.
 */
export function frenchAmount(value: Amount): string {
  return format(value).replace('.', ',');
}

/** An amount with its currency, which never wraps away from it: "43,20 €", "12,00 USD". */
export function formatMoney(
  value: Amount | string,
  currency: string,
  language: DisplayLanguage = 'fr',
  places = 2,
): string {
  return `${formatAmount(value, language, places)}${NO_BREAK_SPACE}${currency === 'EUR' ? '€' : currency}`;
}

/** A quantity or a rate, with exactly the decimals it has: "3", "1,5", "5,5". */
export function formatNumber(value: Amount, language: DisplayLanguage = 'fr'): string {
  return formatAmount(value, language, value.decimalPlaces());
}

/** A VAT rate as French invoices write it: "20 %", "5,5 %". */
export function formatRate(rate: Amount, language: DisplayLanguage = 'fr'): string {
  const text = formatNumber(rate, language);
  return language === 'fr' ? `${text}${NO_BREAK_SPACE}%` : `${text}%`;
}

/**
 * A shop or GesCom date ("2026-11-03" or "2026-11-03 08:30:00", the shop's local time, kept as is) as
 * dd/mm/yyyy, with hh:mm when it has a time — in both languages (en-GB reads dd/mm/yyyy too), never the
 * ISO form. A text that is not such a date is shown as it is.
 */
export function formatLocalDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text.trim());
  if (match === null) return text;
  const [, year, month, day, hours, minutes] = match;
  const date = `${day}/${month}/${year}`;
  return hours === undefined ? date : `${date} ${hours}:${minutes}`;
}

/**
 * A period's two bounds (shop date-times): whole days as dd/mm/yyyy alone ("du 17/09/2026 au
 * 17/11/2026"), otherwise with their times.
 */
export function formatPeriodBounds(from: string, to: string): readonly [string, string] {
  const wholeDays = /[ T]00:00(:00)?$/.test(from.trim()) && /[ T]23:59(:59)?$/.test(to.trim());
  const day = (text: string) => formatLocalDate(text.trim().slice(0, 10));
  return wholeDays ? [day(from), day(to)] : [formatLocalDate(from), formatLocalDate(to)];
}

/**
 * An instant navette recorded (an ISO timestamp in UTC: a run's start, a journal entry) in the time
 * zone of the computer showing it: "17/11/2026 09:30:00". `timeZone` is for tests.
 */
export function formatInstant(
  iso: string | undefined,
  language: DisplayLanguage = 'fr',
  timeZone?: string,
): string {
  if (iso === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
}

/** A duration: "850 ms", "1,2 s" in French, "1.2 s" in English. */
export function formatDuration(ms: number | undefined, language: DisplayLanguage = 'fr'): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return `${ms}${NO_BREAK_SPACE}ms`;
  const seconds = (ms / 1000).toFixed(1);
  return `${language === 'fr' ? seconds.replace('.', ',') : seconds}${NO_BREAK_SPACE}s`;
}
