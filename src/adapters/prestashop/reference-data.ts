import type { ReferenceData } from './to-shop-order.js';
import type { WebserviceClient } from './webservice-client.js';
import { WebserviceFailure } from './errors.js';
import {
  type WireCountry,
  type WireOrderState,
  type WireShop,
  type WireState,
  type WireTax,
  type WireCurrency,
  carrierSchema,
  countrySchema,
  currencySchema,
  languageSchema,
  orderStateSchema,
  parseRecords,
  shopSchema,
  stateSchema,
  taxSchema,
} from './wire-schemas.js';
import type * as z from 'zod';

/** The ids a batch of orders needs mapped, by reference resource. */
export interface ReferenceNeeds {
  readonly orderStates: readonly number[];
  readonly currencies: readonly number[];
  readonly carriers: readonly number[];
  readonly countries: readonly number[];
  readonly taxes: readonly number[];
}

/**
 * The shop's reference data (order states, currencies, carriers, countries, taxes, languages, shops),
 * each read the first time something needs it and kept for the life of this object (a `navette serve`
 * process): a run that finds nothing new reads none of it. A resource is read again when an id a batch
 * needs is missing from it (a currency or a state created since), once per missing id.
 */
export class ReferenceDataCache {
  private readonly loaded = new Map<string, Promise<unknown[]>>();
  private readonly provinces = new Map<number, WireState>();
  private provincesRefused = false;
  /** `resource:id` already read again for: an id the shop really lacks does not cost a call a page. */
  private readonly missingAsked = new Set<string>();

  constructor(
    private readonly client: WebserviceClient,
    /** The language of names; 1 (the installation language) when not given. */
    private readonly languageId = 1,
  ) {}

  /** What mapping these ids needs, read (again) only for the resources that miss one of them. */
  async referenceData(needs: ReferenceNeeds): Promise<ReferenceData> {
    const [orderStates, currencies, carriers, countries, taxes] = await Promise.all([
      this.holding('order_states', orderStateSchema, needs.orderStates),
      this.holding('currencies', currencySchema, needs.currencies),
      this.holding('carriers', carrierSchema, needs.carriers),
      this.holding('countries', countrySchema, needs.countries),
      this.holding('taxes', taxSchema, needs.taxes),
    ]);
    return {
      languageId: this.languageId,
      orderStates,
      currencies,
      carriers,
      countries,
      provinces: this.provinces,
      taxes,
    };
  }

  orderStates(): Promise<WireOrderState[]> {
    return this.all('order_states', orderStateSchema);
  }

  taxes(): Promise<ReadonlyMap<number, WireTax>> {
    return this.holding('taxes', taxSchema, []);
  }

  countries(): Promise<ReadonlyMap<number, WireCountry>> {
    return this.holding('countries', countrySchema, []);
  }

  shops(): Promise<WireShop[]> {
    return this.all('shops', shopSchema);
  }

  /** Every currency of the shop, as last read (`forget('currencies')` first for the shop's as they are now). */
  currencies(): Promise<WireCurrency[]> {
    return this.all('currencies', currencySchema);
  }

  languages() {
    return this.all('languages', languageSchema);
  }

  /**
   * Provinces of the given ids (US states…), read only for the ones not yet known. They are a nicety
   * on an address: a key that may not read `states` leaves them empty instead of failing the orders
   * (« Tester la connexion » says so).
   */
  async loadProvinces(ids: readonly number[]): Promise<void> {
    if (this.provincesRefused) return;
    const missing = [...new Set(ids)].filter((id) => id > 0 && !this.provinces.has(id));
    if (missing.length === 0) return;
    try {
      const raws = await this.client.listWhereIn('states', 'id', missing, {
        display: ['id', 'iso_code', 'name'],
      });
      for (const state of parseRecords(stateSchema, raws).records) this.provinces.set(state.id, state);
    } catch (error) {
      if (!(error instanceof WebserviceFailure) || error.code !== 'permission-denied') throw error;
      this.provincesRefused = true;
    }
  }

  /** Forgets one resource: the next use reads it again. */
  forget(resource: string): void {
    this.loaded.delete(resource);
  }

  /** Forgets everything read: the next use reads the shop again. */
  clear(): void {
    this.loaded.clear();
    this.provinces.clear();
    this.provincesRefused = false;
    this.missingAsked.clear();
  }

  /** A resource by id, read again once when it lacks one of the ids asked for. */
  private async holding<T extends { id: number }>(
    resource: string,
    schema: z.ZodType<T>,
    ids: readonly number[],
  ): Promise<ReadonlyMap<number, T>> {
    const loaded = byId(await this.all(resource, schema));
    const missing = ids.filter(
      (id) => id > 0 && !loaded.has(id) && !this.missingAsked.has(`${resource}:${id}`),
    );
    if (missing.length === 0) return loaded;
    for (const id of missing) this.missingAsked.add(`${resource}:${id}`);
    this.loaded.delete(resource);
    return byId(await this.all(resource, schema));
  }

  private all<T>(resource: string, schema: z.ZodType<T>): Promise<T[]> {
    let promise = this.loaded.get(resource);
    if (!promise) {
      promise = this.client
        .list(resource, { display: 'full' })
        .then((raws) => parseRecords(schema, raws).records);
      // A failed read is not kept: the next call tries again.
      void promise.catch(() => this.loaded.delete(resource));
      this.loaded.set(resource, promise);
    }
    return promise as Promise<T[]>;
  }
}

function byId<T extends { id: number }>(records: readonly T[]): ReadonlyMap<number, T> {
  return new Map(records.map((record) => [record.id, record]));
}
