import { translator } from '../i18n.js';
import { formatAmount } from './format.js';
import { type MessageValues, missingValue } from './message-values.js';

/**
 * A failure of Dolibarr's in English, from the data its French message was written from: `case` names
 * the wording, the other values what it names. Dolibarr's answers (adapters/dolibarr/errors.ts) quote its
 * own words (`detail`) as they came; the refusals navette words itself when writing an order into
 * Dolibarr (a VAT rate, a currency, a payment method…) follow. Shown on the connection page and on a
 * run's page (an order's failure); an unknown wording, or a value missing, shows the French text instead.
 */
export function dolibarrFailureText(v: MessageValues): string {
  const english = DOLIBARR_FAILURES[v.text('case')];
  if (english === undefined) missingValue();
  return english(v);
}

// The menus as Dolibarr's English setup names them.
export const MODULES_SETUP = 'Home > Setup > Modules/Applications';
export const USER_PERMISSIONS = 'Users & Groups > the user > Permissions';

/** The module an API resource needs (adapters/dolibarr/errors.ts), as Dolibarr's English setup names it. */
const API_MODULES: Readonly<Record<string, string>> = {
  thirdparties: 'Third Parties',
  contacts: 'Third Parties',
  products: 'Products or Services',
  proposals: 'Proposals',
  orders: 'Sales Orders',
  invoices: 'Invoices',
  bankaccounts: 'Banks & Cash',
  shipments: 'Shipments',
  setup: 'API / Web services (REST server)',
  status: 'API / Web services (REST server)',
};

/** The module of a resource, or the resource itself, as the French message says it. */
function apiModule(v: MessageValues): string {
  const resource = v.text('resource');
  return Object.hasOwn(API_MODULES, resource) ? (API_MODULES[resource] ?? resource) : resource;
}

/** `GET setup/company`. */
function call(v: MessageValues): string {
  return `${v.text('method')} ${v.text('endpoint')}`;
}

/** Dolibarr's own words, quoted. */
function said(v: MessageValues): string {
  return `“${v.text('detail')}”`;
}

const LATER = 'try again later; if it lasts, look at Dolibarr’s logs.';

const MULTICURRENCY_MODULE = `${MODULES_SETUP} > Multicurrency`;
export const MULTICURRENCY_SETUP = `${MULTICURRENCY_MODULE}, then the module’s setup page`;

/** An amount of the data (decimal text) the English way. */
function amountOf(v: MessageValues, name: string): string {
  return formatAmount(v.text(name), 'en');
}

/** The refusals navette words itself when writing an order into Dolibarr, by their `case`. */
const REFUSALS: Readonly<Record<string, (v: MessageValues) => string>> = {
  'no-lines': (v) =>
    `Order ${v.text('externalKey')} has no line: navette does not create an empty document in Dolibarr.`,
  'vat-rate-inactive': (v) =>
    `The VAT rate ${v.text('rate')} % (line “${v.text('line')}”) is not active in Dolibarr: activate it in ` +
    'Home > Setup > Dictionaries, the dictionary of VAT rates.',
  'currency-rate-missing': (v) =>
    `Order ${v.text('externalKey')} is in ${v.text('currency')} without a conversion rate: check the ` +
    'currency’s rate in PrestaShop (International > Localization > Currencies).',
  'currency-unsupported': (v) => {
    const currency = v.text('currency');
    const company = v.text('companyCurrency');
    return (
      `Order ${v.text('externalKey')} is in ${currency}, not in the Dolibarr company’s currency ` +
      `(${company}), and Dolibarr’s Multicurrency module is not enabled. Two ways out: enable the ` +
      `Multicurrency module in Dolibarr (${MULTICURRENCY_MODULE}) and declare ${currency} there, or choose ` +
      'the conversion in navette’s configuration (gescom.dolibarr.foreignCurrencyWithoutModule: convert) ' +
      `to write the document in ${company} at the order’s rate.`
    );
  },
  'currency-undeclared': (v) =>
    `Order ${v.text('externalKey')} is in ${v.text('currency')}, but that currency is not declared in ` +
    `Dolibarr, which wrote the document in ${v.text('found')}: the draft was deleted. Add ` +
    `${v.text('currency')} in Dolibarr (${MULTICURRENCY_SETUP}), then run the import again.`,
  'bank-account-missing': () =>
    'No Dolibarr bank account is set for the payments: give it (gescom.dolibarr.bankAccountId) or turn off ' +
    'the import of payments.',
  'payment-type-unknown': (v) =>
    `Payment method ${v.text('paymentType')} does not exist in Dolibarr (Home > Setup > Dictionaries, the ` +
    'dictionary of payment methods): add it or change the matching of payment methods.',
  'article-missing': (v) => {
    // The setting as the English settings page names it.
    const t = translator('en');
    return (
      `Article ${v.text('reference')} does not exist in Dolibarr: create it (Products/Services), or choose ` +
      `“${t('unknownCreate')}” for “${t('unknownArticle')}” in the settings.`
    );
  },
  'totals-differ': (v) =>
    `The totals Dolibarr computed differ from the shop’s beyond the tolerance (shop ` +
    `${amountOf(v, 'shopExcl')} excl. VAT / ${amountOf(v, 'shopIncl')} incl. VAT; Dolibarr ` +
    `${amountOf(v, 'dolibarrExcl')} excl. VAT / ${amountOf(v, 'dolibarrIncl')} incl. VAT): the draft was ` +
    'deleted; check Dolibarr’s VAT rates and roundings, or raise the tolerance.',
  'external-key-taken': (v) =>
    `Dolibarr already has document ${v.text('documentNumber')} with the key ${v.text('externalKey')}, but ` +
    `it is not this order’s (document: reference “${v.text('documentReference')}”, ` +
    `${amountOf(v, 'documentIncl')} incl. VAT; order: reference “${v.text('orderReference')}”, ` +
    `${amountOf(v, 'orderIncl')} incl. VAT). Does another shop write into this Dolibarr with the same ` +
    'numbers? Check that document; navette leaves it alone and will try again at the next import.',
};

/** The English of each wording, by its `case` (the connection page's own codes reuse some). */
export const DOLIBARR_FAILURES: Readonly<Record<string, (v: MessageValues) => string>> = {
  'dolibarr-unreachable': (v) =>
    `Dolibarr does not answer at ${v.text('url')}: check the address in the configuration, that the ` +
    'server is running and that this computer can reach it.',
  timeout: (v) =>
    `Dolibarr did not answer ${call(v)} within ${v.text('seconds')} s, even after several attempts: the ` +
    'server may be overloaded; the rest will be taken up at the next run.',
  'server-error-retried': (v) => {
    const status = v.optionalText('status');
    return (
      `Dolibarr answered ${call(v)} with a server error${status === undefined ? '' : ` (HTTP ${status})`} ` +
      `after ${v.text('attempts')} attempt(s): ${LATER}`
    );
  },
  'server-error': (v) =>
    `Dolibarr answered ${call(v)} with an error (HTTP ${v.text('status')})` +
    `${v.text('detail') === '' ? '' : `, saying ${said(v)}`}: ${LATER}`,
  'malformed-answer': (v) =>
    `Dolibarr’s answer to ${call(v)} cannot be read (HTTP ${v.text('status')}): a module or a proxy may be ` +
    'altering the API’s answers.',
  'not-a-list': (v) =>
    `Dolibarr’s answer to ${call(v)} does not have the expected shape (a list was expected): this version ` +
    'of Dolibarr may not be supported.',
  'unexpected-shape': (v) =>
    `Dolibarr’s answer to ${call(v)} does not have the expected shape (${v.text('field') || 'answer'}: ` +
    `${v.text('issue') || 'invalid'}): this version of Dolibarr may not be supported.`,
  'filter-value-unsupported': (v) =>
    `The value searched in “${v.text('field')}” holds a parenthesis, which the filters of Dolibarr’s API ` +
    '(sqlfilters) cannot search.',
  'unsafe-path-value': (v) =>
    `The value “${v.text('value')}” cannot be part of an API address: Dolibarr’s firewall refuses “:” and ` +
    'special characters in the path.',
  'key-missing': () => 'Dolibarr received no API key: set NAVETTE_DOLIBARR_KEY or the key file.',
  'key-refused': () =>
    'Dolibarr refuses the API key (unknown, its user disabled or outside its validity dates): check it in ' +
    'Dolibarr, Users & Groups > the API’s user, its key for the API.',
  'waf-refused': (v) =>
    `Dolibarr’s firewall refused ${call(v)} (a forbidden character in the address): this is a navette ` +
    'error, please report it.',
  'right-missing': (v) =>
    `The API key’s user may not do ${call(v)}: give it the permissions of the module “${apiModule(v)}” in ` +
    `Dolibarr, ${USER_PERMISSIONS}.`,
  'module-off': (v) =>
    `Dolibarr does not offer ${v.text('resource')} through its API: enable the module “${apiModule(v)}” ` +
    `in ${MODULES_SETUP}.`,
  'not-found': (v) => `Dolibarr does not find what ${call(v)} asks for.`,
  conflict: (v) => `Dolibarr reports a duplicate for ${call(v)}.`,
  'lookup-path-broken': (v) =>
    `This version of Dolibarr cannot look up by ${call(v)} (answer 400): navette must go through the list ` +
    'filters.',
  'filter-invalid': (v) => `Dolibarr refuses the filter of ${call(v)}.`,
  'bad-request': (v) =>
    `Dolibarr refuses ${call(v)} and says: ${said(v)}. Correct what it names (in the shop or in ` +
    'Dolibarr), then try again.',
  'data-refused': (v) =>
    `Dolibarr refuses the data of ${call(v)} and says: ${said(v)}. Correct the record at fault (in the ` +
    'shop or in Dolibarr), then run the import again.',
  ...REFUSALS,
};
