import type { Amount } from '../domain/money.js';

/** A product or a combination of the shop, as a GesCom article could hold it. */
export interface CatalogueItem {
  /** The shop's reference ('' when the shop has none: such an item cannot become an article). */
  readonly reference: string;
  readonly label: string;
  readonly ean13: string;
  /** The VAT rate of the product's tax rules group in the shop's country, e.g. 20. */
  readonly vatRate: Amount;
  /** Tax excluded, the combination's impact included. */
  readonly priceTaxExcl: Amount;
}

/**
 * The shop's catalogue, read to fill a new GesCom's articles (`navette articles import`).
 *
 * Contract: pages of items, products then combinations; a product that has combinations is given by its
 * combinations only (an order line names the combination). It costs a few webservice calls per page of
 * products or combinations, never calls per product. Failures of the shop are thrown as for OrderSource.
 */
export interface CatalogueSource {
  readCatalogue(): AsyncIterable<readonly CatalogueItem[]>;
}
