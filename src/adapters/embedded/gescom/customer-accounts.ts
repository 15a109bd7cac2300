import { sql, type Kysely, type Selectable } from 'kysely';
import {
  FIELD_LIMITS,
  type CustomerAccountDraft,
  type DocumentAddress,
} from '../../../domain/sales-document.js';
import { truncateText } from '../../../domain/truncate.js';
import { addressFromJson, addressToJson } from './document-rows.js';
import type { EmbeddedDatabase } from '../database.js';
import type { CustomerTable, Schema } from '../schema.js';
import { likeContains } from '../sql-helpers.js';
import { precompiled } from '../precompiled.js';

/** A customer account (compte tiers) of the embedded GesCom, as the CLI and the web UI show it. */
export interface CustomerAccount {
  readonly code: string;
  readonly name: string;
  readonly company: string;
  readonly email: string;
  readonly vatNumber: string;
  readonly siret: string;
  readonly phone: string;
  readonly billingAddress: DocumentAddress | undefined;
  readonly deliveryAddress: DocumentAddress | undefined;
  readonly generic: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type CustomerRow = Selectable<CustomerTable>;

// Compiled once: every imported order asks it (precompiled.ts).
const customerByCode = precompiled((db, argument) =>
  db.selectFrom('customers').selectAll().where('code', '=', argument(0)),
);

/** What a document takes from its account. */
export type DocumentCustomer = Pick<CustomerAccount, 'code' | 'name' | 'generic'>;

function toDocumentCustomer(row: CustomerRow): DocumentCustomer {
  // Not `toCustomerAccount`: a document needs none of the addresses it would decode.
  return { code: row.code, name: row.name, generic: row.generic === 1 };
}

/**
 * Finds the account a document goes to — by code, then by e-mail when the draft asks — or creates it.
 * A found personal account gets its blank fields filled from the order; a generic account (the shared
 * web account) is never touched by one order's data, and is created without any.
 *
 * `known` holds the accounts the caller's transaction already read or wrote, by code, as they are in it
 * now: an account found there is not read again (several orders of one customer in a group), and every
 * account this call reads or writes is put there as it leaves it.
 */
export async function ensureCustomer(
  db: Kysely<Schema>,
  draft: CustomerAccountDraft,
  deliveryAddress: DocumentAddress | undefined,
  now: string,
  known: Map<string, CustomerRow> = new Map(),
): Promise<DocumentCustomer> {
  const code = truncateText(draft.code, FIELD_LIMITS.accountCode);
  let row = known.get(code) ?? (await customerByCode(db, [code])).rows[0];
  if (row === undefined && draft.matchByEmail && draft.email.trim() !== '' && !draft.generic) {
    row = await db
      .selectFrom('customers')
      .selectAll()
      .where(sql<boolean>`lower(email) = ${draft.email.trim().toLowerCase()}`)
      .where('generic', '=', 0)
      .orderBy('created_at')
      .orderBy('code')
      .executeTakeFirst();
  }
  if (row !== undefined) {
    if (row.generic === 0 && !draft.generic)
      known.set(row.code, await fillBlankFields(db, row, draft, deliveryAddress, now));
    else known.set(row.code, row);
    return toDocumentCustomer(row);
  }
  const personal = !draft.generic;
  await db
    .insertInto('customers')
    .values({
      code,
      name: truncateText(draft.name.trim() === '' ? code : draft.name, FIELD_LIMITS.accountName),
      company: personal ? draft.company : '',
      email: personal ? draft.email : '',
      vat_number: personal ? draft.vatNumber : '',
      siret: personal ? draft.siret : '',
      phone: personal ? draft.phone : '',
      billing_address: personal ? addressToJson(draft.address) : null,
      delivery_address: personal ? addressToJson(deliveryAddress) : null,
      generic: draft.generic ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    // Another writer may create the same account at the same moment: then it is the one to use.
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const created = (await customerByCode(db, [code])).rows[0];
  if (created === undefined) throw new Error(`the customer account ${code} was not written`);
  known.set(code, created);
  return toDocumentCustomer(created);
}

/** Fills the account's blank fields from the order; gives back the row as it now is. */
async function fillBlankFields(
  db: Kysely<Schema>,
  row: CustomerRow,
  draft: CustomerAccountDraft,
  deliveryAddress: DocumentAddress | undefined,
  now: string,
): Promise<CustomerRow> {
  const blanks = {
    ...(row.email === '' && draft.email !== '' ? { email: draft.email } : {}),
    ...(row.company === '' && draft.company !== '' ? { company: draft.company } : {}),
    ...(row.vat_number === '' && draft.vatNumber !== '' ? { vat_number: draft.vatNumber } : {}),
    ...(row.siret === '' && draft.siret !== '' ? { siret: draft.siret } : {}),
    ...(row.phone === '' && draft.phone !== '' ? { phone: draft.phone } : {}),
    ...(row.billing_address === null && draft.address !== undefined
      ? { billing_address: addressToJson(draft.address) }
      : {}),
    ...(row.delivery_address === null && deliveryAddress !== undefined
      ? { delivery_address: addressToJson(deliveryAddress) }
      : {}),
  };
  if (Object.keys(blanks).length === 0) return row;
  await db
    .updateTable('customers')
    .set({ ...blanks, updated_at: now })
    .where('code', '=', row.code)
    .execute();
  return { ...row, ...blanks, updated_at: now };
}

export function toCustomerAccount(row: CustomerRow): CustomerAccount {
  return {
    code: row.code,
    name: row.name,
    company: row.company,
    email: row.email,
    vatNumber: row.vat_number,
    siret: row.siret,
    phone: row.phone,
    billingAddress: addressFromJson(row.billing_address),
    deliveryAddress: addressFromJson(row.delivery_address),
    generic: row.generic === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Customer accounts for the CLI and the web UI: `search` matches part of the code, name or e-mail. */
export async function listCustomers(
  database: EmbeddedDatabase,
  filter: { readonly search?: string; readonly limit?: number; readonly offset?: number } = {},
): Promise<{ readonly items: readonly CustomerAccount[]; readonly total: number }> {
  const search = filter.search?.trim() ?? '';
  const base = database.db.selectFrom('customers').where((eb) => {
    if (search === '') return eb.and([]);
    const pattern = likeContains(search);
    return eb.or(
      (['code', 'name', 'email'] as const).map(
        (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
      ),
    );
  });
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('code')
      .limit(clampLimit(filter.limit))
      .offset(Math.max(0, filter.offset ?? 0))
      .execute(),
    base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toCustomerAccount), total: Number(count.total) };
}

export async function getCustomer(
  database: EmbeddedDatabase,
  code: string,
): Promise<CustomerAccount | undefined> {
  const row = await database.db
    .selectFrom('customers')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row === undefined ? undefined : toCustomerAccount(row);
}

export function clampLimit(limit: number | undefined): number {
  return Math.min(500, Math.max(1, Math.trunc(limit ?? 50)));
}
