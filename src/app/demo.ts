import type { CatalogueArticle } from '../adapters/embedded/gescom/embedded-gescom.js';
import { createDemoShop, type DemoShop } from '../demo-shop/index.js';
import { PRODUCTS, taxOfGroup } from '../demo-shop/data/catalogue.js';
import { amount } from '../domain/money.js';

/**
 * A configuration whose shop URL is this one talks to a demo shop living in the same process: `navette
 * demo` writes it, and every command (`documents`, `serve`, …) then works on the demo without a shop.
 */
export const DEMO_SHOP_URL = 'demo://boutique';

export function isDemoShopUrl(url: string): boolean {
  return url.replace(/\/+$/, '') === DEMO_SHOP_URL;
}

/** A configuration whose Dolibarr URL is this one writes into a simulated Dolibarr in the same process. */
export const DEMO_DOLIBARR_URL = 'demo://dolibarr';

export function isDemoDolibarrUrl(url: string): boolean {
  return url.replace(/\/+$/, '') === DEMO_DOLIBARR_URL;
}

export function startInProcessDemoShop(now: Date): DemoShop {
  return createDemoShop({ now });
}

/**
 * Products the demo's GesCom does not know, so that the demo shows the generic article DIVERS at work
 * as a real shop would (a product added to the shop, not yet to the GesCom).
 */
const NOT_IN_GESCOM = 2;

/**
 * The demo shop's catalogue as GesCom articles (combinations by their own references), as a shop
 * owner's GesCom holds its articles before the first import — all but the last products.
 */
export function demoCatalogueArticles(): CatalogueArticle[] {
  return PRODUCTS.slice(0, -NOT_IN_GESCOM).flatMap((product) => {
    const vatRate = amount(taxOfGroup(product.taxGroupId)?.rate ?? '0');
    const variants =
      product.combinations.length > 0
        ? product.combinations.map((combination) => ({
            reference: combination.reference,
            label: `${product.name} (${combination.label})`,
            ean13: combination.ean13,
          }))
        : [{ reference: product.reference, label: product.name, ean13: product.ean13 }];
    return variants.filter((variant) => variant.reference !== '').map((variant) => ({ ...variant, vatRate }));
  });
}
