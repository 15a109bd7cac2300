import { formatWall } from './data/local-time.js';
import type { CartLine, PaymentKind } from './data/place-order.js';
import { DemoShopData } from './data/shop-data.js';
import { PRODUCTS } from './data/catalogue.js';
import { createPrng } from './prng.js';

const PATHS: readonly (readonly [readonly number[], PaymentKind, number])[] = [
  // path, payment, weight
  [[2, 3, 4, 5], 'card', 30],
  [[2, 3, 4], 'card', 10],
  [[2, 3], 'paypal', 8],
  [[2], 'card', 10],
  [[10, 2, 3, 4, 5], 'wire', 6],
  [[10], 'wire', 5],
  [[1], 'cheque', 4],
  [[1, 2, 3, 4, 5], 'cheque', 4],
  [[13, 4, 5], 'cod', 3],
  [[13], 'cod', 2],
  [[1, 6], 'cheque', 3],
  [[2, 3, 4, 7], 'card', 2],
  [[8], 'card', 2],
  [[9], 'card', 2],
  [[11, 3], 'paypal', 3],
  [[12], 'cheque', 1],
];
const TOTAL_WEIGHT = PATHS.reduce((s, p) => s + p[2], 0);

const FIRST = [
  'Camille',
  'Léa',
  'Hugo',
  'Chloé',
  'Louis',
  'Inès',
  'Jules',
  'Manon',
  'Nathan',
  'Élodie',
  'Théo',
  'Zoé',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Lefèvre',
  "N'Diaye",
  'Moreau',
  'Fournier',
  'Girard',
  'Roux',
  'Lambert',
];
const CITIES: readonly (readonly [string, string])[] = [
  ['Paris', '75015'],
  ['Lyon', '69003'],
  ['Toulouse', '31000'],
  ['Nantes', '44000'],
  ['Bordeaux', '33000'],
  ['Lille', '59000'],
];

/**
 * Generates `count` orders over the 60 days before `now`, deterministic for a seed, through the same cart
 * → order computation as the curated shop (so every invariant holds). Customers are a pool reused across
 * orders, which keeps 100,000 orders within a few hundred megabytes.
 */
export function generateOrders(options: {
  seed: number;
  count: number;
  now: Date;
  data?: DemoShopData;
}): DemoShopData {
  const data = options.data ?? new DemoShopData({ now: options.now });
  const random = createPrng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nowWall = data.nowWall();
  const start = nowWall - 60 * 86_400_000;
  const customerCount = Math.max(20, Math.min(5000, Math.ceil(options.count / 20)));
  const customers: { id: number; addressId: number; shopId: number }[] = [];
  for (let i = 0; i < customerCount; i += 1) {
    const shopId = i % 5 === 4 ? 2 : 1;
    const [city, postcode] = pick(CITIES);
    const firstname = pick(FIRST);
    const lastname = pick(LAST);
    const since = formatWall(start - 30 * 86_400_000);
    const id = data.addCustomer({
      shopId,
      firstname,
      lastname,
      email: `client${i + 1}@example.fr`,
      dateAdd: since,
      isGuest: i % 17 === 0,
    });
    const addressId = data.addAddress({
      customerId: id,
      firstname,
      lastname,
      address1: `${1 + (i % 120)} rue de la Paix`,
      postcode,
      city,
      dateAdd: since,
    });
    customers.push({ id, addressId, shopId });
  }
  const physical = PRODUCTS.filter((p) => !p.isVirtual);
  // Orders arrive in date order, as in a real shop (ids grow with date_add).
  const span = 60 * 86_400_000 - 4 * 3_600_000;
  for (let i = 0; i < options.count; i += 1) {
    const customer = pick(customers);
    let draw = random() * TOTAL_WEIGHT;
    let chosen = PATHS[0];
    for (const p of PATHS) {
      draw -= p[2];
      if (draw <= 0) {
        chosen = p;
        break;
      }
    }
    const [path, payment] = chosen ?? [[2], 'card'];
    const placedWall = start + Math.floor((i / options.count) * span);
    const remaining = nowWall - placedWall;
    const step = Math.max(1, Math.floor(remaining / 60_000 / (path.length + 1)));
    const lineCount = 1 + Math.floor(random() * 3);
    const lines: CartLine[] = [];
    for (let j = 0; j < lineCount; j += 1) {
      const product = pick(physical);
      const combination = product.combinations.length > 0 ? pick(product.combinations) : undefined;
      lines.push({
        productId: product.id,
        quantity: 1 + Math.floor(random() * 3),
        ...(combination ? { combinationId: combination.id } : {}),
        ...(random() < 0.05 ? { reductionPercent: '10' } : {}),
      });
    }
    data.addOrder({
      shopId: customer.shopId,
      customerId: customer.id,
      addressDeliveryId: customer.addressId,
      addressInvoiceId: customer.addressId,
      carrierId: payment === 'cod' ? 5 : pick([3, 4, 5, 1]),
      lines,
      payment,
      path,
      placedAt: formatWall(placedWall),
      stepMinutes: [Math.min(step, 2880)],
      ...(random() < 0.08 ? { cartRuleIds: [pick([1, 2, 3])] } : {}),
      ...(random() < 0.03 ? { giftMessage: 'Bon anniversaire !' } : {}),
      ...(random() < 0.04 ? { currencyId: 2 } : {}),
    });
  }
  return data;
}
