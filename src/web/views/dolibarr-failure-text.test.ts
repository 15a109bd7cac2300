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
      'The API key’s user may not do GET setup/modules: give it the permissions of the module “API REST” in ' +
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

  it('leaves a wording it does not know, or a value missing, to the French text', () => {
    const french = 'Le texte français.';
    const say = (data: Record<string, string>) =>
      englishOr(french, () => dolibarrFailureText(new MessageValues(data)));
    expect(say({ case: 'some-new-wording' })).toBe(french);
    expect(say({ case: 'data-refused', method: 'POST' })).toBe(french);
    expect(say({})).toBe(french);
  });
});
