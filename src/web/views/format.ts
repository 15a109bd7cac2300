import type { Language } from '../i18n.js';

/** Amounts arrive as decimal text: shown with two decimals in the reader's convention, without floats. */
export function formatAmount(text: string, language: Language): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (match === null) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  // Round half-up on the decimal text itself, never through a binary float.
  let cents = BigInt(`${whole || '0'}${(fraction + '00').slice(0, 2)}`);
  if ((fraction[2] ?? '0') >= '5') cents += 1n;
  const units = (cents / 100n).toString();
  const rest = (cents % 100n).toString().padStart(2, '0');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'fr' ? '\u202f' : ',');
  const negative = sign === '-' && cents !== 0n ? '-' : '';
  return `${negative}${grouped}${language === 'fr' ? ',' : '.'}${rest}`;
}

/** French typography: a non-breaking space before the currency, so "43,20 €" never wraps. */
export function formatMoney(text: string, currency: string, language: Language): string {
  return `${formatAmount(text, language)}\u00a0${currency === 'EUR' ? '€' : currency}`;
}

/**
 * A shop or GesCom date ("2026-11-03" or "2026-11-03 08:30:00", the shop's local time, kept as is) in the
 * reader's convention: dd/mm/yyyy in French, and the same in English (en-GB) — never the ISO form.
 */
export function formatLocalDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text.trim());
  if (match === null) return text;
  const [, year, month, day, hours, minutes] = match;
  const date = `${day}/${month}/${year}`;
  return hours === undefined ? date : `${date} ${hours}:${minutes}`;
}

/** The value a French date field shows for an ISO day ("" stays ""; anything else is shown as typed). */
export function isoDayToField(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match === null ? text : `${match[3]}/${match[2]}/${match[1]}`;
}

export function formatDateTime(iso: string | undefined, language: Language): string {
  if (iso === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
