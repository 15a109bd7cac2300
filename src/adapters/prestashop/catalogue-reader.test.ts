import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../../ports/catalogue-source.js';
import { createPrestaShopOrderSource } from './prestashop-order-source.js';
import { FakeClock } from './testing/fake-clock.js';
import { FAKE_KEY, FAKE_URL, createFakeWebservice, type FakeWebservice } from './testing/fake-webservice.js';
import { jsonRecords } from './testing/recorded-fixtures.js';

/**
 * The recorded products (8.1.2/60) and combinations (8.1.2/62); the shop's country and its tax rules are
 * written here (no recording holds them): France (8.1.2/48 gives it id 8), group 1 → tax 1 (20 %),
 * group 3 → tax 3 (5.5 %), and a rule for one province only that must not count.
 */
function catalogueShop(): FakeWebservice {
  const fake = createFakeWebservice();
  fake.tables['products'] = jsonRecords('60_products_selected.json');
  fake.tables['combinations'] = jsonRecords('62_combinations_selected.json');
  fake.tables['configurations'] = [{ id: 1, name: 'PS_COUNTRY_DEFAULT', value: '8' }];
  fake.tables['tax_rules'] = [
    { id: 1, id_tax_rules_group: 1, id_country: 8, id_state: 0, id_tax: 1 },
    { id: 2, id_tax_rules_group: 3, id_country: 8, id_state: 0, id_tax: 3 },
    { id: 3, id_tax_rules_group: 3, id_country: 8, id_state: 12, id_tax: 1 },
    { id: 4, id_tax_rules_group: 3, id_country: 3, id_state: 0, id_tax: 6 },
  ];
  return fake;
}

async function readCatalogue(fake: FakeWebservice, pageSize = 100): Promise<CatalogueItem[][]> {
  const source = createPrestaShopOrderSource({
    url: FAKE_URL,
    key: FAKE_KEY,
    fetch: fake.fetch,
    clock: new FakeClock(),
    pageSize,
  });
  const pages: CatalogueItem[][] = [];
  for await (const page of source.readCatalogue()) pages.push([...page]);
  return pages;
}

const text = (item: CatalogueItem) => ({
  reference: item.reference,
  label: item.label,
  ean13: item.ean13,
  vat: item.vatRate.toFixed(),
  ht: item.priceTaxExcl.toFixed(),
});

describe('the shop catalogue, read from the webservice', () => {
  it('gives simple products, then the combinations of the others with their own references', async () => {
    const items = (await readCatalogue(catalogueShop())).flat().map(text);
    expect(items).toEqual([
      {
        reference: 'LIV-SAVEURS-PROV',
        label: 'Livre de recettes « Saveurs de Provence »',
        ean13: '9782950123459',
        vat: '5.5',
        ht: '23.601896',
      },
      {
        reference: 'ENC-BT-COLIBRI',
        label: 'Enceinte Bluetooth Colibri',
        ean13: '3760123459013',
        vat: '20',
        ht: '41.166667',
      },
      // The key ring has no reference: given as such, the use case skips it.
      { reference: '', label: 'Porte-clés en bois gravé', ean13: '', vat: '20', ht: '4.083333' },
      ...['S', 'M', 'L', 'XL'].flatMap((size) =>
        ['BLANC', 'NOIR'].map((colour) => ({
          reference: `TS-COLIBRI-${size}-${colour}`,
          label: 'T-shirt imprimé colibri',
          ean13: expect.any(String) as string,
          vat: '20',
          ht: '23.9',
        })),
      ),
    ]);
  });

  it('reads pages with only the fields it needs, and the tax rules once', async () => {
    const fake = catalogueShop();
    const pages = await readCatalogue(fake, 2);
    expect(pages.flat()).toHaveLength(11);
    const reads = fake.calls.map((call) => new URL(call.url));
    const of = (resource: string) => reads.filter((url) => url.pathname === `/api/${resource}`);
    // 5 products by 2: 3 pages; 11 combinations by 2: 6 pages; never a call per product.
    expect(of('products')).toHaveLength(3);
    expect(of('combinations')).toHaveLength(6);
    expect(of('tax_rules')).toHaveLength(1);
    expect(reads.some((url) => /\/api\/products\/\d+/.test(url.pathname))).toBe(false);
    for (const url of [...of('products'), ...of('combinations')]) {
      expect(url.searchParams.get('display')).toMatch(/^\[.*reference.*\]$/);
      expect(url.searchParams.get('limit')).toMatch(/^\d+,2$/);
    }
  });
});
