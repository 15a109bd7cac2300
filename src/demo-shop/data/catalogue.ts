/**
 * The catalogue of "Boutique Maison", a French home-and-gifts shop: states, taxes, currencies, carriers,
 * products and cart rules. Ids follow a default French PrestaShop install (states 1–13, EUR 1) so that the
 * demo configuration of SPEC §2 applies unchanged.
 */

export interface StateDef {
  readonly id: number;
  readonly name: string;
  readonly nameEn: string;
  readonly template: string;
  readonly color: string;
  readonly moduleName: string;
  readonly paid: boolean;
  readonly shipped: boolean;
  readonly delivery: boolean;
  readonly invoice: boolean;
  readonly logable: boolean;
  readonly sendEmail: boolean;
  readonly pdfInvoice: boolean;
}

function state(
  id: number,
  name: string,
  nameEn: string,
  template: string,
  color: string,
  flags: string,
  moduleName = '',
): StateDef {
  // flags: p(aid) s(hipped) d(elivery) i(nvoice) l(ogable) e(mail) f (pdf invoice)
  return {
    id,
    name,
    nameEn,
    template,
    color,
    moduleName,
    paid: flags.includes('p'),
    shipped: flags.includes('s'),
    delivery: flags.includes('d'),
    invoice: flags.includes('i'),
    logable: flags.includes('l'),
    sendEmail: flags.includes('e'),
    pdfInvoice: flags.includes('f'),
  };
}

/** The 13 states of a default French install, in PrestaShop's own list order (2 first, 1 and 10 last). */
export const STATES: readonly StateDef[] = [
  state(2, 'Paiement accepté', 'Payment accepted', 'payment', '#3498D8', 'pilef'),
  state(3, 'En cours de préparation', 'Processing in progress', 'preparation', '#3498D8', 'pdile'),
  state(4, 'Expédié', 'Shipped', 'shipped', '#01B887', 'psdile'),
  state(5, 'Livré', 'Delivered', '', '#01B887', 'psdil'),
  state(6, 'Annulé', 'Canceled', 'order_canceled', '#2C3E50', 'e'),
  state(7, 'Remboursé', 'Refunded', 'refund', '#01B887', 'ie'),
  state(8, 'Erreur de paiement', 'Payment error', 'payment_error', '#E74C3C', 'e'),
  state(9, 'En attente de réapprovisionnement (payé)', 'On backorder (paid)', 'outofstock', '#3498D8', 'pie'),
  state(11, 'Paiement à distance accepté', 'Remote payment accepted', 'payment', '#3498D8', 'pile'),
  state(
    12,
    'En attente de réapprovisionnement (non payé)',
    'On backorder (not paid)',
    'outofstock',
    '#34209E',
    'e',
  ),
  state(
    13,
    'En attente de paiement à la livraison',
    'Awaiting Cash On Delivery validation',
    'cashondelivery',
    '#34209E',
    '',
    'ps_cashondelivery',
  ),
  state(
    1,
    'En attente du paiement par chèque',
    'Awaiting check payment',
    'cheque',
    '#34209E',
    'e',
    'ps_checkpayment',
  ),
  state(
    10,
    'En attente de virement bancaire',
    'Awaiting bank wire payment',
    'bankwire',
    '#34209E',
    'e',
    'ps_wirepayment',
  ),
];

const STATE_BY_ID = new Map(STATES.map((s) => [s.id, s]));

export function stateById(id: number): StateDef | undefined {
  return STATE_BY_ID.get(id);
}

export interface TaxDef {
  readonly id: number;
  readonly rate: string;
  readonly name: string;
}

export const TAXES: readonly TaxDef[] = [
  { id: 1, rate: '20.000', name: 'TVA FR 20%' },
  { id: 2, rate: '10.000', name: 'TVA FR 10%' },
  { id: 3, rate: '5.500', name: 'TVA FR 5.5%' },
  { id: 4, rate: '2.100', name: 'TVA FR 2.1%' },
  { id: 5, rate: '21.000', name: 'TVA BE 21%' },
  { id: 6, rate: '19.000', name: 'USt. DE 19%' },
];

export interface TaxGroupDef {
  readonly id: number;
  readonly name: string;
  /** The French tax of the group; 0 for untaxed. */
  readonly taxId: number;
}

export const TAX_GROUPS: readonly TaxGroupDef[] = [
  { id: 1, name: 'FR Taux standard (20%)', taxId: 1 },
  { id: 2, name: 'FR Taux réduit (10%)', taxId: 2 },
  { id: 3, name: 'FR Taux réduit (5.5%)', taxId: 3 },
  { id: 4, name: 'FR Taux super réduit (2.1%)', taxId: 4 },
  { id: 5, name: 'Exonéré de TVA (0%)', taxId: 0 },
];

export function taxOfGroup(groupId: number): TaxDef | undefined {
  const group = TAX_GROUPS.find((g) => g.id === groupId);
  return group ? TAXES.find((t) => t.id === group.taxId) : undefined;
}

export interface CurrencyDef {
  readonly id: number;
  readonly isoCode: string;
  readonly numericIsoCode: string;
  readonly name: string;
  readonly names: string;
  readonly symbol: string;
  readonly conversionRate: string;
}

export const CURRENCIES: readonly CurrencyDef[] = [
  {
    id: 1,
    isoCode: 'EUR',
    numericIsoCode: '978',
    name: 'Euro',
    names: 'euro',
    symbol: '€',
    conversionRate: '1.000000',
  },
  {
    id: 2,
    isoCode: 'USD',
    numericIsoCode: '840',
    name: 'Dollar des États-Unis',
    names: 'dollar des États-Unis',
    symbol: '$US',
    conversionRate: '1.085000',
  },
];

export interface CountryDef {
  readonly id: number;
  readonly isoCode: string;
  readonly name: string;
  readonly nameEn: string;
  readonly callPrefix: number;
  readonly zipFormat: string;
  readonly zoneId: number;
}

export const COUNTRIES: readonly CountryDef[] = [
  {
    id: 1,
    isoCode: 'DE',
    name: 'Allemagne',
    nameEn: 'Germany',
    callPrefix: 49,
    zipFormat: 'NNNNN',
    zoneId: 1,
  },
  { id: 3, isoCode: 'BE', name: 'Belgique', nameEn: 'Belgium', callPrefix: 32, zipFormat: 'NNNN', zoneId: 1 },
  { id: 8, isoCode: 'FR', name: 'France', nameEn: 'France', callPrefix: 33, zipFormat: 'NNNNN', zoneId: 1 },
  {
    id: 19,
    isoCode: 'CH',
    name: 'Suisse',
    nameEn: 'Switzerland',
    callPrefix: 41,
    zipFormat: 'NNNN',
    zoneId: 7,
  },
  {
    id: 21,
    isoCode: 'US',
    name: 'États-Unis',
    nameEn: 'United States',
    callPrefix: 1,
    zipFormat: 'NNNNN',
    zoneId: 2,
  },
];

export interface CarrierDef {
  readonly id: number;
  readonly referenceId: number;
  readonly name: string;
  readonly delay: string;
  readonly delayEn: string;
  /** Shipping price tax included, before any free-shipping threshold. */
  readonly priceTaxIncl: string;
  /** Free above this amount of products tax included (empty: never). */
  readonly freeAbove: string;
  readonly isFree: boolean;
  readonly taxGroupId: number;
  readonly deleted: boolean;
  readonly position: number;
}

export const CARRIERS: readonly CarrierDef[] = [
  {
    id: 1,
    referenceId: 1,
    name: 'Retrait en boutique',
    delay: 'Retrait en boutique sous 2 h',
    delayEn: 'Pick up in store within 2 hours',
    priceTaxIncl: '0',
    freeAbove: '',
    isFree: true,
    taxGroupId: 1,
    deleted: false,
    position: 0,
  },
  {
    // Edited once in the back office: PrestaShop kept the old record (deleted) and made carrier 5.
    id: 2,
    referenceId: 2,
    name: 'Colissimo Domicile',
    delay: 'Livraison à domicile en 48 h',
    delayEn: 'Home delivery in 48 hours',
    priceTaxIncl: '6.90',
    freeAbove: '60',
    isFree: false,
    taxGroupId: 1,
    deleted: true,
    position: 1,
  },
  {
    id: 3,
    referenceId: 3,
    name: 'Mondial Relay',
    delay: 'En point relais en 3 à 5 jours',
    delayEn: 'To a pick-up point in 3 to 5 days',
    priceTaxIncl: '4.50',
    freeAbove: '50',
    isFree: false,
    taxGroupId: 1,
    deleted: false,
    position: 2,
  },
  {
    id: 4,
    referenceId: 4,
    name: 'Chronopost Express',
    delay: 'Livraison express le lendemain avant 13 h',
    delayEn: 'Next-day express delivery before 1 pm',
    priceTaxIncl: '14.90',
    freeAbove: '',
    isFree: false,
    taxGroupId: 1,
    deleted: false,
    position: 3,
  },
  {
    id: 5,
    referenceId: 2,
    name: 'Colissimo Domicile',
    delay: 'Livraison à domicile en 48 h',
    delayEn: 'Home delivery in 48 hours',
    priceTaxIncl: '6.90',
    freeAbove: '60',
    isFree: false,
    taxGroupId: 1,
    deleted: false,
    position: 1,
  },
];

export function carrierById(id: number): CarrierDef | undefined {
  return CARRIERS.find((c) => c.id === id);
}

export interface CombinationDef {
  readonly id: number;
  readonly productId: number;
  /** `Taille : M, Couleur : Bleu`, as PrestaShop appends it to the product name. */
  readonly label: string;
  readonly reference: string;
  readonly ean13: string;
  /** Price impact tax excluded. */
  readonly priceImpact: string;
  readonly optionValueIds: readonly number[];
  readonly defaultOn: boolean;
}

export interface ProductDef {
  readonly id: number;
  readonly name: string;
  readonly reference: string;
  readonly supplierReference: string;
  readonly ean13: string;
  /** Tax excluded, ecotax included, 6 decimals. */
  readonly price: string;
  readonly wholesalePrice: string;
  readonly taxGroupId: number;
  /** Ecotax tax excluded (part of the price). */
  readonly ecotax: string;
  readonly weight: string;
  readonly isVirtual: boolean;
  readonly categoryId: number;
  readonly combinations: readonly CombinationDef[];
}

function product(
  id: number,
  name: string,
  reference: string,
  price: string,
  taxGroupId: number,
  more: Partial<Omit<ProductDef, 'id' | 'name' | 'reference' | 'price' | 'taxGroupId'>> = {},
): ProductDef {
  return {
    id,
    name,
    reference,
    supplierReference: more.supplierReference ?? '',
    ean13: more.ean13 ?? '',
    price,
    wholesalePrice: more.wholesalePrice ?? '0.000000',
    taxGroupId,
    ecotax: more.ecotax ?? '0.000000',
    weight: more.weight ?? '0.300000',
    isVirtual: more.isVirtual ?? false,
    categoryId: more.categoryId ?? 2,
    combinations: more.combinations ?? [],
  };
}

function combos(
  productId: number,
  firstId: number,
  specs: readonly (readonly [
    label: string,
    reference: string,
    ean13: string,
    impact: string,
    values: number[],
  ])[],
): CombinationDef[] {
  return specs.map(([label, reference, ean13, priceImpact, optionValueIds], i) => ({
    id: firstId + i,
    productId,
    label,
    reference,
    ean13,
    priceImpact,
    optionValueIds,
    defaultOn: i === 0,
  }));
}

export const PRODUCTS: readonly ProductDef[] = [
  product(1, 'T-shirt brodé colibri', 'TS-COLIBRI', '19.083333', 1, {
    wholesalePrice: '6.200000',
    categoryId: 4,
    weight: '0.200000',
    combinations: combos(1, 1, [
      ['Taille : S, Couleur : Blanc', 'TS-COLIBRI-S-BLANC', '3760123450010', '0.000000', [1, 8]],
      ['Taille : M, Couleur : Blanc', 'TS-COLIBRI-M-BLANC', '3760123450027', '0.000000', [2, 8]],
      ['Taille : L, Couleur : Bleu marine', 'TS-COLIBRI-L-MARINE', '3760123450034', '0.833333', [3, 11]],
      ['Taille : XL, Couleur : Bleu marine', 'TS-COLIBRI-XL-MARINE', '3760123450041', '1.666667', [4, 11]],
    ]),
  }),
  product(2, 'Pull en laine mérinos', 'PULL-MERINOS', '57.416667', 1, {
    wholesalePrice: '21.000000',
    categoryId: 4,
    weight: '0.450000',
    combinations: combos(2, 5, [
      ['Taille : M, Couleur : Gris chiné', 'PULL-MERINOS-M-GRIS', '3760123450058', '0.000000', [2, 12]],
      ['Taille : L, Couleur : Gris chiné', 'PULL-MERINOS-L-GRIS', '3760123450065', '0.000000', [3, 12]],
    ]),
  }),
  product(3, "Affiche « L'aventure commence »", 'AFF-AVENTURE', '24.083333', 1, {
    categoryId: 9,
    weight: '0.300000',
    combinations: combos(3, 7, [
      ['Dimension : 40x60cm', 'AFF-AVENTURE-40X60', '3760123450072', '0.000000', [19]],
      ['Dimension : 60x90cm', 'AFF-AVENTURE-60X90', '3760123450089', '12.500000', [20]],
      ['Dimension : 80x120cm', 'AFF-AVENTURE-80X120', '3760123450096', '33.333333', [21]],
    ]),
  }),
  product(4, 'Mug céramique « Bonjour »', 'MUG-BONJOUR', '10.750000', 1, {
    ean13: '3760123451000',
    wholesalePrice: '3.100000',
    categoryId: 8,
  }),
  product(5, 'Coussin renard', 'COUS-RENARD', '15.750000', 1, {
    wholesalePrice: '5.490000',
    categoryId: 8,
    combinations: combos(5, 10, [
      ['Couleur : Blanc', 'COUS-RENARD-BLANC', '3760123451017', '0.000000', [8]],
      ['Couleur : Ocre', 'COUS-RENARD-OCRE', '', '0.000000', [13]],
    ]),
  }),
  product(6, 'Carnet de notes en lin', 'CARNET-LIN', '10.174500', 1, {
    ean13: '3760123451024',
    categoryId: 7,
  }),
  product(7, 'Thé vert bio Sencha – boîte 100 g', 'THE-SENCHA-100G', '8.014218', 3, {
    ean13: '3760123451031',
    wholesalePrice: '3.800000',
    categoryId: 10,
    weight: '0.150000',
  }),
  product(8, 'Confiture de figues de Solliès 350 g', 'CONF-FIGUE-350', '5.592417', 3, {
    ean13: '3760123451048',
    categoryId: 10,
  }),
  product(9, 'Livre de recettes « Saveurs de Provence »', 'LIV-SAVEURS-PROV', '23.601896', 3, {
    ean13: '9782950123459',
    wholesalePrice: '10.620000',
    categoryId: 7,
    weight: '0.800000',
  }),
  product(10, 'Journal « Le Petit Marseillais » – numéro spécial', 'JOURNAL-SPECIAL', '2.938296', 4, {
    categoryId: 7,
    weight: '0.100000',
  }),
  product(11, 'Atelier cuisine du marché (2 h)', 'ATELIER-CUISINE', '40.909091', 2, {
    categoryId: 11,
    weight: '0.000000',
  }),
  product(12, 'Enceinte Bluetooth Colibri', 'ENC-BT-COLIBRI', '34.675000', 1, {
    ean13: '3760123459013',
    wholesalePrice: '18.530000',
    ecotax: '0.500000',
    categoryId: 8,
    weight: '0.600000',
  }),
  product(13, 'Lampe de chevet en rotin', 'LAMPE-ROTIN', '49.916667', 1, {
    ean13: '3760123459020',
    ecotax: '0.250000',
    categoryId: 8,
    weight: '1.200000',
  }),
  // No reference: navette must fall back to its generic article.
  product(14, 'Porte-clés artisanal', '', '4.916667', 1, { categoryId: 8, weight: '0.050000' }),
  product(15, 'Carte cadeau 50 €', 'CARTE-CADEAU-50', '50.000000', 5, {
    isVirtual: true,
    categoryId: 11,
    weight: '0.000000',
  }),
  product(16, 'E-book « Recevoir simplement »', 'EBOOK-RECEVOIR', '11.374408', 3, {
    isVirtual: true,
    categoryId: 11,
    weight: '0.000000',
  }),
  product(
    17,
    'Service de table « Grand Siècle » porcelaine de Limoges, 18 pièces, filet or, décor floral peint à la main',
    'SERV-LIMOGES-18',
    '291.666667',
    1,
    { ean13: '3760123459037', wholesalePrice: '120.000000', categoryId: 8, weight: '6.500000' },
  ),
  product(18, 'Savon de Marseille à l’huile d’olive 🫒', 'SAVON-MARS-OLIVE', '3.250000', 1, {
    ean13: '3760123459044',
    categoryId: 8,
    weight: '0.120000',
  }),
];

export function productById(id: number): ProductDef | undefined {
  return PRODUCTS.find((p) => p.id === id);
}

export interface CartRuleDef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: 'percent' | 'amount' | 'free_shipping';
  readonly percent: string;
  /** Tax included. */
  readonly amount: string;
  readonly minimum: string;
}

export const CART_RULES: readonly CartRuleDef[] = [
  {
    id: 1,
    code: 'BIENVENUE10',
    name: 'Bienvenue : -10 % sur votre commande',
    kind: 'percent',
    percent: '10.00',
    amount: '0',
    minimum: '0',
  },
  {
    id: 2,
    code: 'REMISE5',
    name: "Remise de 5 € dès 30 € d'achat",
    kind: 'amount',
    percent: '0.00',
    amount: '5',
    minimum: '30',
  },
  {
    id: 3,
    code: 'LIVRAISONOFFERTE',
    name: 'Livraison offerte',
    kind: 'free_shipping',
    percent: '0.00',
    amount: '0',
    minimum: '0',
  },
  {
    id: 4,
    code: 'NOEL15',
    name: 'Noël : -15 € dès 100 €',
    kind: 'amount',
    percent: '0.00',
    amount: '15',
    minimum: '100',
  },
];

export function cartRuleById(id: number): CartRuleDef | undefined {
  return CART_RULES.find((r) => r.id === id);
}

export interface ShopDef {
  readonly id: number;
  readonly name: string;
  readonly shopGroupId: number;
}

export const SHOPS: readonly ShopDef[] = [
  { id: 1, name: 'Boutique Maison', shopGroupId: 1 },
  { id: 2, name: 'Maison Pro', shopGroupId: 1 },
];

/** Gift wrapping price, tax excluded (PS_GIFT_WRAPPING_PRICE), taxed at the standard rate. */
export const GIFT_WRAPPING_TAX_EXCL = '2.000000';
export const GIFT_WRAPPING_TAX_ID = 1;
