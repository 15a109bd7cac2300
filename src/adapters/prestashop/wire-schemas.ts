import * as z from 'zod';

import type { Amount } from '../../domain/money.js';
import type { RawRecord } from './webservice-answer.js';
import {
  type ParsedRecords,
  amountOf,
  dateOf,
  flagOf,
  integerOf,
  notAnAmount,
  notAnInteger,
  textOf,
} from './wire-readers.js';

/**
 * The webservice's records as navette reads them, for every version: 1.6 (XML, turned into plain
 * objects), 1.7 (JSON, every value a string), 8.x/9.x (JSON with numbers, single records omitting empty
 * fields). Tolerant where versions differ (number or string, field absent), strict where it matters:
 * an amount that is not a decimal is an error, reported for its one order.
 *
 * Here with zod: the reference data, the catalogue, states and histories, read once per run or for a
 * few orders. The records read for every imported order have hand-written readers (`wire-readers.ts`,
 * which says why) following the same rules.
 */

// `.optional()` (not a union with undefined) is what lets zod 4 accept an absent key before a transform.
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

// The rules of each kind of value are `wire-readers.ts`' (the hand-written readers of the per-order
// records use them too): one set of rules, two ways of walking a record.

/** An id or a count (see `integerOf`). */
export const wireInt = scalar.transform((value, ctx): number => {
  const number = integerOf(value);
  if (number === undefined) {
    ctx.addIssue({ code: 'custom', message: notAnInteger(value) });
    return z.NEVER;
  }
  return number;
});

/** Text as sent; numbers turned back into text, absent is empty. */
export const wireText = scalar.transform(textOf);

/** `1`, `"1"`, `true` (see `flagOf`). */
export const wireFlag = scalar.transform(flagOf);

/** A decimal amount (see `amountOf`); anything else is an error. */
export const wireAmount = scalar.transform((value, ctx): Amount => {
  const parsed = amountOf(value);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: notAnAmount(value) });
    return z.NEVER;
  }
  return parsed;
});

/** A date, PrestaShop's empty date `0000-00-00 00:00:00` undefined (see `dateOf`). */
export const wireDate = scalar.transform(dateOf);

/** A multilingual field: a plain string (one language, JSON) or one value per language. */
export type Localized = string | readonly { readonly languageId: number; readonly value: string }[];
export const wireLocalized = z
  .union([
    scalar,
    z.array(
      z.object({ id: wireInt, value: wireText }).transform(({ id, value }) => ({ languageId: id, value })),
    ),
  ])
  .transform((value): Localized => {
    if (!Array.isArray(value)) return textOf(value);
    // One language: JSON sends the plain string (8.1.2/23_order_states_full.json), XML a one-item list
    // (8.1.2/24_order_states_full.xml). Made the same.
    return value.length === 1 ? (value[0]?.value ?? '') : value;
  });

/** The shop's language, else language 1, else the first value. */
export function pickLanguage(value: Localized, languageId: number): string {
  if (typeof value === 'string') return value;
  return (
    value.find((entry) => entry.languageId === languageId)?.value ??
    value.find((entry) => entry.languageId === 1)?.value ??
    value[0]?.value ??
    ''
  );
}

export const currencySchema = z.object({
  id: wireInt,
  iso_code: wireText,
  // Multilingual in 8.1.2 (8.1.2/47_currencies_full.xml), plain text in 1.6
  // (1.6.1/test_import_basedata/249_GET_currencies_1.response.xml).
  name: wireLocalized,
  conversion_rate: wireAmount,
  // Both in 1.6 and 8.1.2; a currency switched off or deleted keeps its past orders readable.
  active: wireFlag.optional(),
  deleted: wireFlag.optional(),
});
export type WireCurrency = z.output<typeof currencySchema>;

export const carrierSchema = z.object({ id: wireInt, id_reference: wireInt, name: wireText });
export type WireCarrier = z.output<typeof carrierSchema>;

export const orderStateSchema = z.object({
  id: wireInt,
  name: wireLocalized,
  paid: wireFlag,
  shipped: wireFlag,
  delivery: wireFlag,
  invoice: wireFlag,
  logable: wireFlag,
  deleted: wireFlag,
  hidden: wireFlag,
  send_email: wireFlag,
  module_name: wireText,
  template: wireLocalized,
  color: wireText,
});
export type WireOrderState = z.output<typeof orderStateSchema>;

export const countrySchema = z.object({ id: wireInt, iso_code: wireText, name: wireLocalized });
export type WireCountry = z.output<typeof countrySchema>;

export const stateSchema = z.object({ id: wireInt, iso_code: wireText, name: wireText });
export type WireState = z.output<typeof stateSchema>;

export const taxSchema = z.object({ id: wireInt, rate: wireAmount, name: wireLocalized });
export type WireTax = z.output<typeof taxSchema>;

export const languageSchema = z.object({ id: wireInt, iso_code: wireText, name: wireText, active: wireFlag });
export type WireLanguage = z.output<typeof languageSchema>;

export const shopSchema = z.object({ id: wireInt, id_shop_group: wireInt, name: wireText, active: wireFlag });
export type WireShop = z.output<typeof shopSchema>;

export const orderHistorySchema = z.object({
  id: wireInt,
  id_order: wireInt,
  id_order_state: wireInt,
  date_add: wireDate,
});
export type WireOrderHistory = z.output<typeof orderHistorySchema>;

/** Only the fields navette reads: a state change needs `current_state`, nothing else. */
export const orderCurrentStateSchema = z.object({ id: wireInt, current_state: wireInt });

/** Validates each record on its own: one bad record never rejects the others. */
export function parseRecords<T>(schema: z.ZodType<T>, raws: readonly RawRecord[]): ParsedRecords<T> {
  const records: T[] = [];
  const rejected: { raw: RawRecord; reason: string }[] = [];
  for (const raw of raws) {
    const result = schema.safeParse(raw);
    if (result.success) records.push(result.data);
    else rejected.push({ raw, reason: describeIssues(result.error) });
  }
  return { records, rejected };
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(enregistrement)'} : ${issue.message}`)
    .join(' ; ');
}
