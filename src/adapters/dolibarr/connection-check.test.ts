import { describe, expect, it } from 'vitest';
import { createDemoDolibarr } from '../../demo-dolibarr/index.js';
import { systemClock } from '../../ports/clock.js';
import type { ConnectionMessage } from '../../ports/order-source.js';
import { checkDolibarr, failureMessage } from './connection-check.js';
import { DolibarrClient } from './dolibarr-client.js';
import { failureFromStatus, timedOut } from './errors.js';

/** The messages' French texts, as the CLI prints them. */
function texts(messages: readonly ConnectionMessage[] | undefined): string[] | undefined {
  return messages?.map((message) => message.text);
}

function setup(key?: string) {
  const dolibarr = createDemoDolibarr();
  const client = new DolibarrClient({
    url: dolibarr.url,
    key: key ?? dolibarr.key,
    fetch: dolibarr.fetch,
    clock: systemClock,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
  return { dolibarr, client };
}

describe('checkDolibarr', () => {
  it('finds nothing to fix on a Dolibarr set up for navette, and says its version', async () => {
    const { dolibarr, client } = setup();
    const bankAccountId = await client.createBankAccount();
    const check = await checkDolibarr(client, dolibarr.url, { payments: true, bankAccountId });
    expect(check).toEqual({ url: dolibarr.url, version: '23.0.0-beta', problems: [] });
  });

  it('with Multi-devise on, names the shop’s currencies Dolibarr does not declare and where to declare them', async () => {
    const { dolibarr, client } = setup();
    dolibarr.setModule('multicurrency', true);
    const needs = { payments: false, bankAccountId: undefined, shopCurrencies: ['EUR', 'USD', 'CHF', 'JPY'] };
    const check = await checkDolibarr(client, dolibarr.url, needs);
    expect(check.problems).toEqual([]);
    expect(texts(check.warnings)).toEqual([
      'La boutique accepte des commandes en CHF et JPY, devises que Dolibarr ne déclare pas (il déclare EUR, USD et GBP) : déclarez-les dans Dolibarr (Accueil > Configuration > Modules/Applications > Multi-devise, puis la page de configuration du module). Jusque-là, ces commandes échoueront.',
    ]);
    expect(check.warnings?.[0]).toMatchObject({
      code: 'dolibarr-currency-undeclared',
      data: { currencies: ['CHF', 'JPY'], declared: ['EUR', 'USD', 'GBP'] },
    });
    const declared = await checkDolibarr(client, dolibarr.url, { ...needs, shopCurrencies: ['EUR', 'USD'] });
    expect(declared).toEqual({ url: dolibarr.url, version: '23.0.0-beta', problems: [] });
  });

  it('with Multi-devise off, says the shop’s other currencies will be refused and the two ways out', async () => {
    const { dolibarr, client } = setup();
    const needs = { payments: false, bankAccountId: undefined, shopCurrencies: ['EUR', 'USD'] };
    const refused = await checkDolibarr(client, dolibarr.url, needs);
    expect(refused.problems).toEqual([]);
    expect(texts(refused.warnings)).toEqual([
      'La boutique accepte des commandes en USD, mais le module Multi-devise de Dolibarr n’est pas activé : navette refusera ces commandes. Deux possibilités : activez le module dans Dolibarr (Accueil > Configuration > Modules/Applications > Multi-devise, puis la page de configuration du module) et déclarez-y USD, ou choisissez « La convertir au taux de la commande » pour le réglage « Commande dans une autre devise que celle de la société Dolibarr » (gescom.dolibarr.foreignCurrencyWithoutModule: convert) : elles seront écrites en EUR.',
    ]);
    expect(refused.warnings?.[0]).toMatchObject({
      code: 'dolibarr-multicurrency-off',
      data: { currencies: ['USD'], companyCurrency: 'EUR' },
    });
    const converted = await checkDolibarr(client, dolibarr.url, {
      ...needs,
      foreignCurrencyWithoutModule: 'convert',
    });
    expect(converted.warnings).toBeUndefined();
    const euroOnly = await checkDolibarr(client, dolibarr.url, { ...needs, shopCurrencies: ['EUR'] });
    expect(euroOnly.warnings).toBeUndefined();
  });

  it('says a shop whose default currency is not the company’s in Dolibarr cannot be imported', async () => {
    const { dolibarr, client } = setup();
    dolibarr.setModule('multicurrency', true);
    const check = await checkDolibarr(client, dolibarr.url, {
      payments: false,
      bankAccountId: undefined,
      shopCurrencies: ['USD', 'EUR'],
      shopDefaultCurrency: 'USD',
    });
    expect(texts(check.problems)).toEqual([
      'La devise par défaut de la boutique (USD) n’est pas celle de la société dans Dolibarr (EUR) : navette suppose que c’est la même, et les montants écrits dans Dolibarr seraient faux. Mettez la même devise des deux côtés : dans Dolibarr, Accueil > Configuration > Société/Organisation (devise principale), ou dans PrestaShop, International > Localisation > Configuration (devise par défaut).',
    ]);
    expect(check.problems[0]).toMatchObject({
      code: 'dolibarr-default-currency-differs',
      data: { shopCurrency: 'USD', companyCurrency: 'EUR' },
    });
    expect(check.warnings).toBeUndefined();
    const same = await checkDolibarr(client, dolibarr.url, {
      payments: false,
      bankAccountId: undefined,
      shopCurrencies: ['EUR'],
      shopDefaultCurrency: 'EUR',
    });
    expect(same.problems).toEqual([]);
  });

  it('says when Dolibarr numbers customer codes itself and navette would give its own', async () => {
    const { dolibarr, client } = setup();
    dolibarr.store.constants.set('SOCIETE_CODECLIENT_ADDON', 'mod_codeclient_monkey');
    const own = await checkDolibarr(client, dolibarr.url, { payments: false, bankAccountId: undefined });
    expect(texts(own.problems)).toEqual([expect.stringContaining('gescom.dolibarr.customerCode: dolibarr')]);
    expect(own.problems[0]?.text).toContain('« monkey »');
    expect(own.problems[0]).toMatchObject({
      code: 'dolibarr-customer-numbering',
      data: { numbering: 'monkey' },
    });
    const dolibarrs = await checkDolibarr(client, dolibarr.url, {
      payments: false,
      bankAccountId: undefined,
      customerCode: 'dolibarr',
    });
    expect(dolibarrs.problems).toEqual([]);
  });

  it('says in French where to switch a module on, and which rights to give', async () => {
    const { dolibarr, client } = setup('LIMITEDKEY0000000000000000000001');
    dolibarr.addKey('LIMITEDKEY0000000000000000000001', {
      rights: [
        'societe:read',
        'societe:write',
        'produit:read',
        'produit:write',
        'commande:read',
        'commande:write',
      ],
    });
    dolibarr.setModule('propal', false);
    const check = await checkDolibarr(client, dolibarr.url, { payments: true, bankAccountId: 99 });
    expect(texts(check.problems)?.join('\n')).toContain('« Propositions commerciales » n’est pas activé');
    expect(texts(check.problems)?.join('\n')).toContain('droit « Factures');
    expect(texts(check.problems)?.join('\n')).toContain('droit « Tiers : consulter et créer les contacts »');
    expect(texts(check.problems)?.join('\n')).toContain('Banques et caisses');
    expect(check.problems).toContainEqual(
      expect.objectContaining({ code: 'dolibarr-module-off', data: { module: 'propal' } }),
    );
    expect(check.problems).toContainEqual(
      expect.objectContaining({ code: 'dolibarr-right-missing', data: { resource: 'contacts' } }),
    );
    // The bank accounts refused to this key: Dolibarr's own refusal, with the call it refused.
    expect(check.problems).toContainEqual(
      expect.objectContaining({
        code: 'dolibarr-call-refused',
        data: { method: 'GET', endpoint: 'bankaccounts', resource: 'bankaccounts' },
      }),
    );
  });

  it('reports a refused key as the only problem', async () => {
    const { dolibarr, client } = setup('WRONGKEY000000000000000000000000');
    const check = await checkDolibarr(client, dolibarr.url, { payments: false, bankAccountId: undefined });
    expect(check.version).toBe('');
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ code: 'dolibarr-key-refused' });
  });
});

describe('checkDolibarr and the bank account', () => {
  it('says when the configured bank account does not exist', async () => {
    const { dolibarr, client } = setup();
    const check = await checkDolibarr(client, dolibarr.url, { payments: true, bankAccountId: 99 });
    expect(texts(check.problems)).toEqual([expect.stringContaining('Le compte bancaire 99 n’existe pas')]);
  });

  it('gives any other failure of Dolibarr’s its French text with the code and data of its wording', () => {
    const words = 'Error fetching currencies';
    const failure = failureFromStatus(500, words, { method: 'GET', endpoint: 'multicurrencies' }, true);
    expect(failureMessage(failure, 'https://erp.example')).toEqual({
      text: `Dolibarr a répondu par une erreur (HTTP 500) à GET multicurrencies : ${words}.`,
      code: 'dolibarr-failed',
      data: { case: 'server-error', method: 'GET', endpoint: 'multicurrencies', status: 500, detail: words },
    });
    expect(failureMessage(timedOut({ method: 'GET', endpoint: 'setup/company' }, 30), '')).toMatchObject({
      code: 'dolibarr-failed',
      data: { case: 'timeout', seconds: 30 },
    });
    // A bug is no failure of Dolibarr's: its text alone.
    expect(failureMessage(new TypeError('x is undefined'), '')).toEqual({ text: 'x is undefined' });
  });
});
