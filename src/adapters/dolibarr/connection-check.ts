import { z } from 'zod';
import { connectionMessage, type ConnectionMessage } from '../../ports/order-source.js';
import type { DolibarrClient } from './dolibarr-client.js';
import { DolibarrFailure } from './errors.js';
import type { ForeignCurrencyWithoutModule } from './foreign-currency.js';

/** What "Tester la connexion" learns about the Dolibarr side. */
export interface DolibarrCheck {
  readonly url: string;
  /** e.g. `23.0.0-beta`; empty when Dolibarr did not answer. */
  readonly version: string;
  /**
   * Each missing piece, one clear French sentence saying where to fix it in Dolibarr (with its code and
   * values, for the English page).
   */
  readonly problems: readonly ConnectionMessage[];
  /** What fails some orders only (a shop currency Dolibarr lacks), said the same way; imports still run. */
  readonly warnings?: readonly ConnectionMessage[];
}

/**
 * Modules (as `/setup/modules` names them) navette needs, and where Dolibarr's setup calls them (the
 * first name is the message's `module` value).
 */
const MODULES: readonly { readonly names: readonly string[]; readonly label: string }[] = [
  { names: ['societe'], label: 'Tiers' },
  { names: ['product', 'service'], label: 'Produits ou Services' },
  { names: ['propal'], label: 'Propositions commerciales' },
  { names: ['commande'], label: 'Commandes' },
  { names: ['facture'], label: 'Factures et avoirs' },
];

/** One read per resource navette writes: a key without the right answers 403. */
const READS: readonly { readonly resource: string; readonly right: string }[] = [
  { resource: 'thirdparties', right: 'Tiers : consulter et créer' },
  // The shipping contacts of orders delivered elsewhere than billed.
  { resource: 'contacts', right: 'Tiers : consulter et créer les contacts' },
  { resource: 'products', right: 'Produits : consulter et créer' },
  { resource: 'proposals', right: 'Propositions commerciales : consulter, créer, valider et clôturer' },
  { resource: 'orders', right: 'Commandes : consulter, créer et valider' },
  { resource: 'invoices', right: 'Factures : consulter, créer, valider et enregistrer les règlements' },
];

const OLDEST_MAJOR = 19;

/**
 * A failure of Dolibarr as the check says it: its own French message, with a code and values for the
 * English page — its own code for what the check tells apart (the key refused or missing, Dolibarr out of
 * reach, a call refused), else `dolibarr-failed` with the failure's data (its wording and values, Dolibarr's
 * own words among them). Only an error that is no DolibarrFailure (a bug) goes without a code.
 */
export function failureMessage(error: unknown, url: string): ConnectionMessage {
  const text = error instanceof Error ? error.message : String(error);
  if (!(error instanceof DolibarrFailure)) return connectionMessage(text);
  switch (error.code) {
    case 'dolibarr-unreachable':
      return connectionMessage(text, 'dolibarr-unreachable', { url });
    case 'key-refused':
      return connectionMessage(text, 'dolibarr-key-refused');
    case 'key-missing':
      return connectionMessage(text, 'dolibarr-key-missing');
    case 'right-missing':
    case 'module-off': {
      if (error.call === undefined) return connectionMessage(text);
      const resource = error.call.endpoint.split('/')[0] ?? '';
      return error.code === 'right-missing'
        ? connectionMessage(text, 'dolibarr-call-refused', {
            method: error.call.method,
            endpoint: error.call.endpoint,
            resource,
          })
        : connectionMessage(text, 'dolibarr-api-module-off', { resource });
    }
    default:
      return error.data === undefined
        ? connectionMessage(text)
        : connectionMessage(text, 'dolibarr-failed', error.data);
  }
}

/**
 * Checks one Dolibarr for what navette's configuration needs: its version, the modules, the key's
 * rights, the VAT rates of the company's country, the payment-type dictionary and the bank account.
 * A Dolibarr that does not answer, or refuses the key, is the only problem reported (nothing else can
 * be told then).
 */
export async function checkDolibarr(
  client: DolibarrClient,
  url: string,
  needs: {
    readonly payments: boolean;
    readonly bankAccountId: number | undefined;
    /** Whose customer codes new third parties get: navette's (`WEB000042`) or Dolibarr's numbering. */
    readonly customerCode?: 'navette' | 'dolibarr';
    /** The shop's active currencies (ISO codes), when known: each must be declared in Multi-devise. */
    readonly shopCurrencies?: readonly string[];
    /** The shop's default currency, when known: navette takes it for the company's currency in Dolibarr. */
    readonly shopDefaultCurrency?: string;
    /** What becomes of an order in another currency with Multi-devise off. Default `refuse`. */
    readonly foreignCurrencyWithoutModule?: ForeignCurrencyWithoutModule;
  },
): Promise<DolibarrCheck> {
  let version: string;
  try {
    version = (await client.status()).success.dolibarr_version;
  } catch (error) {
    return { url, version: '', problems: [failureMessage(error, url)] };
  }
  const problems: ConnectionMessage[] = [];
  const major = Number(version.split('.')[0]);
  if (!(major >= OLDEST_MAJOR))
    problems.push(
      connectionMessage(
        `Dolibarr ${version} est trop ancien : navette demande Dolibarr ${OLDEST_MAJOR} ou plus récent (mettez Dolibarr à jour).`,
        'dolibarr-too-old',
        { version, oldest: OLDEST_MAJOR },
      ),
    );
  const modules = new Set(await client.modules());
  const wanted = needs.payments ? [...MODULES, { names: ['banque'], label: 'Banques et caisses' }] : MODULES;
  for (const module of wanted)
    if (!module.names.some((name) => modules.has(name)))
      problems.push(
        connectionMessage(
          `Le module « ${module.label} » n’est pas activé dans Dolibarr : activez-le dans Accueil > Configuration > Modules/Applications.`,
          'dolibarr-module-off',
          { module: module.names[0] ?? module.label },
        ),
      );
  for (const read of READS) {
    try {
      await client.list(read.resource, z.unknown(), { limit: 1 });
    } catch (error) {
      if (error instanceof DolibarrFailure && error.code === 'right-missing')
        problems.push(
          connectionMessage(
            `La clé de l’API n’a pas le droit « ${read.right} » : donnez-le à l’utilisateur de navette dans Dolibarr (Utilisateurs & Groupes > l’utilisateur > Permissions).`,
            'dolibarr-right-missing',
            { resource: read.resource },
          ),
        );
      else if (!(error instanceof DolibarrFailure && error.code === 'module-off')) throw error;
    }
  }
  // A right or module missing for one of these is one more problem; the others are still checked.
  const settle = async (check: () => Promise<void>): Promise<void> => {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof DolibarrFailure && ['right-missing', 'module-off'].includes(error.code)))
        throw error;
      problems.push(failureMessage(error, url));
    }
  };
  await settle(async () => {
    const rates = (await client.vatRates()).filter((rate) => rate.active === 1);
    if (rates.length === 0)
      problems.push(
        connectionMessage(
          'Aucun taux de TVA n’est actif pour le pays de la société dans Dolibarr : activez-les dans Configuration > Dictionnaires > Taux de TVA.',
          'dolibarr-no-vat-rate',
        ),
      );
  });
  if (needs.payments) await settle(() => checkPayments(client, needs.bankAccountId, problems));
  if (needs.customerCode !== 'dolibarr') await checkCustomerNumbering(client, problems);
  const warnings: ConnectionMessage[] = [];
  if (needs.shopCurrencies !== undefined || needs.shopDefaultCurrency !== undefined)
    await settle(() =>
      checkCurrencies(
        client,
        {
          shopCurrencies: needs.shopCurrencies ?? [],
          shopDefaultCurrency: needs.shopDefaultCurrency,
          multicurrency: modules.has('multicurrency'),
          withoutModule: needs.foreignCurrencyWithoutModule ?? 'refuse',
        },
        { problems, warnings },
      ),
    );
  return { url, version, problems, ...(warnings.length > 0 && { warnings }) };
}

const declaredCurrencySchema = z.object({ code: z.string() });

const MULTICURRENCY_SETUP =
  'Accueil > Configuration > Modules/Applications > Multi-devise, puis la page de configuration du module';

/** `USD` / `USD et CHF` / `USD, CHF et GBP`. */
function listed(codes: readonly string[]): string {
  return codes.length <= 1 ? codes.join('') : `${codes.slice(0, -1).join(', ')} et ${codes.at(-1) ?? ''}`;
}

/**
 * The shop's currencies against Dolibarr's:
 * - navette takes the shop's default currency for the company's (the shop's rates are against it):
 *   two different ones would put every amount in the wrong currency — a problem;
 * - with Multi-devise on, each other currency of the shop must be declared in Dolibarr, else its orders
 *   fail (Dolibarr would write them in the company's currency);
 * - with it off, orders in another currency are refused unless the setting says to convert them.
 * A warning names the orders that will fail; the others import meanwhile.
 */
async function checkCurrencies(
  client: DolibarrClient,
  shop: {
    readonly shopCurrencies: readonly string[];
    readonly shopDefaultCurrency: string | undefined;
    readonly multicurrency: boolean;
    readonly withoutModule: ForeignCurrencyWithoutModule;
  },
  said: { readonly problems: ConnectionMessage[]; readonly warnings: ConnectionMessage[] },
): Promise<void> {
  const company = (await client.company()).currency_code;
  if (company === '') return;
  if (shop.shopDefaultCurrency !== undefined && shop.shopDefaultCurrency !== company)
    said.problems.push(
      connectionMessage(
        `La devise par défaut de la boutique (${shop.shopDefaultCurrency}) n’est pas celle de la société dans Dolibarr (${company}) : navette suppose que c’est la même, et les montants écrits dans Dolibarr seraient faux. Mettez la même devise des deux côtés : dans Dolibarr, Accueil > Configuration > Société/Organisation (devise principale), ou dans PrestaShop, International > Localisation > Configuration (devise par défaut).`,
        'dolibarr-default-currency-differs',
        { shopCurrency: shop.shopDefaultCurrency, companyCurrency: company ?? '' },
      ),
    );
  const foreign = shop.shopCurrencies.filter((code) => code !== company);
  if (foreign.length === 0) return;
  if (!shop.multicurrency) {
    if (shop.withoutModule === 'refuse')
      said.warnings.push(
        connectionMessage(
          `La boutique accepte des commandes en ${listed(foreign)}, mais le module Multi-devise de Dolibarr n’est pas activé : navette refusera ces commandes. Deux possibilités : activez le module dans Dolibarr (${MULTICURRENCY_SETUP}) et déclarez-y ${listed(foreign)}, ou choisissez « La convertir au taux de la commande » pour le réglage « Commande dans une autre devise que celle de la société Dolibarr » (gescom.dolibarr.foreignCurrencyWithoutModule: convert) : elles seront écrites en ${company}.`,
          'dolibarr-multicurrency-off',
          { currencies: foreign, companyCurrency: company ?? '' },
        ),
      );
    return;
  }
  const declared = new Set(
    (await client.list('multicurrencies', declaredCurrencySchema, { limit: 100 })).map(
      (currency) => currency.code,
    ),
  );
  const missing = foreign.filter((code) => !declared.has(code));
  const declares = declared.size === 0 ? 'il n’en déclare aucune' : `il déclare ${listed([...declared])}`;
  if (missing.length > 0)
    said.warnings.push(
      connectionMessage(
        `La boutique accepte des commandes en ${listed(missing)}, ${missing.length > 1 ? 'devises' : 'devise'} que Dolibarr ne déclare pas (${declares}) : ${missing.length > 1 ? 'déclarez-les' : 'déclarez-la'} dans Dolibarr (${MULTICURRENCY_SETUP}). Jusque-là, ces commandes échoueront.`,
        'dolibarr-currency-undeclared',
        { currencies: missing, declared: [...declared] },
      ),
    );
}

/** The numbering module that keeps the codes it is given (Dolibarr's "Leopard"). */
const FREE_CODES = 'mod_codeclient_leopard';

/**
 * navette's own codes (`WEB000042`) need Dolibarr's free numbering: Monkey, the installer's default,
 * refuses them and every new customer's order would fail (real exchange 001). Reading the setting needs
 * an administrator's key: without one, nothing is said (the import says it, order by order).
 */
async function checkCustomerNumbering(client: DolibarrClient, problems: ConnectionMessage[]): Promise<void> {
  let numbering: string;
  try {
    numbering = await client.get('setup/conf/SOCIETE_CODECLIENT_ADDON', z.string());
  } catch (error) {
    if (error instanceof DolibarrFailure) return;
    throw error;
  }
  if (numbering !== FREE_CODES)
    problems.push(
      connectionMessage(
        `Dolibarr numérote lui-même les codes clients (${numbering.replace('mod_codeclient_', 'module « ')} ») et refusera ceux de navette (WEB000042) : mettez gescom.dolibarr.customerCode: dolibarr dans la configuration, ou choisissez la numérotation « Leopard » (codes libres) dans Dolibarr > Configuration > Modules/Applications > Tiers.`,
        'dolibarr-customer-numbering',
        { numbering: numbering.replace('mod_codeclient_', '') },
      ),
    );
}

async function checkPayments(
  client: DolibarrClient,
  bankAccountId: number | undefined,
  problems: ConnectionMessage[],
): Promise<void> {
  if ((await client.paymentTypes()).length === 0)
    problems.push(
      connectionMessage(
        'Le dictionnaire des modes de paiement de Dolibarr est vide : ajoutez-les dans Configuration > Dictionnaires > Modes de paiement.',
        'dolibarr-no-payment-type',
      ),
    );
  if (bankAccountId === undefined) {
    problems.push(
      connectionMessage(
        'Aucun compte bancaire n’est configuré pour les règlements : indiquez gescom.dolibarr.bankAccountId (l’identifiant du compte dans Dolibarr, Banques et caisses).',
        'dolibarr-no-bank-account',
      ),
    );
    return;
  }
  const accounts = await client.bankAccounts();
  if (!accounts.some((account) => account.id === bankAccountId))
    problems.push(
      connectionMessage(
        `Le compte bancaire ${bankAccountId} n’existe pas dans Dolibarr : créez-le dans Banques et caisses, ou corrigez gescom.dolibarr.bankAccountId.`,
        'dolibarr-bank-account-missing',
        { bankAccountId },
      ),
    );
}
