import { formatWall } from './local-time.js';
import type { Cart, CartLine, PaymentKind } from './place-order.js';
import type { DemoShopData } from './shop-data.js';
import type { RoundType } from './shop-money.js';
import { createPrng } from '../prng.js';

/**
 * "Boutique Maison": about 60 hand-picked orders over the 60 days before the shop's `now`, covering every
 * state and every case navette must handle. Each order is placed through the cart → order computation,
 * never typed by hand.
 */

interface Person {
  readonly key: string;
  readonly shopId: number;
  readonly firstname: string;
  readonly lastname: string;
  readonly email: string;
  readonly city: string;
  readonly postcode: string;
  readonly address1: string;
  readonly countryId?: number;
  readonly company?: string;
  readonly siret?: string;
  readonly ape?: string;
  readonly vatNumber?: string;
  readonly isGuest?: boolean;
  readonly deleted?: boolean;
  readonly phone?: string;
}

const PEOPLE: readonly Person[] = [
  {
    key: 'helene',
    shopId: 1,
    firstname: 'Hélène',
    lastname: "d'Aubigné",
    email: 'helene.daubigne@example.fr',
    city: 'Lyon',
    postcode: '69002',
    address1: '12, rue de la République',
    phone: '04 78 00 00 01',
  },
  {
    key: 'marc',
    shopId: 1,
    firstname: 'Marc',
    lastname: 'Lefèvre',
    email: 'marc.lefevre@example.fr',
    city: 'Nantes',
    postcode: '44000',
    address1: '3 allée des Tanneurs',
  },
  {
    key: 'zoe',
    shopId: 1,
    firstname: 'Zoé',
    lastname: "L'Hôte-Ménard 🌻",
    email: 'zoe.lhote@example.fr',
    city: "Villeneuve-d'Ascq",
    postcode: '59650',
    address1: "7 chemin de l'Église",
  },
  {
    key: 'guest',
    shopId: 1,
    firstname: 'Paul',
    lastname: 'Invité',
    email: 'paul.invite@example.net',
    city: 'Rennes',
    postcode: '35000',
    address1: '22 quai Duguay-Trouin',
    isGuest: true,
  },
  {
    key: 'b2b',
    shopId: 1,
    firstname: 'Claire',
    lastname: 'Dumont',
    email: 'achats@atelier-dumont.example.fr',
    city: 'Bordeaux',
    postcode: '33000',
    address1: '48 cours de l’Intendance',
    company: 'Atelier Dumont & Fils – Décoration intérieure, aménagement et mobilier sur mesure SARL',
    siret: '73282932000074',
    ape: '4759A',
    vatNumber: 'FR44732829320',
  },
  {
    key: 'be',
    shopId: 1,
    firstname: 'Lotte',
    lastname: 'Verbeke',
    email: 'lotte.verbeke@example.be',
    city: 'Gent',
    postcode: '9000',
    address1: 'Korenmarkt 5',
    countryId: 3,
    company: 'Verbeke BV',
    vatNumber: 'BE0403170701',
  },
  {
    key: 'us',
    shopId: 1,
    firstname: 'Emily',
    lastname: 'Carter',
    email: 'emily.carter@example.com',
    city: 'Boston',
    postcode: '02108',
    address1: '1 Beacon Street',
    countryId: 21,
  },
  {
    key: 'deleted',
    shopId: 1,
    firstname: 'Gérard',
    lastname: 'Supprimé',
    email: 'gerard.supprime@example.fr',
    city: 'Tours',
    postcode: '37000',
    address1: '5 rue Nationale',
    deleted: true,
  },
  {
    key: 'long',
    shopId: 1,
    firstname: 'Marie-Christine-Bénédicte-Anne-Sophie',
    lastname: 'de La Rochefoucauld-Montmorency de Saint-Exupéry-Villeneuve',
    email: 'mc.larochefoucauld@example.fr',
    city: 'Saint-Rémy-de-Provence',
    postcode: '13210',
    address1: '1 bis, chemin des Oliviers centenaires et des Lavandes en fleurs, lieu-dit Mas de la Source',
  },
  {
    key: 'anne',
    shopId: 1,
    firstname: 'Anne',
    lastname: 'Roussel',
    email: 'anne.roussel@example.fr',
    city: 'Lille',
    postcode: '59000',
    address1: '90 rue Nationale',
  },
  {
    key: 'karim',
    shopId: 1,
    firstname: 'Karim',
    lastname: 'Benali',
    email: 'karim.benali@example.fr',
    city: 'Marseille',
    postcode: '13001',
    address1: '15 La Canebière',
  },
  {
    key: 'sophie',
    shopId: 1,
    firstname: 'Sophie',
    lastname: 'Martin',
    email: 'sophie.martin@example.fr',
    city: 'Paris',
    postcode: '75011',
    address1: '101 boulevard Voltaire',
  },
  {
    key: 'lucas',
    shopId: 1,
    firstname: 'Lucas',
    lastname: 'Garnier',
    email: 'lucas.garnier@example.fr',
    city: 'Strasbourg',
    postcode: '67000',
    address1: '4 place Kléber',
  },
  {
    key: 'pro1',
    shopId: 2,
    firstname: 'Jean',
    lastname: 'Morel',
    email: 'jean.morel@example.fr',
    city: 'Toulouse',
    postcode: '31000',
    address1: '8 rue Alsace-Lorraine',
    company: 'Morel Hôtellerie SAS',
    siret: '44306184100047',
    ape: '5510Z',
    vatNumber: 'FR83443061841',
  },
  {
    key: 'pro2',
    shopId: 2,
    firstname: 'Nadia',
    lastname: 'Faure',
    email: 'nadia.faure@example.fr',
    city: 'Grenoble',
    postcode: '38000',
    address1: '2 place Grenette',
    company: 'Café Faure',
  },
  {
    key: 'pro3',
    shopId: 2,
    firstname: 'Olivier',
    lastname: 'Chevalier',
    email: 'o.chevalier@example.fr',
    city: 'Dijon',
    postcode: '21000',
    address1: '11 rue de la Liberté',
  },
];

interface Spec {
  readonly who: string;
  readonly daysAgo: number;
  readonly path: readonly number[];
  readonly lines: readonly CartLine[];
  readonly payment: PaymentKind;
  readonly carrierId?: number;
  readonly cartRuleIds?: readonly number[];
  readonly giftMessage?: string;
  readonly currencyId?: number;
  readonly otherBilling?: boolean;
  readonly paymentParts?: Cart['paymentParts'];
  readonly roundType?: RoundType;
  readonly message?: string;
  readonly note?: string;
  readonly trackingNumber?: string;
}

const L = (productId: number, quantity: number, more: Partial<CartLine> = {}): CartLine => ({
  productId,
  quantity,
  ...more,
});

/** The special cases, one order (or two) each. */
const SPECIAL: readonly Spec[] = [
  {
    who: 'helene',
    daysAgo: 58,
    path: [2, 3, 4, 5],
    payment: 'card',
    lines: [L(1, 2, { combinationId: 2 }), L(7, 3), L(9, 1), L(10, 2), L(11, 1)],
    message: 'Merci de laisser le colis chez la gardienne si je suis absente.',
  },
  {
    who: 'marc',
    daysAgo: 55,
    path: [10, 2, 3, 4],
    payment: 'wire',
    carrierId: 2,
    lines: [L(5, 6, { combinationId: 10, reductionAmountTaxIncl: '3' }), L(3, 2, { combinationId: 9 })],
    trackingNumber: '6A18273645501',
  },
  {
    who: 'zoe',
    daysAgo: 52,
    path: [2, 3],
    payment: 'paypal',
    lines: [L(1, 2, { combinationId: 3, reductionPercent: '20' }), L(18, 4)],
    cartRuleIds: [1],
  },
  { who: 'anne', daysAgo: 50, path: [1, 2], payment: 'cheque', lines: [L(4, 2), L(6, 3)], cartRuleIds: [2] },
  {
    who: 'karim',
    daysAgo: 48,
    path: [2, 3, 4, 5],
    payment: 'card',
    carrierId: 4,
    lines: [L(2, 1, { combinationId: 5 })],
    cartRuleIds: [3],
  },
  { who: 'sophie', daysAgo: 46, path: [2], payment: 'card', carrierId: 5, lines: [L(13, 2), L(12, 1)] },
  {
    who: 'lucas',
    daysAgo: 45,
    path: [2, 3, 4],
    payment: 'card',
    lines: [L(9, 1), L(8, 2)],
    giftMessage: 'Joyeux anniversaire Mamie ! Avec tout notre amour — Lucas & Léa 🎂',
  },
  { who: 'helene', daysAgo: 44, path: [2, 3, 4, 5], payment: 'card', lines: [L(12, 2), L(13, 1)] },
  { who: 'guest', daysAgo: 42, path: [2, 3], payment: 'card', lines: [L(4, 1), L(7, 2)] },
  {
    who: 'b2b',
    daysAgo: 40,
    path: [10, 2, 3, 4, 5],
    payment: 'wire',
    carrierId: 4,
    otherBilling: true,
    lines: [L(17, 2), L(13, 4), L(3, 5, { combinationId: 7 })],
    cartRuleIds: [4],
  },
  {
    who: 'be',
    daysAgo: 38,
    path: [2, 3, 4],
    payment: 'card',
    otherBilling: true,
    lines: [L(2, 2, { combinationId: 6 }), L(9, 1)],
  },
  {
    who: 'us',
    daysAgo: 36,
    path: [11, 3, 4],
    payment: 'paypal',
    currencyId: 2,
    carrierId: 4,
    lines: [L(1, 2, { combinationId: 4 }), L(9, 1), L(16, 1)],
  },
  {
    who: 'marc',
    daysAgo: 34,
    path: [2, 3, 4, 5],
    payment: 'card',
    lines: [L(15, 1), L(4, 2), L(1, 1, { combinationId: 1 })],
    paymentParts: [{ method: 'Carte cadeau', amount: '20.00' }],
  },
  { who: 'deleted', daysAgo: 33, path: [2, 3, 4, 5], payment: 'card', lines: [L(6, 2), L(18, 1)] },
  { who: 'long', daysAgo: 31, path: [2, 3, 4], payment: 'card', lines: [L(17, 1), L(14, 2)] },
  { who: 'anne', daysAgo: 30, path: [1, 2, 3], payment: 'cheque', lines: [L(14, 3), L(4, 1)] },
  {
    who: 'karim',
    daysAgo: 28,
    path: [2],
    payment: 'card',
    roundType: 3,
    lines: [L(6, 1), L(7, 1)],
  },
  { who: 'sophie', daysAgo: 27, path: [2, 5], payment: 'card', carrierId: 0, lines: [L(15, 2), L(16, 1)] },
  {
    who: 'lucas',
    daysAgo: 25,
    path: [13, 4, 5],
    payment: 'cod',
    carrierId: 2,
    lines: [L(13, 1), L(5, 1, { combinationId: 11 })],
  },
  { who: 'zoe', daysAgo: 24, path: [13, 4], payment: 'cod', carrierId: 5, lines: [L(12, 1)] },
  { who: 'helene', daysAgo: 22, path: [13], payment: 'cod', carrierId: 5, lines: [L(6, 2)] },
  {
    who: 'sophie',
    daysAgo: 20,
    path: [2, 3, 4, 7],
    payment: 'card',
    lines: [L(2, 1, { combinationId: 6, quantityRefunded: 1 })],
  },
  { who: 'karim', daysAgo: 19, path: [8], payment: 'card', lines: [L(17, 1)] },
  { who: 'anne', daysAgo: 18, path: [1, 6], payment: 'cheque', lines: [L(9, 2)] },
  { who: 'marc', daysAgo: 16, path: [10, 6], payment: 'wire', lines: [L(3, 1, { combinationId: 8 })] },
  { who: 'lucas', daysAgo: 15, path: [9], payment: 'card', lines: [L(13, 3)] },
  { who: 'guest', daysAgo: 14, path: [12], payment: 'cheque', lines: [L(17, 1)] },
  {
    who: 'zoe',
    daysAgo: 12,
    path: [11],
    payment: 'paypal',
    lines: [L(1, 1, { combinationId: 2 }), L(4, 1)],
    note: 'Paquet cadeau <b>soigné</b> svp ; =SUM(A1)',
  },
  { who: 'helene', daysAgo: 3, path: [1], payment: 'cheque', lines: [L(6, 1), L(8, 2)] },
  { who: 'b2b', daysAgo: 2, path: [10], payment: 'wire', carrierId: 4, lines: [L(17, 1), L(12, 2)] },
  { who: 'karim', daysAgo: 1, path: [2], payment: 'card', lines: [L(18, 6), L(14, 1)] },
  {
    who: 'pro1',
    daysAgo: 41,
    path: [10, 2, 3, 4, 5],
    payment: 'wire',
    carrierId: 4,
    lines: [L(17, 3), L(4, 24)],
  },
  { who: 'pro2', daysAgo: 21, path: [2, 3], payment: 'card', lines: [L(7, 10), L(8, 12)] },
  { who: 'pro3', daysAgo: 9, path: [1], payment: 'cheque', lines: [L(4, 6)] },
  { who: 'pro1', daysAgo: 4, path: [2], payment: 'card', lines: [L(13, 2)] },
];

const FILL_STATES: readonly (readonly [readonly number[], PaymentKind])[] = [
  [[2, 3, 4, 5], 'card'],
  [[2, 3, 4], 'card'],
  [[10, 2, 3], 'wire'],
  [[2], 'paypal'],
  [[1, 2, 3, 4, 5], 'cheque'],
  [[2, 3], 'card'],
  [[10], 'wire'],
  [[1], 'cheque'],
  [[13, 4, 5], 'cod'],
  [[11, 3], 'paypal'],
  [[1, 6], 'cheque'],
  [[12], 'cheque'],
  [[9], 'card'],
];

/** Loads the curated customers, addresses and orders into `data`. */
export function loadCuratedShop(data: DemoShopData): void {
  const nowWall = data.nowWall();
  const at = (daysAgo: number, minutes: number): string =>
    formatWall(Math.floor((nowWall - daysAgo * 86_400_000) / 86_400_000) * 86_400_000 + minutes * 60_000);
  const people = new Map<
    string,
    { customerId: number; addressId: number; billingId: number; person: Person }
  >();
  for (const person of PEOPLE) {
    const since = at(70, 600);
    const customerId = data.addCustomer({
      shopId: person.shopId,
      firstname: person.firstname,
      lastname: person.lastname,
      email: person.email,
      ...(person.company ? { company: person.company } : {}),
      ...(person.siret ? { siret: person.siret } : {}),
      ...(person.ape ? { ape: person.ape } : {}),
      ...(person.isGuest ? { isGuest: true } : {}),
      newsletter: person.key === 'helene',
      dateAdd: since,
    });
    const address = {
      customerId,
      firstname: person.firstname,
      lastname: person.lastname,
      address1: person.address1,
      postcode: person.postcode,
      city: person.city,
      ...(person.countryId
        ? { countryId: person.countryId, ...(person.countryId === 21 ? { stateId: 22 } : {}) }
        : {}),
      ...(person.company ? { company: person.company } : {}),
      ...(person.vatNumber ? { vatNumber: person.vatNumber } : {}),
      phone: person.phone ?? '06 12 34 56 78',
      dateAdd: since,
    };
    const addressId = data.addAddress({ ...address, alias: 'Livraison' });
    const billingId = data.addAddress({
      ...address,
      alias: 'Facturation',
      address1: `Service comptabilité, ${person.address1}`,
      address2: 'Bâtiment B',
    });
    people.set(person.key, { customerId, addressId, billingId, person });
  }

  const place = (spec: Spec, minutes: number): void => {
    const who = people.get(spec.who);
    if (!who) throw new Error(`no customer ${spec.who}`);
    // Keep the whole path before "now": recent orders move faster.
    const stepMinutes = spec.daysAgo <= 4 ? [30, 60, 90] : [95, 1440, 2880];
    const order = data.addOrder({
      shopId: who.person.shopId,
      customerId: who.customerId,
      addressDeliveryId: who.addressId,
      addressInvoiceId: spec.otherBilling ? who.billingId : who.addressId,
      carrierId: spec.carrierId ?? (who.person.shopId === 2 ? 4 : 3),
      lines: spec.lines,
      payment: spec.payment,
      path: spec.path,
      placedAt: at(spec.daysAgo, minutes),
      stepMinutes,
      ...(spec.currencyId ? { currencyId: spec.currencyId } : {}),
      ...(spec.cartRuleIds ? { cartRuleIds: spec.cartRuleIds } : {}),
      ...(spec.giftMessage ? { giftMessage: spec.giftMessage } : {}),
      ...(spec.paymentParts ? { paymentParts: spec.paymentParts } : {}),
      ...(spec.roundType ? { roundType: spec.roundType } : {}),
      ...(spec.note ? { note: spec.note } : {}),
      ...(spec.trackingNumber ? { trackingNumber: spec.trackingNumber } : {}),
    });
    if (spec.message) data.addCustomerMessage(order.id, spec.message);
  };

  const random = createPrng(20261127);
  SPECIAL.forEach((spec, i) => place(spec, 540 + ((i * 37) % 540)));

  // A cart split over two carriers: two orders, one reference, one payment.
  const split = people.get('sophie');
  if (split) {
    const base = {
      shopId: 1,
      customerId: split.customerId,
      addressDeliveryId: split.addressId,
      addressInvoiceId: split.addressId,
      payment: 'card' as const,
      path: [2, 3, 4],
      placedAt: at(11, 610),
    };
    data.addSplitOrder([
      { ...base, carrierId: 3, lines: [L(4, 2), L(6, 1)] },
      { ...base, carrierId: 4, lines: [L(17, 1)] },
    ]);
  }

  // Everyday orders, so that lists page and every state is well represented.
  const regulars = ['helene', 'marc', 'zoe', 'anne', 'karim', 'sophie', 'lucas', 'pro2', 'pro3'];
  for (let i = 0; i < 24; i += 1) {
    const [path, payment] = FILL_STATES[i % FILL_STATES.length] ?? [[2], 'card'];
    const lineCount = 1 + Math.floor(random() * 3);
    const lines: CartLine[] = [];
    for (let j = 0; j < lineCount; j += 1) {
      const productId = [4, 6, 7, 8, 9, 12, 13, 18][Math.floor(random() * 8)] ?? 4;
      lines.push(L(productId, 1 + Math.floor(random() * 3)));
    }
    const daysAgo = Math.max(path.length * 5, 6) + Math.floor(random() * (55 - Math.max(path.length * 5, 6)));
    place(
      {
        who: regulars[i % regulars.length] ?? 'helene',
        daysAgo,
        path,
        payment,
        lines,
        ...(payment === 'cod' ? { carrierId: 5 } : {}),
      },
      480 + Math.floor(random() * 600),
    );
  }
}
