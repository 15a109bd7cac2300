import { amount, dbAmount, dbRate } from './amounts.js';
import type { Documents } from './documents.js';
import type { Row } from './render.js';
import type { DolibarrStore } from './store.js';

/**
 * The business the simulator starts with: what the recorded instance held before the recording (4 third
 * parties, 4 products, 4 proposals, 8 orders of which two carry the old-style `ref_ext` 'prestashop:1',
 * 4 invoices, no bank account), so that ids and numbers run on as they did there.
 */
export function seedStartingBusiness(store: DolibarrStore, documents: Documents): void {
  const now = store.timestamp();
  const customers = [
    ['Boulangerie Martin', 'contact@boulangerie-martin.example.fr', 'Lyon', '69002'],
    ['Claire Petit', 'claire.petit@example.fr', 'Nantes', '44000'],
    ['Atelier Bernard SAS', 'compta@atelier-bernard.example.fr', 'Lille', '59000'],
    ['Hugo Lefèvre', 'hugo.lefevre@example.fr', 'Bordeaux', '33000'],
  ] as const;
  customers.forEach(([name, email, town, zip], index) => {
    const id = store.nextId('societe');
    const row: Row = {
      module: 'societe',
      id: String(id),
      entity: '1',
      ref: name,
      name,
      nom: name,
      email,
      town,
      zip,
      phone: null,
      typent_code: null,
      status: '1',
      client: '1',
      tva_assuj: '1',
      country_id: '1',
      country_code: 'FR',
      code_client: `CU${yymm(store)}-${String(index + 1).padStart(5, '0')}`,
      date_creation: now,
      date_modification: now,
      user_creation_id: '1',
      user_modification_id: '1',
      localtax1_value: '0.0000',
      localtax2_value: '0.0000',
      status_prospect_label: 'Never contacted',
    };
    store.thirdparties.set(id, row);
  });
  const products = [
    ['MUG-01', 'Mug en grès', '0', '12.50', '20'],
    ['CAFE-250', 'Café moulu 250 g', '0', '6.20', '5.5'],
    ['CARTE-KDO', 'Carte cadeau', '1', '25.00', '0'],
    ['THE-100', 'Thé vert 100 g', '0', '8.40', '5.5'],
  ] as const;
  for (const [ref, label, type, price, vat] of products) {
    const id = store.nextId('product');
    const factor = amount(vat).div(100).plus(1);
    store.products.set(id, {
      id: String(id),
      entity: '1',
      ref,
      ref_ext: null,
      label,
      description: '',
      type,
      status: '1',
      status_buy: '1',
      price: dbAmount(amount(price)),
      price_ttc: dbAmount(amount(price).times(factor).toDecimalPlaces(5)),
      price_min: dbAmount(amount(0)),
      price_min_ttc: dbAmount(amount(0)),
      price_base_type: 'HT',
      tva_tx: dbRate(amount(vat)),
      localtax1_tx: '0.0000',
      localtax2_tx: '0.0000',
      date_creation: now,
      date_modification: now,
      pmp: dbAmount(amount(0)),
      stockable_product: type === '0' ? '1' : '0',
    });
  }
  const twoLines = [
    { fk_product: 1, qty: 2, subprice: 12.5, tva_tx: 20, product_type: 0 },
    { fk_product: 2, qty: 1, subprice: 6.2, tva_tx: 5.5, product_type: 0 },
  ];
  for (let i = 1; i <= 4; i += 1) {
    const id = documents.create('propal', { socid: i, date: now, lines: twoLines });
    documents.validate(documents.get('propal', id));
  }
  for (let i = 1; i <= 8; i += 1) {
    const oldKey = i === 2 || i === 4;
    const id = documents.create('commande', {
      socid: ((i - 1) % 4) + 1,
      date: now,
      lines: twoLines,
      ...(oldKey ? { ref_ext: 'prestashop:1' } : {}),
    });
    if (i === 2 || i === 4 || i === 6 || i === 8) documents.validate(documents.get('commande', id));
  }
  for (let i = 1; i <= 4; i += 1) {
    const id = documents.create('facture', { socid: i, date: now, type: 0, lines: twoLines });
    documents.validate(documents.get('facture', id));
  }
}

function yymm(store: DolibarrStore): string {
  const date = store.now();
  return `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
