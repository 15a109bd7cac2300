import type { Kysely } from 'kysely';
import { amount, toText, type Amount } from '../../../domain/money.js';
import type { Schema } from '../schema.js';

/**
 * Maps VAT rates to the GesCom's VAT codes, creating a code for a rate it does not know yet (a shop
 * selling abroad, an old rate): `C` + the rate's digits (8.5 → `C85`), with a letter appended when that
 * code already means another rate (2.1 → C21, then 21 → C21A).
 */
export class VatCodeBook {
  readonly #db: Kysely<Schema>;
  #known: { code: string; rate: Amount }[] | undefined;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async codeFor(rate: Amount): Promise<string> {
    const known = await this.#load();
    const match = known.find((entry) => entry.rate.equals(rate));
    if (match !== undefined) return match.code;
    const digits = toText(rate).replace('.', '').replace('-', 'M');
    for (const suffix of ['', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']) {
      const code = `C${digits}${suffix}`;
      await this.#db
        .insertInto('vat_codes')
        .values({ code, rate: toText(rate), label: `TVA ${toText(rate).replace('.', ',')} %` })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      const row = await this.#db
        .selectFrom('vat_codes')
        .select(['code', 'rate'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      const rowRate = amount(row.rate);
      known.push({ code: row.code, rate: rowRate });
      if (rowRate.equals(rate)) return code;
    }
    throw new Error(`no free VAT code for the rate ${toText(rate)}`);
  }

  async #load() {
    this.#known ??= (await this.#db.selectFrom('vat_codes').select(['code', 'rate']).execute()).map(
      (row) => ({
        code: row.code,
        rate: amount(row.rate),
      }),
    );
    return this.#known;
  }
}
