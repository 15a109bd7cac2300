import { z } from 'zod';

/**
 * Dolibarr's answers as they come: most ids, amounts, quantities and flags are strings in GET replies
 * (`"id":"10"`, `"total_ttc":"94.98000000"`), native ints and floats in create replies and a few setup
 * calls, and an unset date is `""` on a draft. These schemas accept both and give one type each. Amounts
 * stay decimal text (never a float): the target turns them into decimals.
 */

/** An integer given as a number or as digits. */
export const wireInt = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform((v) => Number(v));

/** An integer that may be absent: null, "" or missing. */
export const wireIntOrNull = z
  .union([z.number(), z.string(), z.null(), z.undefined()])
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = Number(v);
    if (!Number.isInteger(n)) {
      ctx.addIssue({ code: 'custom', message: `not an integer: ${String(v)}` });
      return z.NEVER;
    }
    return n;
  });

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An amount, rate or quantity: `"94.98000000"`, `94.98`, `0` → decimal text without trailing zeros. */
export const wireDecimal = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const text = typeof v === 'number' ? String(v) : v.trim() === '' ? '0' : v.trim();
  if (!DECIMAL.test(text)) {
    ctx.addIssue({ code: 'custom', message: `not a decimal: ${text}` });
    return z.NEVER;
  }
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
});

/** Text that may be null or absent. */
export const wireText = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .transform((v) => (v === null || v === undefined ? null : String(v)));

/** A unix timestamp, or null when unset (`""`, null); `YYYY-MM-DD HH:MM:SS` is read as server time (UTC). */
export const wireDate = z.union([z.number(), z.string(), z.null(), z.undefined()]).transform((v) => {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (/^\d+$/.test(v)) return Number(v);
  const parsed = Date.parse(`${v.replace(' ', 'T')}Z`);
  return Number.isNaN(parsed) ? null : Math.floor(parsed / 1000);
});

export const statusSchema = z.object({
  success: z.object({
    code: wireInt,
    dolibarr_version: z.string(),
    access_locked: wireText,
    /** The server's clock and PHP time zone (fixture 001): how `tms` is compared by the status sweep. */
    timestamp_now_utc: wireIntOrNull.optional(),
    timestamp_php_tz: wireText.optional(),
  }),
});

export const modulesSchema = z.array(z.string());

export const paymentTypeSchema = z.object({ id: wireInt, code: z.string(), label: wireText });

export const vatRateSchema = z.object({
  rowid: wireInt,
  fk_pays: wireInt,
  taux: wireDecimal,
  active: wireInt,
  code: wireText,
});

export const companySchema = z.object({
  name: wireText,
  country_id: wireInt,
  country_code: z.string(),
  currency_code: wireText,
  tva_assuj: wireIntOrNull,
});

export const thirdPartySchema = z.object({
  id: wireInt,
  name: z.string(),
  email: wireText,
  code_client: wireText,
  ref_ext: wireText,
  tva_intra: wireText,
  client: wireIntOrNull,
  status: wireIntOrNull,
  country_code: wireText,
});

/** `/thirdparties/email/{e}` with a shared e-mail: an object whose id is null. */
export const maybeThirdPartySchema = z.object({ id: wireIntOrNull }).loose();

export const accountLinkSchema = z.object({
  id: wireInt,
  fk_soc: wireInt,
  site: z.string(),
  key_account: wireText,
});

/** A contact (llx_socpeople) as `/contacts` lists it. */
export const contactSchema = z.object({
  id: wireInt,
  socid: wireIntOrNull,
  ref_ext: wireText,
  lastname: wireText,
  firstname: wireText,
  address: wireText,
  zip: wireText,
  town: wireText,
  country_code: wireText,
});
export type WireContact = z.infer<typeof contactSchema>;

/** A role on a document (`GET /orders/{id}/contacts`, real exchanges 029 and 034): ids as strings. */
export const documentContactsSchema = z.array(
  z.object({
    id: wireInt,
    code: z.string(),
    source: z.string(),
  }),
);

export const productSchema = z.object({
  id: wireInt,
  ref: z.string(),
  ref_ext: wireText,
  label: wireText,
  type: wireInt,
  status: wireIntOrNull,
  price: wireDecimal,
  price_ttc: wireDecimal,
  price_base_type: wireText,
  tva_tx: wireDecimal,
});

export const lineSchema = z.object({
  /** Null in the copied half of a createfrom* reply. */
  id: wireIntOrNull,
  fk_product: wireIntOrNull,
  product_type: wireIntOrNull,
  /** The product's ref on a line that has one (null on a free line). */
  product_ref: wireText.optional(),
  label: wireText.optional(),
  desc: wireText,
  qty: wireDecimal,
  subprice: wireDecimal,
  tva_tx: wireDecimal,
  remise_percent: wireDecimal.nullable().optional(),
  /** Null in the copied half of a createfrom* reply: re-read the document for its totals. */
  total_ht: wireDecimal.nullable(),
  total_tva: wireDecimal.nullable(),
  total_ttc: wireDecimal.nullable(),
  /** The line in the document's currency (multicurrency module). */
  multicurrency_subprice: wireDecimal.nullable().optional(),
  multicurrency_total_ht: wireDecimal.nullable().optional(),
  multicurrency_total_ttc: wireDecimal.nullable().optional(),
});

/** Proposals, orders and invoices share these fields. */
export const documentSchema = z.object({
  id: wireInt,
  ref: z.string(),
  ref_ext: wireText,
  ref_client: wireText,
  socid: wireInt,
  /** Int for proposals, string for orders and invoices, null in a createfromproposal reply. */
  status: wireIntOrNull,
  date: wireDate,
  /** Absent from look-ups that ask for a few `properties`. */
  date_validation: wireDate.optional(),
  total_ht: wireDecimal,
  total_tva: wireDecimal,
  total_ttc: wireDecimal,
  multicurrency_code: wireText,
  multicurrency_tx: wireDecimal.nullable().optional(),
  multicurrency_total_ht: wireDecimal.nullable().optional(),
  multicurrency_total_tva: wireDecimal.nullable().optional(),
  multicurrency_total_ttc: wireDecimal.nullable().optional(),
  note_public: wireText.optional(),
  note_private: wireText.optional(),
  lines: z.array(lineSchema).default([]),
});

export const orderSchema = documentSchema.extend({ billed: wireIntOrNull.optional() });

export const invoiceSchema = documentSchema.extend({
  type: wireIntOrNull,
  paye: wireIntOrNull,
  /** A number (or null in a validate reply). */
  totalpaid: wireDecimal.nullable().optional(),
  remaintopay: wireDecimal.nullable().optional(),
  fk_facture_source: wireIntOrNull,
});

/** `properties=id,ref,ref_ext,status`: what the page-wise look-ups ask for. */
export const documentKeySchema = z.object({
  id: wireInt,
  ref: z.string(),
  ref_ext: wireText,
  status: wireIntOrNull,
});

export const paymentSchema = z.object({
  amount: wireDecimal,
  type: wireText,
  date: wireDate,
  num: wireText,
  ref: z.string(),
  ref_ext: wireText,
  fk_bank_line: wireIntOrNull,
});

export const bankAccountSchema = z.object({
  id: wireInt,
  ref: z.string(),
  label: wireText,
  currency_code: wireText,
});

/** Restler's error body. */
export const errorBodySchema = z.object({
  error: z.object({ code: wireInt, message: z.string() }).loose(),
});

export type WireThirdParty = z.infer<typeof thirdPartySchema>;
export type WireProduct = z.infer<typeof productSchema>;
export type WireLine = z.infer<typeof lineSchema>;
export type WireDocument = z.infer<typeof documentSchema>;
export type WireOrder = z.infer<typeof orderSchema>;
export type WireInvoice = z.infer<typeof invoiceSchema>;
export type WireDocumentKey = z.infer<typeof documentKeySchema>;
export type WirePayment = z.infer<typeof paymentSchema>;
export type WireVatRate = z.infer<typeof vatRateSchema>;
export type WirePaymentType = z.infer<typeof paymentTypeSchema>;
export type WireAccountLink = z.infer<typeof accountLinkSchema>;
