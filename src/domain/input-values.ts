import { DOCUMENT_STATUS_NAMES, DOCUMENT_TYPE_NAMES, RULE_DOCUMENT_TYPE_NAMES } from './labels.js';
import { formatLocalDate } from './french-format.js';
import { parseAmount } from './money.js';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentStatus,
  type DocumentType,
} from './sales-document.js';

/**
 * The values a person types — on the command line or in a web form — read in one place, so that both
 * interfaces accept and refuse the same things with the same French message. Each parser gives the value
 * or the message; the interface decides how to show it (exit code 2, the message next to the field).
 */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refused = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A count: `--limit 20`. */
export function parsePositiveInteger(text: string, what: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || !Number.isSafeInteger(Number(trimmed)))
    return refused(`${what} : un nombre entier positif est attendu, par exemple 20 (reçu « ${text} »).`);
  return ok(Number(trimmed));
}

/** Ids separated by commas: `--shop 1,2`, `--orders 12,15`. */
export function parseIdList(text: string, what: string): Parsed<number[]> {
  // `split` gives at least one part: an empty text is one empty part, refused below.
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part) || Number(part) < 1))
    return refused(
      `${what} : des numéros séparés par des virgules sont attendus, par exemple 1,2 (reçu « ${text} »).`,
    );
  return ok([...new Set(parts.map(Number))]);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How a French person types a day (the web's date fields): JJ/MM/AAAA. */
const FRENCH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * A day that does not exist (2026-02-30, 2026-01-00) is moved by `Date.UTC` into another month, which is
 * what is checked; the year check catches years below 100, which `Date.UTC` reads as 19xx.
 */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
}

/** A calendar day `AAAA-MM-JJ` that exists (no 2026-13-45, no 2026-02-30). */
export function parseDay(text: string, what: string): Parsed<string> {
  const french = FRENCH_DAY.exec(text.trim());
  const iso =
    french === null
      ? text.trim()
      : `${french[3]}-${String(french[2]).padStart(2, '0')}-${String(french[1]).padStart(2, '0')}`;
  const match = DAY.exec(iso);
  if (!match)
    return refused(
      `${what} : une date AAAA-MM-JJ ou JJ/MM/AAAA est attendue, par exemple 2026-11-01 (reçu « ${text} »).`,
    );
  if (!isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])))
    return refused(`${what} : la date ${text.trim()} n'existe pas dans le calendrier.`);
  return ok(iso);
}

/** A day, or an exact shop-local time `AAAA-MM-JJ HH:MM:SS` (what a run's period accepts). */
export function parseDayOrShopTime(text: string, what: string): Parsed<string> {
  const match = DAY_TIME.exec(text.trim());
  if (!match) return parseDay(text, what);
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  if (
    !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return refused(`${what} : la date ${text.trim()} n'existe pas dans le calendrier.`);
  return ok(text.trim());
}

/** An explicit period: both bounds valid, the start not after the end. */
export function parsePeriod(from: string, to: string): Parsed<{ from: string; to: string }> {
  const start = parseDayOrShopTime(from, 'début de la période');
  if (!start.ok) return start;
  const end = parseDayOrShopTime(to, 'fin de la période');
  if (!end.ok) return end;
  // Compared as days first: `2026-11-02` is after `2026-11-01 23:00:00`, whatever the time.
  if (
    start.value.slice(0, 10) > end.value.slice(0, 10) ||
    (start.value.length === end.value.length && start.value > end.value)
  )
    return refused(
      `période à l'envers : le début (${formatLocalDate(start.value)}) est après la fin (${formatLocalDate(end.value)}).`,
    );
  return ok({ from: start.value, to: end.value });
}

/** Lower case, no accents, single spaces: "Bon  de Commande", "confirme" and "Confirmé" compare equal. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

function byWord<T extends string>(
  codes: readonly T[],
  names: readonly Readonly<Record<T, string>>[],
  text: string,
): T | undefined {
  const wanted = folded(text);
  return codes.find(
    (code) => folded(code) === wanted || names.some((table) => folded(table[code]) === wanted),
  );
}

/** The last word of each type's name, as people say it: "transformer en livraison". */
const SHORT_DOCUMENT_TYPE_NAMES: Readonly<Record<DocumentType, string>> = {
  quote: 'devis',
  order: 'commande',
  delivery: 'livraison',
  invoice: 'facture',
  credit_note: 'avoir',
};

/**
 * A document type by its code (`order`), its French name (`bon de commande`, `Devis`) or its short name
 * (`commande`, `livraison`).
 */
export function parseDocumentType(text: string): Parsed<DocumentType> {
  const type = byWord(
    DOCUMENT_TYPES,
    [DOCUMENT_TYPE_NAMES, RULE_DOCUMENT_TYPE_NAMES, SHORT_DOCUMENT_TYPE_NAMES],
    text,
  );
  return type === undefined
    ? refused(
        `type de document inconnu « ${text} » : ${DOCUMENT_TYPES.map((code) => DOCUMENT_TYPE_NAMES[code].toLowerCase()).join(', ')}.`,
      )
    : ok(type);
}

/** A document status by its code (`draft`) or its French name (`saisi`, `Confirmé`). */
export function parseDocumentStatus(text: string): Parsed<DocumentStatus> {
  const status = byWord(DOCUMENT_STATUSES, [DOCUMENT_STATUS_NAMES], text);
  return status === undefined
    ? refused(
        `statut de document inconnu « ${text} » : ${DOCUMENT_STATUSES.map((code) => DOCUMENT_STATUS_NAMES[code].toLowerCase()).join(', ')}.`,
      )
    : ok(status);
}

/** An amount that cannot be negative (the rounding tolerance). */
export function parseNonNegativeDecimal(text: string, what: string): Parsed<string> {
  const value = parseAmount(text);
  if (value === undefined)
    return refused(`${what} : un nombre décimal est attendu, par exemple 0.05 (reçu « ${text} »).`);
  if (value.isNegative()) return refused(`${what} : ne peut pas être négatif (reçu « ${text} »).`);
  return ok(text.trim());
}

// C0 and C1 controls and DEL: a terminal obeys them (ESC sequences), a GesCom field cannot hold them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** A one-line setting (a prefix, a series, an article reference): no control characters. */
export function parsePlainText(text: string, what: string): Parsed<string> {
  return CONTROL_CHARACTER.test(text)
    ? refused(`${what} : caractère de contrôle interdit (tabulation, retour à la ligne, échappement…).`)
    : ok(text);
}
