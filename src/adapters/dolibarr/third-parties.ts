import {
  FIELD_LIMITS,
  type CustomerAccountDraft,
  type ShopCustomerRef,
} from '../../domain/sales-document.js';
import { truncateText } from '../../domain/truncate.js';
import type { DolibarrClient } from './dolibarr-client.js';
import { DolibarrFailure } from './errors.js';
import { OneAtATime } from './one-at-a-time.js';
import type { CustomerRef } from './read-back.js';
import { anyOf, either, equals, type SqlFilter } from './sqlfilters.js';
import type { WireThirdParty } from './wire-schemas.js';

/** Dolibarr's `nom` is varchar(128) (a longer name answers 500, fixture 019); navette keeps Sage's 69 everywhere. */
const NAME_LIMIT = Math.min(128, FIELD_LIMITS.accountName);
/** llx_societe's `email` is varchar(128), `tva_intra` varchar(20), `town` varchar(50). */
const EMAIL_LIMIT = 128;
const VAT_NUMBER_LIMIT = 20;
const TOWN_LIMIT = 50;

export interface ThirdPartyRef extends CustomerRef {
  readonly id: number;
}

/** Who numbers new customers: navette (its prefix and length, `WEB000042`) or Dolibarr's own numbering. */
export type CustomerCodeMode = 'navette' | 'dolibarr';

/**
 * The account link's site for a shop: one site per shop, since a PrestaShop customer id is only unique
 * within its shop. Never a `:` in it: the link is read through a URL path, where Dolibarr's injection
 * filter answers 403 to a `:` (fixture 157).
 */
export function accountSite(shopId: number): string {
  return `prestashop-${shopId}`;
}

/**
 * What navette writes in the `ref_ext` of a third party it creates: finds it again when a run stopped
 * between its create and its account link (Dolibarr stores a third party's `ref_ext` as given).
 */
export function thirdPartyKey(customer: ShopCustomerRef): string {
  return `ps-${customer.shopId}-c${customer.customerId}`;
}

function refOf(found: WireThirdParty): ThirdPartyRef {
  return { id: found.id, code: found.code_client ?? '', name: found.name };
}

function filterOrThrow(filter: SqlFilter | DolibarrFailure): SqlFilter {
  if (filter instanceof DolibarrFailure) throw filter;
  return filter;
}

/**
 * Customers as Dolibarr third parties. A shop customer's is found through its account link
 * (`/thirdparties/accounts/prestashop-1/42`), so a third party renamed, recoded or whose e-mail changed
 * in Dolibarr is still found; else by e-mail when the draft asks (sqlfilters, never
 * `/thirdparties/email/`, which answers an empty object for a shared e-mail, fixture 025); else created,
 * and linked. A generic account (no shop customer) is found by its code.
 *
 * The link is read one customer at a time: Dolibarr has no list of account links to filter (its
 * `sqlfilters` only reach the third-party table), so a page cannot be looked up in one call. Each
 * customer met is remembered for the target's life, so a run asks once per customer, however many of its orders are written at once.
 */
export class ThirdParties {
  readonly #byLink = new Map<string, ThirdPartyRef>();
  readonly #byCode = new Map<string, ThirdPartyRef>();
  readonly #byId = new Map<number, ThirdPartyRef>();
  readonly #oneAtATime = new OneAtATime();
  /** Third parties Dolibarr numbers, created one at a time (see `create`). */
  readonly #numbering = new OneAtATime();

  constructor(
    private readonly client: DolibarrClient,
    private readonly codeMode: CustomerCodeMode = 'navette',
  ) {}

  /**
   * Orders written at once that need the same third party — the same code, or the same e-mail when
   * matched by e-mail — resolve it one after the other: the first looks it up and creates it, the next
   * find it remembered (or, matched by e-mail, in Dolibarr), as if written one by one. Others go on.
   */
  async resolve(customer: CustomerAccountDraft): Promise<ThirdPartyRef> {
    const code = truncateText(customer.code, FIELD_LIMITS.accountCode);
    const shopCustomer = customer.shopCustomer;
    const byEmail = customer.matchByEmail && customer.email !== '';
    const keys = [
      shopCustomer === undefined
        ? `code ${code}`
        : `link ${accountSite(shopCustomer.shopId)}/${shopCustomer.customerId}`,
      ...(byEmail ? [`email ${customer.email.toLowerCase()}`] : []),
    ];
    return this.#oneAtATime.run(keys, () =>
      shopCustomer === undefined
        ? this.resolveByCode(customer, code)
        : this.resolveByLink(customer, shopCustomer, code),
    );
  }

  private async resolveByLink(
    customer: CustomerAccountDraft,
    shopCustomer: NonNullable<CustomerAccountDraft['shopCustomer']>,
    code: string,
  ): Promise<ThirdPartyRef> {
    const site = accountSite(shopCustomer.shopId);
    const key = String(shopCustomer.customerId);
    const linkKey = `${site}/${key}`;
    const known = this.#byLink.get(linkKey);
    if (known) return known;
    const linked = await this.client.thirdPartyByAccount(site, key);
    let ref: ThirdPartyRef;
    if (linked) ref = refOf(linked);
    else {
      const found = await this.findUnlinked(customer, shopCustomer, code);
      ref = found
        ? refOf(found)
        : await this.create(customer, this.codeMode === 'navette' ? code : '-1', shopCustomer);
      await this.link(ref.id, site, key);
    }
    this.#byLink.set(linkKey, ref);
    this.remember(ref);
    return ref;
  }

  /** Codes and names of these third parties, in one call for those not known yet. */
  async byIds(ids: readonly number[]): Promise<ReadonlyMap<number, ThirdPartyRef>> {
    const missing = [...new Set(ids)].filter((id) => !this.#byId.has(id));
    for (let start = 0; start < missing.length; start += 50) {
      const filter = filterOrThrow(anyOf('rowid', missing.slice(start, start + 50)));
      for (const found of await this.client.findThirdParties(filter)) this.remember(refOf(found));
    }
    return this.#byId;
  }

  /** Forgets what was remembered (a third party deleted in Dolibarr meanwhile). */
  forget(): void {
    this.#byLink.clear();
    this.#byCode.clear();
    this.#byId.clear();
  }

  private async resolveByCode(customer: CustomerAccountDraft, code: string): Promise<ThirdPartyRef> {
    const known = this.#byCode.get(code);
    if (known) return known;
    let found = (await this.client.findThirdParties(filterOrThrow(equals('code_client', code))))[0];
    if (found === undefined && customer.matchByEmail && customer.email !== '')
      found = (await this.client.findThirdParties(filterOrThrow(equals('email', customer.email))))[0];
    const ref = found ? refOf(found) : await this.create(customer, code, undefined);
    this.remember(ref);
    return ref;
  }

  /**
   * A third party for a customer without a link, in one call: the one navette created for it (its
   * `ref_ext`, or navette's code for the customer, as an earlier navette wrote it), else, when the
   * draft asks, the oldest with its e-mail. A value Dolibarr's filter cannot hold is left out.
   */
  private async findUnlinked(
    customer: CustomerAccountDraft,
    shopCustomer: ShopCustomerRef,
    code: string,
  ): Promise<WireThirdParty | undefined> {
    const email = truncateText(customer.email, EMAIL_LIMIT);
    const terms = [
      equals('ref_ext', thirdPartyKey(shopCustomer)),
      ...(this.codeMode === 'navette' ? [equals('code_client', code)] : []),
      ...(customer.matchByEmail && email !== '' ? [equals('email', email)] : []),
    ].filter((term): term is SqlFilter => !(term instanceof DolibarrFailure));
    const found = await this.client.findThirdParties(either(...terms));
    return (
      found.find((row) => row.ref_ext === thirdPartyKey(shopCustomer)) ??
      (this.codeMode === 'navette' ? found.find((row) => row.code_client === code) : undefined) ??
      (customer.matchByEmail && email !== ''
        ? found
            .filter((row) => (row.email ?? '').toLowerCase() === email.toLowerCase())
            .sort((a, b) => a.id - b.id)[0]
        : undefined)
    );
  }

  /**
   * The customer's account link. A 409 means this third party already has a link for the shop (another
   * customer of it, met through a shared e-mail): Dolibarr keeps one link per third party and site, so
   * this customer stays found by e-mail.
   */
  private async link(thirdPartyId: number, site: string, key: string): Promise<void> {
    try {
      await this.client.linkAccount(thirdPartyId, site, key);
    } catch (error) {
      if (error instanceof DolibarrFailure && error.code === 'conflict') return;
      throw error;
    }
  }

  private remember(ref: ThirdPartyRef): void {
    // A code Dolibarr gave is only known once read: `byIds` reads it with the page's others.
    if (ref.code === '') return;
    this.#byCode.set(ref.code, ref);
    this.#byId.set(ref.id, ref);
  }

  /**
   * A new third party: a customer (`client` 1) with its code (`-1`: Dolibarr's numbering, fixture 016),
   * its company name or its own, cut to Dolibarr's limits, its B2B intra-EU VAT number and SIRET.
   */
  private async create(
    customer: CustomerAccountDraft,
    code: string,
    shopCustomer: ShopCustomerRef | undefined,
  ): Promise<ThirdPartyRef> {
    const name = truncateText(
      customer.company !== '' && !customer.generic ? customer.company : customer.name,
      NAME_LIMIT,
    );
    const address = customer.address;
    const body = {
      name,
      client: 1,
      code_client: code,
      ...(shopCustomer && { ref_ext: thirdPartyKey(shopCustomer) }),
      email: truncateText(customer.email, EMAIL_LIMIT),
      phone: customer.phone,
      tva_intra: truncateText(customer.vatNumber, VAT_NUMBER_LIMIT),
      idprof2: customer.siret,
      ...(address && {
        address: [address.line1, address.line2].filter((part) => part !== '').join('\n'),
        zip: address.postcode,
        town: truncateText(address.city, TOWN_LIMIT),
        country_code: address.countryIso,
      }),
    };
    // Dolibarr numbers a customer from the highest code so far: two at once collide on the unique code,
    // and the second answers 500 "Doublon dans un champ unique" (real exchange 039: 9 of 20, 4 at once).
    const id =
      code === '-1'
        ? await this.#numbering.run(['code_client'], () => this.client.create('thirdparties', body))
        : await this.client.create('thirdparties', body);
    return { id, code: code === '-1' ? '' : code, name };
  }
}
