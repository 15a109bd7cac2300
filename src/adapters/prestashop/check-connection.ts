import type { Shop } from '../../domain/shop-order.js';
import {
  connectionMessage,
  type ConnectionMessage,
  type ConnectionReport,
} from '../../ports/order-source.js';
import { isExpectedFailure } from '../../domain/failure.js';
import { verb, WEBSERVICE_SETTINGS } from './errors.js';
import type { WebserviceClient } from './webservice-client.js';
import type { WireCurrency } from './wire-schemas.js';
import { parseXmlTree } from './xml.js';

type Method = ConnectionReport['permissions'][string][number];
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

/**
 * What navette does with each right, as the French message says it; its key is the message's `purpose`
 * value, for the English page (web/views/connection-message-text.ts).
 */
const PURPOSES = {
  orders: 'lire les commandes',
  'order-lines': 'lire les lignes des commandes et leur TVA',
  'order-states': 'lire les statuts de commande',
  customers: 'lire les clients',
  addresses: 'lire les adresses',
  payments: 'lire les règlements',
  'order-carriers': 'lire les transporteurs des commandes',
  'order-vouchers': 'lire les bons de réduction des commandes',
  currencies: 'lire les devises',
  carriers: 'lire les transporteurs',
  countries: 'lire les pays',
  taxes: 'lire les taux de TVA',
  shops: 'lire les boutiques',
  'state-history': "lire l'historique des statuts",
  'address-states': 'lire les états et provinces des adresses',
  languages: 'lire les langues',
  'customer-messages': 'lire les messages des clients',
  'change-states': 'changer le statut des commandes',
  'tracking-numbers': 'écrire les numéros de suivi',
} as const;

export type ShopRightPurpose = keyof typeof PURPOSES;

/** What navette needs, resource by resource, and what goes wrong without it. */
interface Need {
  readonly resource: string;
  readonly method: Method;
  readonly purpose: ShopRightPurpose;
  /** Only a warning: the import still works without it. */
  readonly optional?: boolean;
}

function needs(version: string): Need[] {
  const cartRules = version.startsWith('1.6') ? 'order_discounts' : 'order_cart_rules';
  const read = (resource: string, purpose: ShopRightPurpose, optional = false): Need => ({
    resource,
    method: 'GET',
    purpose,
    optional,
  });
  return [
    read('orders', 'orders'),
    read('order_details', 'order-lines'),
    read('order_states', 'order-states'),
    read('customers', 'customers'),
    read('addresses', 'addresses'),
    read('order_payments', 'payments'),
    read('order_carriers', 'order-carriers'),
    read(cartRules, 'order-vouchers'),
    read('currencies', 'currencies'),
    read('carriers', 'carriers'),
    read('countries', 'countries'),
    read('taxes', 'taxes'),
    read('shops', 'shops'),
    read('order_histories', 'state-history'),
    read('states', 'address-states', true),
    read('languages', 'languages', true),
    read('customer_threads', 'customer-messages', true),
    read('customer_messages', 'customer-messages', true),
    { resource: 'order_histories', method: 'POST', purpose: 'change-states', optional: true },
    { resource: 'order_carriers', method: 'PUT', purpose: 'tracking-numbers', optional: true },
  ];
}

/**
 * "Tester la connexion": `GET /api/` lists the resources the key may use and with which methods, in
 * XML whatever is asked (8.1.2/01_api_root.xml); the version comes from the `PSWS-Version` header. Failures of the shop itself (unreachable, bad key) are
 * thrown; missing permissions become plain-language problems. The shops, then the currencies (one call
 * each, when the key may read them), tell the installation's shops and the currencies it takes orders in.
 */
export async function checkConnection(
  client: WebserviceClient,
  readShops: () => Promise<readonly Shop[]>,
  readCurrencies: () => Promise<readonly WireCurrency[]>,
): Promise<ConnectionReport> {
  const answer = await client.root();
  const permissions = permissionsOf(answer.rawText);
  const version = client.version ?? answer.version ?? '';
  const problems: ConnectionMessage[] = [];
  const warnings: ConnectionMessage[] = [];
  if (version === '')
    problems.push(
      connectionMessage(
        "La boutique n'indique pas sa version de PrestaShop (en-tête PSWS-Version absent).",
        'shop-version-missing',
      ),
    );
  for (const need of needs(version)) {
    if (permissions[need.resource]?.includes(need.method)) continue;
    const purpose = PURPOSES[need.purpose];
    const consequence = need.optional
      ? ` (sans cela, navette ne pourra pas ${purpose})`
      : ` : navette en a besoin pour ${purpose}`;
    (need.optional ? warnings : problems).push(
      connectionMessage(
        `La clé ne peut pas ${verb(need.method)} ${need.resource} : cochez ${need.method} pour ${need.resource} dans ${WEBSERVICE_SETTINGS}${consequence}.`,
        'shop-permission-missing',
        {
          resource: need.resource,
          method: need.method,
          purpose: need.purpose,
          optional: need.optional === true,
        },
      ),
    );
  }
  let shops: readonly Shop[] = [];
  if (permissions['shops']?.includes('GET')) {
    try {
      shops = await readShops();
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      problems.push(connectionMessage(error.message));
    }
  }
  let currencies: ShopCurrencies = {};
  if (permissions['currencies']?.includes('GET')) {
    try {
      currencies = shopCurrencies(await readCurrencies());
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      problems.push(connectionMessage(error.message));
    }
  }
  return { url: client.displayUrl, version, shops, ...currencies, permissions, problems, warnings };
}

type ShopCurrencies = Pick<ConnectionReport, 'currencies' | 'defaultCurrency'>;

/**
 * The currencies the shop takes orders in, and its default one: PrestaShop keeps every other's
 * `conversion_rate` against it, so it is the one at rate 1 (8.1.2/47_currencies_full.xml: EUR 1, USD
 * 1.085). `PS_CURRENCY_DEFAULT` would say it too, but reading `configurations` needs a right navette
 * does not ask for. Two currencies at rate 1 leave it unknown.
 */
export function shopCurrencies(records: readonly WireCurrency[]): ShopCurrencies {
  const active = records.filter((record) => record.active !== false && record.deleted !== true);
  const atOne = active.filter((record) => record.conversion_rate.equals(1));
  const codes = [...new Set(active.map((record) => record.iso_code))];
  const only = atOne.length === 1 ? atOne[0] : undefined;
  return { currencies: codes, ...(only !== undefined && { defaultCurrency: only.iso_code }) };
}

/** `<api><orders get="true" post="false" …/>…</api>` → resource → allowed methods. */
export function permissionsOf(rootXml: string): Record<string, Method[]> {
  const tree = parseXmlTree(rootXml);
  const api = (tree['prestashop'] as Record<string, unknown> | undefined)?.['api'];
  const permissions: Record<string, Method[]> = {};
  if (api === null || typeof api !== 'object') return permissions;
  for (const [resource, node] of Object.entries(api as Record<string, unknown>)) {
    if (resource.startsWith('@_') || resource === '#text' || node === null || typeof node !== 'object')
      continue;
    const attributes = node as Record<string, unknown>;
    permissions[resource] = METHODS.filter((method) => attributes[`@_${method.toLowerCase()}`] === 'true');
  }
  return permissions;
}
