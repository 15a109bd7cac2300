import { type MessageValues, missingValue } from './message-values.js';

/**
 * A failure of Dolibarr's in English, from the data its French message was written from
 * (adapters/dolibarr/errors.ts): `case` names the wording, the other values what it names. Dolibarr's own
 * words (`detail`) are quoted as they came. Shown on the connection page and on a run's page (an order's
 * failure); an unknown wording, or a value missing, shows the French text instead.
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
  products: 'Products (or Services)',
  proposals: 'Commercial Proposals',
  orders: 'Sales Orders',
  invoices: 'Invoices',
  bankaccounts: 'Banks & Cash',
  shipments: 'Shipments',
  setup: 'API REST',
  status: 'API REST',
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
};
