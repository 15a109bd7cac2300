import { z } from 'zod';
import type { DolibarrClient } from './dolibarr-client.js';
import { DolibarrFailure } from './errors.js';

/** What "Tester la connexion" learns about the Dolibarr side. */
export interface DolibarrCheck {
  readonly url: string;
  /** e.g. `23.0.0-beta`; empty when Dolibarr did not answer. */
  readonly version: string;
  /** Each missing piece, one clear French sentence saying where to fix it in Dolibarr. */
  readonly problems: readonly string[];
  /** What fails some orders only (a shop currency Dolibarr lacks), said the same way; imports still run. */
  readonly warnings?: readonly string[];
}

/** Modules (as `/setup/modules` names them) navette needs, and where Dolibarr's setup calls them. */
const MODULES: readonly { readonly names: readonly string[]; readonly label: string }[] = [
  { names: ['societe'], label: 'Tiers' },
  { names: ['product', 'service'], label: 'Produits ou Services' },
  { names: ['propal'], label: 'Propositions commerciales' },
  { names: ['commande'], label: 'Commandes clients' },
  { names: ['facture'], label: 'Factures et avoirs' },
];

/** One read per resource navette writes: a key without the right answers 403. */
const READS: readonly { readonly resource: string; readonly right: string }[] = [
  { resource: 'thirdparties', right: 'Tiers : consulter et créer' },
  // The shipping contacts of orders delivered elsewhere than billed.
  { resource: 'contacts', right: 'Tiers : consulter et créer les contacts' },
  { resource: 'products', right: 'Produits : consulter et créer' },
  { resource: 'proposals', right: 'Propositions commerciales : consulter, créer, valider et clôturer' },
  { resource: 'orders', right: 'Commandes clients : consulter, créer et valider' },
  { resource: 'invoices', right: 'Factures : consulter, créer, valider et enregistrer les règlements' },
];

const OLDEST_MAJOR = 19;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
    /** The shop's active currencies (ISO codes), when known: each must be declared in Multi-devises. */
    readonly shopCurrencies?: readonly string[];
  },
): Promise<DolibarrCheck> {
  let version: string;
  try {
    version = (await client.status()).success.dolibarr_version;
  } catch (error) {
    return { url, version: '', problems: [messageOf(error)] };
  }
  const problems: string[] = [];
  const major = Number(version.split('.')[0]);
  if (!(major >= OLDEST_MAJOR))
    problems.push(
      `Dolibarr ${version} est trop ancien : navette demande Dolibarr ${OLDEST_MAJOR} ou plus récent (mettez Dolibarr à jour).`,
    );
  const modules = new Set(await client.modules());
  const wanted = needs.payments ? [...MODULES, { names: ['banque'], label: 'Banques et caisses' }] : MODULES;
  for (const module of wanted)
    if (!module.names.some((name) => modules.has(name)))
      problems.push(
        `Le module « ${module.label} » n’est pas activé dans Dolibarr : activez-le dans Accueil > Configuration > Modules/Applications.`,
      );
  for (const read of READS) {
    try {
      await client.list(read.resource, z.unknown(), { limit: 1 });
    } catch (error) {
      if (error instanceof DolibarrFailure && error.code === 'right-missing')
        problems.push(
          `La clé de l’API n’a pas le droit « ${read.right} » : donnez-le à l’utilisateur de navette dans Dolibarr (Utilisateurs & Groupes > l’utilisateur > Permissions).`,
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
      problems.push(error.message);
    }
  };
  await settle(async () => {
    const rates = (await client.vatRates()).filter((rate) => rate.active === 1);
    if (rates.length === 0)
      problems.push(
        'Aucun taux de TVA n’est actif pour le pays de la société dans Dolibarr : activez-les dans Configuration > Dictionnaires > Taux de TVA.',
      );
  });
  if (needs.payments) await settle(() => checkPayments(client, needs.bankAccountId, problems));
  if (needs.customerCode !== 'dolibarr') await checkCustomerNumbering(client, problems);
  const warnings: string[] = [];
  if (modules.has('multicurrency') && needs.shopCurrencies !== undefined)
    await settle(() => checkCurrencies(client, needs.shopCurrencies ?? [], warnings));
  return { url, version, problems, ...(warnings.length > 0 && { warnings }) };
}

const declaredCurrencySchema = z.object({ code: z.string() });

/**
 * With Multi-devises on, each of the shop's currencies must be declared in Dolibarr: a document in an
 * undeclared one would be written in the company's currency, and navette fails its order. (With the
 * module off, an order in another currency is refused or converted as the setting says: nothing to check.)
 */
async function checkCurrencies(
  client: DolibarrClient,
  shopCurrencies: readonly string[],
  warnings: string[],
): Promise<void> {
  const declared = new Set(
    (await client.list('multicurrencies', declaredCurrencySchema, { limit: 100 })).map(
      (currency) => currency.code,
    ),
  );
  const missing = shopCurrencies.filter((code) => !declared.has(code));
  if (missing.length > 0)
    warnings.push(
      `La boutique a des commandes possibles en ${missing.join(', ')}, devise${missing.length > 1 ? 's' : ''} que Dolibarr ne déclare pas (il déclare ${[...declared].join(', ')}) : ajoutez-la${missing.length > 1 ? 's' : ''} dans Dolibarr (Configuration > Multi-devises), sinon ces commandes échoueront.`,
    );
}

/** The numbering module that keeps the codes it is given (Dolibarr's "Leopard"). */
const FREE_CODES = 'mod_codeclient_leopard';

/**
 * navette's own codes (`WEB000042`) need Dolibarr's free numbering: Monkey, the installer's default,
 * refuses them and every new customer's order would fail (real exchange 001). Reading the setting needs
 * an administrator's key: without one, nothing is said (the import says it, order by order).
 */
async function checkCustomerNumbering(client: DolibarrClient, problems: string[]): Promise<void> {
  let numbering: string;
  try {
    numbering = await client.get('setup/conf/SOCIETE_CODECLIENT_ADDON', z.string());
  } catch (error) {
    if (error instanceof DolibarrFailure) return;
    throw error;
  }
  if (numbering !== FREE_CODES)
    problems.push(
      `Dolibarr numérote lui-même les codes clients (${numbering.replace('mod_codeclient_', 'module « ')} ») et refusera ceux de navette (WEB000042) : mettez gescom.dolibarr.customerCode: dolibarr dans la configuration, ou choisissez la numérotation « Leopard » (codes libres) dans Dolibarr > Configuration > Modules/Applications > Tiers.`,
    );
}

async function checkPayments(
  client: DolibarrClient,
  bankAccountId: number | undefined,
  problems: string[],
): Promise<void> {
  if ((await client.paymentTypes()).length === 0)
    problems.push(
      'Le dictionnaire des modes de paiement de Dolibarr est vide : ajoutez-les dans Configuration > Dictionnaires > Modes de paiement.',
    );
  if (bankAccountId === undefined) {
    problems.push(
      'Aucun compte bancaire n’est configuré pour les règlements : indiquez gescom.dolibarr.bankAccountId (l’identifiant du compte dans Dolibarr, Banques et caisses).',
    );
    return;
  }
  const accounts = await client.bankAccounts();
  if (!accounts.some((account) => account.id === bankAccountId))
    problems.push(
      `Le compte bancaire ${bankAccountId} n’existe pas dans Dolibarr : créez-le dans Banques et caisses, ou corrigez gescom.dolibarr.bankAccountId.`,
    );
}
