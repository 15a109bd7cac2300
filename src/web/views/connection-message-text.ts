import type { ConnectionMessage, ConnectionMessageCode } from '../../ports/order-source.js';
import { translator, type Language } from '../i18n.js';
import {
  DOLIBARR_FAILURES,
  dolibarrFailureText,
  MODULES_SETUP,
  MULTICURRENCY_SETUP,
  USER_PERMISSIONS,
} from './dolibarr-failure-text.js';
import { verb, WEBSERVICE_SETTINGS } from './failure-text.js';
import { keyFileEnglish } from './key-file-text.js';
import { englishOr, MessageValues } from './message-values.js';

/**
 * A message of "Tester la connexion" in the page's language. French pages show it as written (what the
 * CLI prints); English pages render it from its code and values. A message without a code (a failure
 * told as it came) or whose values are not those expected is shown in French rather than not at all.
 */
export function connectionMessageText(message: ConnectionMessage, language: Language): string {
  const { code } = message;
  if (language === 'fr' || code === undefined) return message.text;
  const values = new MessageValues(message.data ?? {});
  return englishOr(message.text, () => {
    const english = ENGLISH[code](values);
    return message.side === 'dolibarr' ? `Dolibarr: ${english}` : english;
  });
}

/** `USD` / `USD and CHF` / `USD, CHF and GBP`. */
function listed(codes: readonly string[]): string {
  return codes.length <= 1 ? codes.join('') : `${codes.slice(0, -1).join(', ')} and ${codes.at(-1) ?? ''}`;
}

/** What navette does with each right of the shop's key (the `purpose` of adapters/prestashop). */
const PURPOSES: Readonly<Record<string, string>> = {
  orders: 'read the orders',
  'order-lines': 'read the orders’ lines and their VAT',
  'order-states': 'read the order states',
  customers: 'read the customers',
  addresses: 'read the addresses',
  payments: 'read the payments',
  'order-carriers': 'read the orders’ carriers',
  'order-vouchers': 'read the orders’ vouchers',
  currencies: 'read the currencies',
  carriers: 'read the carriers',
  countries: 'read the countries',
  taxes: 'read the VAT rates',
  shops: 'read the shops',
  'state-history': 'read the history of order states',
  'address-states': 'read the states and provinces of addresses',
  languages: 'read the languages',
  'customer-messages': 'read the customers’ messages',
  'change-states': 'change the orders’ states',
  'tracking-numbers': 'write the tracking numbers',
};

/** Dolibarr's modules navette needs, by their name in `/setup/modules`, as its English setup names them. */
const MODULES: Readonly<Record<string, string>> = {
  societe: 'Third Parties',
  product: 'Products or Services',
  propal: 'Proposals',
  commande: 'Sales Orders',
  facture: 'Invoices',
  banque: 'Banks & Cash',
};

/** The right the key lacks, by the resource that answered 403. */
const RIGHTS: Readonly<Record<string, string>> = {
  thirdparties: 'Third parties: read and create',
  contacts: 'Third parties: read and create contacts',
  products: 'Products: read and create',
  proposals: 'Proposals: read, create, validate and close',
  orders: 'Sales orders: read, create and validate',
  invoices: 'Invoices: read, create, validate and record payments',
};

function permissionText(v: MessageValues): string {
  const resource = v.text('resource');
  const method = v.text('method');
  const purpose = v.named('purpose', PURPOSES);
  const consequence = v.flag('optional')
    ? ` (without it, navette cannot ${purpose})`
    : `; navette needs it to ${purpose}`;
  return `The key cannot ${verb(method)} ${resource}: tick ${method} for ${resource} in ${WEBSERVICE_SETTINGS}${consequence}.`;
}

function multicurrencyOffText(v: MessageValues): string {
  const currencies = listed(v.codes('currencies'));
  // The setting as the English settings page names it.
  const t = translator('en');
  return (
    `The shop takes orders in ${currencies}, but Dolibarr’s Multicurrency module is not enabled: navette ` +
    `will refuse those orders. Two ways out: enable the module in Dolibarr (${MULTICURRENCY_SETUP}) and ` +
    `declare ${currencies} there, or choose “${t('foreignCurrencyConvert')}” for the setting ` +
    `“${t('foreignCurrencyWithoutModule')}” (gescom.dolibarr.foreignCurrencyWithoutModule: convert): ` +
    `they will be written in ${v.text('companyCurrency')}.`
  );
}

function undeclaredText(v: MessageValues): string {
  const missing = v.codes('currencies');
  const declared = v.codes('declared');
  const several = missing.length > 1;
  const declares = declared.length === 0 ? 'it declares none' : `it declares ${listed(declared)}`;
  return (
    `The shop takes orders in ${listed(missing)}, ${several ? 'currencies' : 'a currency'} Dolibarr does ` +
    `not declare (${declares}): declare ${several ? 'them' : 'it'} in Dolibarr (${MULTICURRENCY_SETUP}). ` +
    'Until then, those orders will fail.'
  );
}

/** A failure of Dolibarr's the check names by a code of its own, in the words of that failure's `case`. */
function failure(wording: string): (values: MessageValues) => string {
  const english = DOLIBARR_FAILURES[wording];
  if (english === undefined) throw new Error(`no English for Dolibarr's failure ${wording}`);
  return english;
}

/** The English of each message, from the values of its French text. */
const ENGLISH: Readonly<Record<ConnectionMessageCode, (values: MessageValues) => string>> = {
  'shop-version-missing': () =>
    'The shop does not tell its PrestaShop version (no PSWS-Version header in its answer).',
  'shop-permission-missing': permissionText,
  'dolibarr-unreachable': failure('dolibarr-unreachable'),
  'dolibarr-key-refused': failure('key-refused'),
  'dolibarr-key-missing': failure('key-missing'),
  'dolibarr-key-not-set': () =>
    'No key for Dolibarr’s API: set the NAVETTE_DOLIBARR_KEY variable or “gescom.dolibarr.keyFile” in the ' +
    'configuration (in Dolibarr: Users & Groups > navette’s user, its key for the API).',
  'dolibarr-key-file-unreadable': (v) =>
    keyFileEnglish({ code: 'key-file-unreadable', path: v.text('path') }),
  'dolibarr-key-file-invalid': (v) =>
    keyFileEnglish({ code: 'key-file-invalid', owner: 'dolibarr', path: v.text('path') }),
  'dolibarr-call-refused': failure('right-missing'),
  'dolibarr-failed': dolibarrFailureText,
  'dolibarr-api-module-off': failure('module-off'),
  'dolibarr-too-old': (v) =>
    `Dolibarr ${v.text('version')} is too old: navette needs Dolibarr ${v.text('oldest')} or newer ` +
    '(update Dolibarr).',
  'dolibarr-module-off': (v) =>
    `The module “${v.named('module', MODULES)}” is not enabled in Dolibarr: enable it in ${MODULES_SETUP}.`,
  'dolibarr-right-missing': (v) =>
    `The API key lacks the permission “${v.named('resource', RIGHTS)}”: give it to navette’s user in ` +
    `Dolibarr (${USER_PERMISSIONS}).`,
  'dolibarr-no-vat-rate': () =>
    'No VAT rate is active for the company’s country in Dolibarr: activate them in Home > Setup > ' +
    'Dictionaries, the dictionary of VAT rates.',
  'dolibarr-no-payment-type': () =>
    'Dolibarr’s dictionary of payment methods is empty: add them in Home > Setup > Dictionaries, the ' +
    'dictionary of payment methods.',
  'dolibarr-no-bank-account': () =>
    'No bank account is set for the payments: give gescom.dolibarr.bankAccountId (the id of the account ' +
    'among Dolibarr’s bank accounts).',
  'dolibarr-bank-account-missing': (v) =>
    `Bank account ${v.text('bankAccountId')} does not exist in Dolibarr: create it among Dolibarr’s bank ` +
    'accounts, or correct gescom.dolibarr.bankAccountId.',
  'dolibarr-customer-numbering': (v) =>
    `Dolibarr numbers the customer codes itself (module “${v.text('numbering')}”) and will refuse ` +
    'navette’s (WEB000042): set gescom.dolibarr.customerCode: dolibarr in the configuration, or choose ' +
    `the “Leopard” numbering (free codes) in Dolibarr, ${MODULES_SETUP} > Third Parties.`,
  'dolibarr-default-currency-differs': (v) =>
    `The shop’s default currency (${v.text('shopCurrency')}) is not the Dolibarr company’s ` +
    `(${v.text('companyCurrency')}): navette assumes they are the same, and the amounts written in ` +
    'Dolibarr would be wrong. Use the same currency on both sides: in Dolibarr, Home > Setup > ' +
    'Company/Organization (main currency), or in PrestaShop, International > Localization > ' +
    'Configuration (default currency).',
  'dolibarr-multicurrency-off': multicurrencyOffText,
  'dolibarr-currency-undeclared': undeclaredText,
};
