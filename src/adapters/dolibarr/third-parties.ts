import { FIELD_LIMITS, type CustomerAccountDraft } from '../../domain/sales-document.js';
import { truncateText } from '../../domain/truncate.js';
import type { DolibarrClient } from './dolibarr-client.js';
import { DolibarrFailure } from './errors.js';
import { OneAtATime } from './one-at-a-time.js';
import type { CustomerRef } from './read-back.js';
import { anyOf, equals, type SqlFilter } from './sqlfilters.js';
import type { WireThirdParty } from './wire-schemas.js';

/** Dolibarr's `nom` is varchar(128) (a longer name answers 500); navette keeps Sage's 69 everywhere. */
const NAME_LIMIT = Math.min(128, FIELD_LIMITS.accountName);

export interface ThirdPartyRef extends CustomerRef {
  readonly id: number;
}

function refOf(found: WireThirdParty): ThirdPartyRef {
  return { id: found.id, code: found.code_client ?? '', name: found.name };
}

function filterOrThrow(filter: SqlFilter | DolibarrFailure): SqlFilter {
  if (filter instanceof DolibarrFailure) throw filter;
  return filter;
}

/**
 * Customers as Dolibarr third parties: found by the customer code navette gives them (`code_client`),
 * then by e-mail when the draft asks (sqlfilters, never `/thirdparties/email/`, which answers an empty
 * object for a shared e-mail), else created. Known ones are remembered for the target's life, so a
 * run asks once per customer, however many of its orders are written at once.
 */
export class ThirdParties {
  readonly #byCode = new Map<string, ThirdPartyRef>();
  readonly #byId = new Map<number, ThirdPartyRef>();
  readonly #oneAtATime = new OneAtATime();

  constructor(private readonly client: DolibarrClient) {}

  /**
   * Orders written at once that need the same third party — the same code, or the same e-mail when
   * matched by e-mail — resolve it one after the other: the first looks it up and creates it, the next
   * find it remembered (or, matched by e-mail, in Dolibarr), as if written one by one. Others go on.
   */
  async resolve(customer: CustomerAccountDraft): Promise<ThirdPartyRef> {
    const code = truncateText(customer.code, FIELD_LIMITS.accountCode);
    const known = this.#byCode.get(code);
    if (known) return known;
    const byEmail = customer.matchByEmail && customer.email !== '';
    const keys = [`code ${code}`, ...(byEmail ? [`email ${customer.email.toLowerCase()}`] : [])];
    return this.#oneAtATime.run(keys, async () => {
      const meanwhile = this.#byCode.get(code);
      if (meanwhile) return meanwhile;
      let found = (await this.client.findThirdParties(filterOrThrow(equals('code_client', code))))[0];
      if (found === undefined && byEmail)
        found = (await this.client.findThirdParties(filterOrThrow(equals('email', customer.email))))[0];
      const ref = found ? refOf(found) : await this.create(customer, code);
      this.remember(ref);
      return ref;
    });
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
    this.#byCode.clear();
    this.#byId.clear();
  }

  private remember(ref: ThirdPartyRef): void {
    if (ref.code !== '') this.#byCode.set(ref.code, ref);
    this.#byId.set(ref.id, ref);
  }

  private async create(customer: CustomerAccountDraft, code: string): Promise<ThirdPartyRef> {
    const name = truncateText(
      customer.company !== '' && !customer.generic ? customer.company : customer.name,
      NAME_LIMIT,
    );
    const address = customer.address;
    const id = await this.client.create('thirdparties', {
      name,
      client: 1,
      code_client: code,
      email: customer.email,
      phone: customer.phone,
      tva_intra: customer.vatNumber,
      idprof2: customer.siret,
      ...(address && {
        address: [address.line1, address.line2].filter((part) => part !== '').join('\n'),
        zip: address.postcode,
        town: address.city,
        country_code: address.countryIso,
      }),
    });
    return { id, code, name };
  }
}
