import type { ReferenceData } from './to-shop-order.js';
import type { WebserviceClient } from './webservice-client.js';
import { WebserviceFailure } from './errors.js';
import {
  type WireShop,
  type WireState,
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

/**
 * The shop's reference data (order states, currencies, carriers, countries, taxes, languages, shops),
 * read once and kept for the life of this object: create one per run, so that a state renamed between
 * two runs is seen, and a run does not read them again for every page.
 */
export class ReferenceDataCache {
  private readonly loaded = new Map<string, Promise<unknown[]>>();
  private readonly provinces = new Map<number, WireState>();
  private provincesRefused = false;

  constructor(
    private readonly client: WebserviceClient,
    /** The language of names; 1 (the installation language) when not given. */
    private readonly languageId = 1,
  ) {}

  async referenceData(): Promise<ReferenceData> {
    const [orderStates, currencies, carriers, countries, taxes] = await Promise.all([
      this.all('order_states', orderStateSchema),
      this.all('currencies', currencySchema),
      this.all('carriers', carrierSchema),
      this.all('countries', countrySchema),
      this.all('taxes', taxSchema),
    ]);
    return {
      languageId: this.languageId,
      orderStates: byId(orderStates),
      currencies: byId(currencies),
      carriers: byId(carriers),
      countries: byId(countries),
      provinces: this.provinces,
      taxes: byId(taxes),
    };
  }

  orderStates() {
    return this.all('order_states', orderStateSchema);
  }

  shops(): Promise<WireShop[]> {
    return this.all('shops', shopSchema);
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

  /** Forgets everything read (for a long-lived source between runs). */
  clear(): void {
    this.loaded.clear();
    this.provinces.clear();
    this.provincesRefused = false;
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
