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
} from './errors.js';

const CALL = { method: 'POST', endpoint: 'thirdparties' };

describe('a failure of Dolibarr’s data', () => {
  it('quotes Dolibarr’s own words apart from the French message, with the call and its wording', () => {
    const detail = "Internal Server Error: Error Data too long for column 'nom' at row 1";
    const refused = failureFromStatus(500, detail, CALL, true);
    expect(refused.code).toBe('data-refused');
    expect(refused.message).toBe(
      `Dolibarr refuse les données de POST thirdparties : ${detail}. Corrigez la fiche en cause (dans la boutique ou dans Dolibarr), puis relancez l’import.`,
    );
    expect(refused.data).toEqual({ case: 'data-refused', method: 'POST', endpoint: 'thirdparties', detail });
    expect(failureFromStatus(400, 'Bad Request: name is mandatory', CALL, true).data).toEqual({
      case: 'bad-request',
      ...CALL,
      detail: 'Bad Request: name is mandatory',
    });
    expect(failureFromStatus(500, '', { method: 'GET', endpoint: 'setup/company' }, true).data).toEqual({
      case: 'server-error',
      method: 'GET',
      endpoint: 'setup/company',
      status: 500,
      detail: '',
    });
  });

  it('names the wording of every failure a page may meet', () => {
    const cases = [
      unreachable('https://erp.example'),
      timedOut(CALL, 30),
      serverError(CALL, 503, 3),
      serverError(CALL, undefined, 3),
      malformedAnswer(CALL, 200),
      unexpectedShape(CALL, 'list'),
      unexpectedShape(CALL, { field: 'id', issue: 'Invalid input' }),
      filterValueUnsupported('ref'),
      unsafePathValue('a:b'),
      ...[
        [401, 'Unauthorized: Neither parameter DOLAPIKEY nor header DOLAPIKEY were provided', true],
        [401, 'Unauthorized: Access denied', true],
        [403, '', false],
        [403, 'Forbidden', true],
        [501, '', true],
        [404, 'Not Found', true],
        [409, 'Conflict', true],
        [400, 'Bad Request: Thirdparty with id=0 can exist', true],
        [400, 'Bad Request: Error when validating parameter sqlfilters', true],
        [400, 'Bad Request: wrong', true],
        [500, 'Data too long', true],
        [500, 'Boom', true],
      ].map(([status, detail, json]) =>
        failureFromStatus(Number(status), String(detail), CALL, json === true),
      ),
    ];
    expect(cases.map((failure) => failure.data?.['case'])).toEqual([
      'dolibarr-unreachable',
      'timeout',
      'server-error-retried',
      'server-error-retried',
      'malformed-answer',
      'not-a-list',
      'unexpected-shape',
      'filter-value-unsupported',
      'unsafe-path-value',
      'key-missing',
      'key-refused',
      'waf-refused',
      'right-missing',
      'module-off',
      'not-found',
      'conflict',
      'lookup-path-broken',
      'filter-invalid',
      'bad-request',
      'data-refused',
      'server-error',
    ]);
  });

  it('keeps the French message of an answer of another shape as it was', () => {
    expect(unexpectedShape({ method: 'GET', endpoint: 'orders' }, 'list').message).toBe(
      'La réponse de Dolibarr à GET orders n’a pas la forme attendue (une liste était attendue) : cette version de Dolibarr n’est peut-être pas prise en charge.',
    );
    expect(
      unexpectedShape({ method: 'GET', endpoint: 'orders' }, { field: '', issue: '' }).message,
    ).toContain('(réponse : invalide)');
  });
});
