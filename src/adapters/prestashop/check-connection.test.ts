import { describe, expect, it } from 'vitest';

import { shopCurrencies } from './check-connection.js';
import { fixtureText } from './testing/recorded-fixtures.js';
import { listRecords, parseBody } from './webservice-answer.js';
import { currencySchema, parseRecords, type WireCurrency } from './wire-schemas.js';

function currenciesOf(file: string, single = false): WireCurrency[] {
  const body = parseBody(fixtureText(file), file.endsWith('.json') ? 'application/json' : 'text/xml');
  const raws = single
    ? [Object.values(body as Record<string, Record<string, unknown>>)[0] ?? {}]
    : listRecords(body, 'currencies', file);
  return parseRecords(currencySchema, raws).records;
}

describe('the shop’s currencies in « Tester la connexion »', () => {
  it('gives the active currencies and the default one, at rate 1, from the recorded 8.1.2 answers', () => {
    for (const file of ['8.1.2/47_currencies_full.xml', '8.1.2/46_currencies_full.json'])
      expect(shopCurrencies(currenciesOf(file))).toEqual({
        currencies: ['EUR', 'USD'],
        defaultCurrency: 'EUR',
      });
  });

  it('reads a 1.6 currency the same way', () => {
    const euro = currenciesOf('1.6.1/test_import_basedata/249_GET_currencies_1.response.xml', true);
    expect(shopCurrencies(euro)).toEqual({ currencies: ['EUR'], defaultCurrency: 'EUR' });
  });

  it('leaves out a currency switched off or deleted, and the default when two are at rate 1', () => {
    const [euro, dollar] = currenciesOf('8.1.2/47_currencies_full.xml');
    if (euro === undefined || dollar === undefined) throw new Error('two currencies recorded');
    expect(shopCurrencies([euro, { ...dollar, active: false }])).toEqual({
      currencies: ['EUR'],
      defaultCurrency: 'EUR',
    });
    expect(shopCurrencies([euro, { ...dollar, deleted: true }]).currencies).toEqual(['EUR']);
    const pegged = { ...dollar, conversion_rate: euro.conversion_rate };
    expect(shopCurrencies([euro, pegged])).toEqual({ currencies: ['EUR', 'USD'] });
  });
});
