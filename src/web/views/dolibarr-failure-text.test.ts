import { describe, expect, it } from 'vitest';
import {
  failureFromStatus,
  filterValueUnsupported,
  malformedAnswer,
  serverError,
  timedOut,
  unexpectedShape,
  unreachable,
  unsafePathValue,
  type DolibarrFailure,
} from '../../adapters/dolibarr/errors.js';
import { dolibarrFailureText } from './dolibarr-failure-text.js';
import { englishOr, MessageValues } from './message-values.js';

const CALL = { method: 'POST', endpoint: 'thirdparties' };

function english(failure: DolibarrFailure): string {
  return dolibarrFailureText(new MessageValues(failure.data ?? {}));
}

describe('dolibarrFailureText', () => {
  it('says a refusal in Dolibarr’s own words, quoted, and what to do', () => {
    expect(english(failureFromStatus(500, "Error Data too long for column 'nom' at row 1", CALL, true))).toBe(
      'Dolibarr refuses the data of POST thirdparties and says: “Error Data too long for column ' +
        "'nom' at row 1”. Correct the record at fault (in the shop or in Dolibarr), then run the import again.",
    );
    expect(english(failureFromStatus(400, 'Bad Request: name is mandatory', CALL, true))).toBe(
      'Dolibarr refuses POST thirdparties and says: “Bad Request: name is mandatory”. Correct what it names ' +
        '(in the shop or in Dolibarr), then try again.',
    );
    const company = { method: 'GET', endpoint: 'setup/company' };
    expect(english(failureFromStatus(500, 'Internal Server Error: SQL error', company, true))).toBe(
      'Dolibarr answered GET setup/company with an error (HTTP 500), saying “Internal Server Error: SQL ' +
        'error”: try again later; if it lasts, look at Dolibarr’s logs.',
    );
    expect(english(failureFromStatus(502, '', company, true))).toBe(
      'Dolibarr answered GET setup/company with an error (HTTP 502): try again later; if it lasts, look at ' +
        'Dolibarr’s logs.',
    );
  });

  it('says the failures navette tells itself', () => {
    expect(english(serverError(CALL, 503, 3))).toBe(
      'Dolibarr answered POST thirdparties with a server error (HTTP 503) after 3 attempt(s): try again ' +
        'later; if it lasts, look at Dolibarr’s logs.',
    );
    expect(english(serverError(CALL, undefined, 2))).toBe(
      'Dolibarr answered POST thirdparties with a server error after 2 attempt(s): try again later; if it ' +
        'lasts, look at Dolibarr’s logs.',
    );
    expect(english(timedOut(CALL, 30))).toBe(
      'Dolibarr did not answer POST thirdparties within 30 s, even after several attempts: the server may be ' +
        'overloaded; the rest will be taken up at the next run.',
    );
    expect(
      english(
        unexpectedShape({ method: 'GET', endpoint: 'orders' }, { field: 'id', issue: 'Invalid input' }),
      ),
    ).toBe(
      'Dolibarr’s answer to GET orders does not have the expected shape (id: Invalid input): this version of ' +
        'Dolibarr may not be supported.',
    );
    expect(
      english(failureFromStatus(403, 'Forbidden', { method: 'GET', endpoint: 'setup/modules' }, true)),
    ).toBe(
      'The API key’s user may not do GET setup/modules: give it the permissions of the module “API / Web services (REST server)” in ' +
        'Dolibarr, Users & Groups > the user > Permissions.',
    );
  });

  it('has English, without French, for every wording of a failure', () => {
    const failures = [
      unreachable('https://erp.example'),
      timedOut(CALL, 30),
      serverError(CALL, 503, 3),
      malformedAnswer(CALL, 200),
      unexpectedShape(CALL, 'list'),
      unexpectedShape(CALL, { field: '', issue: '' }),
      filterValueUnsupported('ref'),
      unsafePathValue('a:b'),
      ...(
        [
          [401, 'Neither parameter'],
          [401, 'Access denied'],
          [403, ''],
          [403, 'Forbidden'],
          [501, ''],
          [404, 'Not Found'],
          [409, 'Conflict'],
          [400, 'Thirdparty with id=0 can exist'],
          [400, 'sqlfilters'],
          [400, 'wrong'],
          [500, 'Data too long'],
          [500, 'Boom'],
        ] as const
      ).map(([status, detail]) =>
        failureFromStatus(status, detail, CALL, !(status === 403 && detail === '')),
      ),
    ];
    for (const failure of failures) {
      const text = english(failure);
      expect(text, failure.message).not.toMatch(/ : |Dolibarr ne |refuse |réponse|essai/);
      expect(text, failure.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('says the refusals navette words itself when writing an order into Dolibarr', () => {
    const say = (data: Record<string, string>) => dolibarrFailureText(new MessageValues(data));
    expect(say({ case: 'vat-rate-inactive', rate: '7', line: 'Savon' })).toBe(
      'The VAT rate 7 % (line “Savon”) is not active in Dolibarr: activate it in Home > Setup > ' +
        'Dictionaries, the dictionary of VAT rates.',
    );
    expect(say({ case: 'no-lines', externalKey: 'ps-1-7' })).toBe(
      'Order ps-1-7 has no line: navette does not create an empty document in Dolibarr.',
    );
    expect(say({ case: 'currency-rate-missing', externalKey: 'ps-1-7', currency: 'USD' })).toBe(
      'Order ps-1-7 is in USD without a conversion rate: check the currency’s rate in PrestaShop ' +
        '(International > Localization > Currencies).',
    );
    expect(
      say({ case: 'currency-unsupported', externalKey: 'ps-1-7', currency: 'USD', companyCurrency: 'EUR' }),
    ).toBe(
      'Order ps-1-7 is in USD, not in the Dolibarr company’s currency (EUR), and Dolibarr’s Multicurrency ' +
        'module is not enabled. Two ways out: enable the Multicurrency module in Dolibarr (Home > Setup > ' +
        'Modules/Applications > Multicurrency) and declare USD there, or choose the conversion in navette’s ' +
        'configuration (gescom.dolibarr.foreignCurrencyWithoutModule: convert) to write the document in EUR ' +
        'at the order’s rate.',
    );
    expect(say({ case: 'currency-undeclared', externalKey: 'ps-1-7', currency: 'CHF', found: 'EUR' })).toBe(
      'Order ps-1-7 is in CHF, but that currency is not declared in Dolibarr, which wrote the document in ' +
        'EUR: the draft was deleted. Add CHF in Dolibarr (Home > Setup > Modules/Applications > ' +
        'Multicurrency, then the module’s setup page), then run the import again.',
    );
    expect(say({ case: 'bank-account-missing' })).toBe(
      'No Dolibarr bank account is set for the payments: give it (gescom.dolibarr.bankAccountId) or turn ' +
        'off the import of payments.',
    );
    expect(say({ case: 'payment-type-unknown', paymentType: 'CRBT' })).toBe(
      'Payment method CRBT does not exist in Dolibarr (Home > Setup > Dictionaries, the dictionary of ' +
        'payment methods): add it or change the matching of payment methods.',
    );
    expect(say({ case: 'article-missing', reference: 'SAVON-1' })).toBe(
      'Article SAVON-1 does not exist in Dolibarr: create it (Products/Services), or choose “create the ' +
        'article” for “Unknown article” in the settings.',
    );
    expect(
      say({
        case: 'totals-differ',
        shopExcl: '1234.50',
        shopIncl: '1481.40',
        dolibarrExcl: '1234.51',
        dolibarrIncl: '1481.41',
      }),
    ).toBe(
      'The totals Dolibarr computed differ from the shop’s beyond the tolerance (shop 1,234.50 excl. VAT / ' +
        '1,481.40 incl. VAT; Dolibarr 1,234.51 excl. VAT / 1,481.41 incl. VAT): the draft was deleted; check ' +
        'Dolibarr’s VAT rates and roundings, or raise the tolerance.',
    );
    expect(
      say({
        case: 'external-key-taken',
        documentNumber: 'CO2503-0001',
        externalKey: 'ps-1-8',
        documentReference: 'AUTREBOUT',
        documentIncl: '60.00',
        orderReference: 'XKBKNABJK',
        orderIncl: '43.20',
      }),
    ).toBe(
      'Dolibarr already has document CO2503-0001 with the key ps-1-8, but it is not this order’s (document: ' +
        'reference “AUTREBOUT”, 60.00 incl. VAT; order: reference “XKBKNABJK”, 43.20 incl. VAT). Does ' +
        'another shop write into this Dolibarr with the same numbers? Check that document; navette leaves it ' +
        'alone and will try again at the next import.',
    );
  });

  it('leaves a wording it does not know, or a value missing, to the French text', () => {
    const french = 'Le texte français.';
    const say = (data: Record<string, string>) =>
      englishOr(french, () => dolibarrFailureText(new MessageValues(data)));
    expect(say({ case: 'some-new-wording' })).toBe(french);
    expect(say({ case: 'data-refused', method: 'POST' })).toBe(french);
    expect(say({})).toBe(french);
  });
});
