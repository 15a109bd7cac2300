import * as z from 'zod';
import { ZERO, type Amount } from '../../domain/money.js';
import type { CatalogueItem, CatalogueSource } from '../../ports/catalogue-source.js';
import { WebserviceFailure } from './errors.js';
import type { ReferenceDataCache } from './reference-data.js';
import type { WebserviceClient } from './webservice-client.js';
import { parseRecords, pickLanguage, wireAmount, wireInt, wireLocalized, wireText } from './wire-schemas.js';

const productSchema = z.object({
  id: wireInt,
  reference: wireText,
  ean13: wireText,
  name: wireLocalized,
  price: wireAmount,
  id_tax_rules_group: wireInt,
  cache_default_attribute: wireInt,
});
const combinationSchema = z.object({
  id: wireInt,
  id_product: wireInt,
  reference: wireText,
  ean13: wireText,
  price: wireAmount,
});
const taxRuleSchema = z.object({ id_tax_rules_group: wireInt, id_state: wireInt, id_tax: wireInt });
const configurationSchema = z.object({ name: wireText, value: wireText });

/** What a combination needs of its product: read with the products' pages, kept until the combinations. */
interface ProductOfCombinations {
  readonly name: string;
  readonly price: Amount;
  readonly vatRate: Amount;
}

/**
 * The shop's catalogue, a page at a time: the shop's country and its tax rules once, then pages of
 * products and pages of combinations with only the fields an article needs (`display=[…]`).
 */
export class CatalogueReader implements CatalogueSource {
  constructor(
    private readonly client: WebserviceClient,
    private readonly reference: ReferenceDataCache,
    private readonly languageId: number,
    private readonly pageSize = 100,
  ) {}

  async *readCatalogue(): AsyncGenerator<readonly CatalogueItem[]> {
    const vatRateOfGroup = await this.vatRates();
    const withCombinations = new Map<number, ProductOfCombinations>();
    const products = this.client.pages(
      'products',
      { display: Object.keys(productSchema.shape), sort: ['id_ASC'] },
      this.pageSize,
    );
    for await (const raws of products) {
      const items: CatalogueItem[] = [];
      for (const product of parseRecords(productSchema, raws).records) {
        const name = pickLanguage(product.name, this.languageId);
        const vatRate = vatRateOfGroup(product.id_tax_rules_group);
        if (product.cache_default_attribute > 0) {
          withCombinations.set(product.id, { name, price: product.price, vatRate });
          continue;
        }
        items.push({
          reference: product.reference,
          label: name,
          ean13: product.ean13,
          vatRate,
          priceTaxExcl: product.price,
        });
      }
      if (items.length > 0) yield items;
    }
    if (withCombinations.size === 0) return;
    const combinations = this.client.pages(
      'combinations',
      { display: Object.keys(combinationSchema.shape), sort: ['id_ASC'] },
      this.pageSize,
    );
    for await (const raws of combinations) {
      const items: CatalogueItem[] = [];
      for (const combination of parseRecords(combinationSchema, raws).records) {
        const product = withCombinations.get(combination.id_product);
        if (product === undefined) continue;
        items.push({
          reference: combination.reference,
          label: product.name,
          ean13: combination.ean13,
          vatRate: product.vatRate,
          priceTaxExcl: product.price.plus(combination.price),
        });
      }
      if (items.length > 0) yield items;
    }
  }

  /**
   * Tax rules group → rate in the shop's country, read once (the country-wide rule; a group without
   * one there is untaxed).
   */
  private async vatRates(): Promise<(groupId: number) => Amount> {
    const countryId = await this.shopCountryId();
    const taxes = await this.reference.taxes();
    const raws = await this.client.list('tax_rules', {
      display: Object.keys(taxRuleSchema.shape),
      filter: { id_country: { in: [countryId] } },
    });
    const rates = new Map<number, Amount>();
    for (const rule of parseRecords(taxRuleSchema, raws).records) {
      if (rule.id_state !== 0) continue;
      rates.set(rule.id_tax_rules_group, taxes.get(rule.id_tax)?.rate ?? ZERO);
    }
    return (groupId) => rates.get(groupId) ?? ZERO;
  }

  /** PS_COUNTRY_DEFAULT; France when the key may not read the configuration. */
  private async shopCountryId(): Promise<number> {
    try {
      const raws = await this.client.list('configurations', {
        display: Object.keys(configurationSchema.shape),
        filter: { name: { in: ['PS_COUNTRY_DEFAULT'] } },
      });
      const value = parseRecords(configurationSchema, raws).records[0]?.value;
      if (value !== undefined && Number(value) > 0) return Number(value);
    } catch (error) {
      if (!(error instanceof WebserviceFailure) || error.code !== 'permission-denied') throw error;
    }
    const countries = await this.reference.countries();
    return [...countries.values()].find((country) => country.iso_code === 'FR')?.id ?? 0;
  }
}
