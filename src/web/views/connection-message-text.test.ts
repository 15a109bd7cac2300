import { describe, expect, it } from 'vitest';
import {
  connectionMessage,
  type ConnectionMessage,
  type ConnectionMessageCode,
  type ConnectionMessageData,
} from '../../ports/order-source.js';
import { connectionMessageText } from './connection-message-text.js';

const FRENCH = 'Le texte français tel que le CLI l’écrit.';

function english(code: ConnectionMessageCode, data?: ConnectionMessageData): string {
  return connectionMessageText(connectionMessage(FRENCH, code, data), 'en');
}

describe('connectionMessageText', () => {
  it('shows the French text as written on a French page, whatever its code', () => {
    const message = connectionMessage(FRENCH, 'dolibarr-too-old', { version: '18.0.4', oldest: 19 });
    expect(connectionMessageText(message, 'fr')).toBe(FRENCH);
    expect(connectionMessageText({ ...message, side: 'dolibarr' }, 'fr')).toBe(FRENCH);
  });

  it('shows a message without a code, or whose values are not those expected, in French', () => {
    expect(connectionMessageText(connectionMessage('Dolibarr ne répond pas.'), 'en')).toBe(
      'Dolibarr ne répond pas.',
    );
    expect(english('dolibarr-too-old', {})).toBe(FRENCH);
    expect(english('dolibarr-module-off', { module: 'unknown' })).toBe(FRENCH);
    expect(english('shop-permission-missing', { resource: 'orders', method: 'GET', purpose: 'x' })).toBe(
      FRENCH,
    );
    expect(english('dolibarr-currency-undeclared', { currencies: 'USD', declared: [] })).toBe(FRENCH);
  });

  it('says the shop’s version missing', () => {
    expect(english('shop-version-missing')).toBe(
      'The shop does not tell its PrestaShop version (no PSWS-Version header in its answer).',
    );
  });

  it('says a right the key lacks, where to tick it in PrestaShop’s English back office, and what it is for', () => {
    expect(
      english('shop-permission-missing', {
        resource: 'order_details',
        method: 'GET',
        purpose: 'order-lines',
        optional: false,
      }),
    ).toBe(
      'The key cannot read order_details: tick GET for order_details in Advanced Parameters > Webservice; ' +
        'navette needs it to read the orders’ lines and their VAT.',
    );
    expect(
      english('shop-permission-missing', {
        resource: 'order_histories',
        method: 'POST',
        purpose: 'change-states',
        optional: true,
      }),
    ).toBe(
      'The key cannot create order_histories: tick POST for order_histories in Advanced Parameters > ' +
        'Webservice (without it, navette cannot change the orders’ states).',
    );
    expect(
      english('shop-permission-missing', {
        resource: 'order_carriers',
        method: 'PUT',
        purpose: 'tracking-numbers',
        optional: true,
      }),
    ).toBe(
      'The key cannot modify order_carriers: tick PUT for order_carriers in Advanced Parameters > ' +
        'Webservice (without it, navette cannot write the tracking numbers).',
    );
  });

  it('has English for every purpose the shop’s check names', () => {
    const purposes = [
      'orders',
      'order-lines',
      'order-states',
      'customers',
      'addresses',
      'payments',
      'order-carriers',
      'order-vouchers',
      'currencies',
      'carriers',
      'countries',
      'taxes',
      'shops',
      'state-history',
      'address-states',
      'languages',
      'customer-messages',
      'change-states',
      'tracking-numbers',
    ];
    for (const purpose of purposes)
      expect(
        english('shop-permission-missing', { resource: 'r', method: 'GET', purpose, optional: false }),
        purpose,
      ).toMatch(/^The key cannot read r: .*; navette needs it to [a-z]/);
  });

  it('says a Dolibarr side message prefixed with “Dolibarr:”', () => {
    const message: ConnectionMessage = {
      ...connectionMessage(`Dolibarr : ${FRENCH}`, 'dolibarr-too-old', { version: '18.0.4', oldest: 19 }),
      side: 'dolibarr',
    };
    expect(connectionMessageText(message, 'en')).toBe(
      'Dolibarr: Dolibarr 18.0.4 is too old: navette needs Dolibarr 19 or newer (update Dolibarr).',
    );
    // Without English, the French text, prefix included.
    expect(connectionMessageText({ ...message, data: {} }, 'en')).toBe(`Dolibarr : ${FRENCH}`);
  });

  it('names a module off and a right missing as Dolibarr’s English setup does', () => {
    expect(english('dolibarr-module-off', { module: 'propal' })).toBe(
      'The module “Proposals” is not enabled in Dolibarr: enable it in Home > Setup > ' +
        'Modules/Applications.',
    );
    for (const module of ['societe', 'product', 'propal', 'commande', 'facture', 'banque'])
      expect(english('dolibarr-module-off', { module }), module).not.toBe(FRENCH);
    expect(english('dolibarr-right-missing', { resource: 'contacts' })).toBe(
      'The API key lacks the permission “Third parties: read and create contacts”: give it to navette’s ' +
        'user in Dolibarr (Users & Groups > the user > Permissions).',
    );
    for (const resource of ['thirdparties', 'contacts', 'products', 'proposals', 'orders', 'invoices'])
      expect(english('dolibarr-right-missing', { resource }), resource).not.toBe(FRENCH);
  });

  it('says Dolibarr out of reach, the key refused or missing, a call refused, an API module off', () => {
    expect(english('dolibarr-unreachable', { url: 'https://erp.example' })).toBe(
      'Dolibarr does not answer at https://erp.example: check the address in the configuration, that the ' +
        'server is running and that this computer can reach it.',
    );
    expect(english('dolibarr-key-refused')).toBe(
      'Dolibarr refuses the API key (unknown, its user disabled or outside its validity dates): check it in ' +
        'Dolibarr, Users & Groups > the API’s user, its key for the API.',
    );
    expect(english('dolibarr-key-missing')).toBe(
      'Dolibarr received no API key: set NAVETTE_DOLIBARR_KEY or the key file.',
    );
    expect(english('dolibarr-key-not-set')).toBe(
      'No key for Dolibarr’s API: set the NAVETTE_DOLIBARR_KEY variable or “gescom.dolibarr.keyFile” in the ' +
        'configuration (in Dolibarr: Users & Groups > navette’s user, its key for the API).',
    );
    expect(
      english('dolibarr-call-refused', { method: 'GET', endpoint: 'bankaccounts', resource: 'bankaccounts' }),
    ).toBe(
      'The API key’s user may not do GET bankaccounts: give it the permissions of the module “Banks & Cash” ' +
        'in Dolibarr, Users & Groups > the user > Permissions.',
    );
    expect(english('dolibarr-api-module-off', { resource: 'setup' })).toBe(
      'Dolibarr does not offer setup through its API: enable the module “API / Web services (REST server)” in Home > Setup > ' +
        'Modules/Applications.',
    );
    // A resource without a module named: the resource, as the French text says it.
    expect(english('dolibarr-api-module-off', { resource: 'widgets' })).toBe(
      'Dolibarr does not offer widgets through its API: enable the module “widgets” in Home > Setup > ' +
        'Modules/Applications.',
    );
  });

  it('says a key file for Dolibarr refused: unreadable (missing) or not a key (empty…)', () => {
    expect(english('dolibarr-key-file-unreadable', { path: '/etc/navette/dolibarr.key' })).toBe(
      'The key file /etc/navette/dolibarr.key cannot be read: check its path and its permissions.',
    );
    expect(english('dolibarr-key-file-invalid', { path: 'dolibarr.key' })).toBe(
      'The key file dolibarr.key does not hold a Dolibarr API key: it must hold the key alone, 32 letters ' +
        'and digits (in Dolibarr: Users & Groups > navette’s user, its key for the API). Check the path; its ' +
        'content was sent nowhere.',
    );
    // Kept without its path: the French text.
    expect(english('dolibarr-key-file-invalid')).toBe(FRENCH);
  });

  it('says any other failure of Dolibarr’s by its wording, Dolibarr’s own words quoted', () => {
    const message: ConnectionMessage = {
      ...connectionMessage(`Dolibarr : ${FRENCH}`, 'dolibarr-failed', {
        case: 'server-error',
        method: 'GET',
        endpoint: 'multicurrencies',
        status: 500,
        detail: 'Error fetching currencies',
      }),
      side: 'dolibarr',
    };
    expect(connectionMessageText(message, 'en')).toBe(
      'Dolibarr: Dolibarr answered GET multicurrencies with an error (HTTP 500), saying “Error fetching ' +
        'currencies”: try again later; if it lasts, look at Dolibarr’s logs.',
    );
    expect(connectionMessageText(message, 'fr')).toBe(`Dolibarr : ${FRENCH}`);
    // A wording this version does not know: the French text.
    expect(english('dolibarr-failed', { case: 'new-wording' })).toBe(FRENCH);
  });

  it('says the VAT rates, the payment methods and the bank account', () => {
    expect(english('dolibarr-no-vat-rate')).toBe(
      'No VAT rate is active for the company’s country in Dolibarr: activate them in Home > Setup > ' +
        'Dictionaries, the dictionary of VAT rates.',
    );
    expect(english('dolibarr-no-payment-type')).toBe(
      'Dolibarr’s dictionary of payment methods is empty: add them in Home > Setup > Dictionaries, the ' +
        'dictionary of payment methods.',
    );
    expect(english('dolibarr-no-bank-account')).toBe(
      'No bank account is set for the payments: give gescom.dolibarr.bankAccountId (the id of the account ' +
        'among Dolibarr’s bank accounts).',
    );
    expect(english('dolibarr-bank-account-missing', { bankAccountId: 99 })).toBe(
      'Bank account 99 does not exist in Dolibarr: create it among Dolibarr’s bank accounts, or correct ' +
        'gescom.dolibarr.bankAccountId.',
    );
  });

  it('says Dolibarr’s own customer numbering', () => {
    expect(english('dolibarr-customer-numbering', { numbering: 'monkey' })).toBe(
      'Dolibarr numbers the customer codes itself (module “monkey”) and will refuse navette’s (WEB000042): ' +
        'set gescom.dolibarr.customerCode: dolibarr in the configuration, or choose the “Leopard” numbering ' +
        '(free codes) in Dolibarr, Home > Setup > Modules/Applications > Third Parties.',
    );
  });

  it('says the currencies: a default that differs, Multicurrency off, currencies not declared', () => {
    expect(
      english('dolibarr-default-currency-differs', { shopCurrency: 'USD', companyCurrency: 'EUR' }),
    ).toBe(
      'The shop’s default currency (USD) is not the Dolibarr company’s (EUR): navette assumes they are the ' +
        'same, and the amounts written in Dolibarr would be wrong. Use the same currency on both sides: in ' +
        'Dolibarr, Home > Setup > Company/Organization (main currency), or in PrestaShop, International > ' +
        'Localization > Configuration (default currency).',
    );
    expect(english('dolibarr-multicurrency-off', { currencies: ['USD'], companyCurrency: 'EUR' })).toBe(
      'The shop takes orders in USD, but Dolibarr’s Multicurrency module is not enabled: navette will refuse ' +
        'those orders. Two ways out: enable the module in Dolibarr (Home > Setup > Modules/Applications > ' +
        'Multicurrency, then the module’s setup page) and declare USD there, or choose “Convert it at the ' +
        'order’s rate” for the setting “Order in another currency than the Dolibarr company’s” ' +
        '(gescom.dolibarr.foreignCurrencyWithoutModule: convert): they will be written in EUR.',
    );
    expect(
      english('dolibarr-currency-undeclared', {
        currencies: ['CHF', 'JPY'],
        declared: ['EUR', 'USD', 'GBP'],
      }),
    ).toBe(
      'The shop takes orders in CHF and JPY, currencies Dolibarr does not declare (it declares EUR, USD and ' +
        'GBP): declare them in Dolibarr (Home > Setup > Modules/Applications > Multicurrency, then the ' +
        'module’s setup page). Until then, those orders will fail.',
    );
    expect(english('dolibarr-currency-undeclared', { currencies: ['USD'], declared: [] })).toBe(
      'The shop takes orders in USD, a currency Dolibarr does not declare (it declares none): declare it in ' +
        'Dolibarr (Home > Setup > Modules/Applications > Multicurrency, then the module’s setup page). Until ' +
        'then, those orders will fail.',
    );
  });
});
