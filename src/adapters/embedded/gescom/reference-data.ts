import type { Kysely } from 'kysely';
import type { DocumentType } from '../../../domain/sales-document.js';
import type { Schema } from '../schema.js';

/**
 * What a new embedded GesCom holds before its first import, as a French small business's Sage 100 file
 * would: the usual VAT codes, the special articles the sync writes shipping, discounts, wrapping and
 * unknown products on, one numbering series (souche) per document type, a warehouse, the usual payment
 * modes and the generic web account.
 */
export const SEED_VAT_CODES = [
  { code: 'C20', rate: '20', label: 'TVA 20 %' },
  { code: 'C10', rate: '10', label: 'TVA 10 %' },
  { code: 'C55', rate: '5.5', label: 'TVA 5,5 %' },
  { code: 'C21', rate: '2.1', label: 'TVA 2,1 %' },
  { code: 'C00', rate: '0', label: 'Exonéré 0 %' },
] as const;

export const SEED_SPECIAL_ARTICLES = [
  { reference: 'PORT', label: 'Frais de port' },
  { reference: 'REMISE', label: 'Remise' },
  { reference: 'EMBALLAGE', label: 'Emballage cadeau' },
  { reference: 'DIVERS', label: 'Article divers' },
] as const;

export const DEFAULT_SERIES: Readonly<Record<DocumentType, string>> = {
  quote: 'DE',
  order: 'BC',
  delivery: 'BL',
  invoice: 'FA',
  credit_note: 'AV',
};

export const DEFAULT_WAREHOUSE = 'PRINCIPAL';

export const SEED_PAYMENT_MODES = [
  { code: 'CHQ', label: 'Chèque' },
  { code: 'VIR', label: 'Virement' },
  { code: 'CB', label: 'Carte bancaire' },
  { code: 'PAYPAL', label: 'PayPal' },
  { code: 'CRBT', label: 'Contre-remboursement' },
  { code: 'ESP', label: 'Espèces' },
  { code: 'AUTRE', label: 'Autre' },
] as const;

export const GENERIC_WEB_ACCOUNT = { code: 'CLIENTWEB', name: 'Clients web' } as const;

/** Inserts what is missing and leaves the rest alone: safe on every open, by several processes at once. */
export async function seedReferenceData(db: Kysely<Schema>, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('vat_codes')
      .values([...SEED_VAT_CODES])
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await trx
      .insertInto('articles')
      .values(
        SEED_SPECIAL_ARTICLES.map((article) => ({
          ...article,
          ean13: '',
          vat_code: 'C20',
          special: 1,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.column('reference').doNothing())
      .execute();
    await trx
      .insertInto('numbering_series')
      .values(
        Object.entries(DEFAULT_SERIES).map(([type, prefix]) => ({
          prefix,
          document_type: type,
          counter: 0,
          is_default: 1,
        })),
      )
      .onConflict((oc) => oc.column('prefix').doNothing())
      .execute();
    await trx
      .insertInto('warehouses')
      .values({ code: DEFAULT_WAREHOUSE, label: 'Dépôt principal', is_default: 1 })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await trx
      .insertInto('payment_modes')
      .values([...SEED_PAYMENT_MODES])
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await trx
      .insertInto('customers')
      .values({
        code: GENERIC_WEB_ACCOUNT.code,
        name: GENERIC_WEB_ACCOUNT.name,
        company: '',
        email: '',
        vat_number: '',
        siret: '',
        phone: '',
        billing_address: null,
        delivery_address: null,
        generic: 1,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  });
}
