import { describe, expect, it } from 'vitest';

import { WebserviceFailure } from './errors.js';
import {
  type AttemptResult,
  type JudgeContext,
  judgeAttempt,
  listRecords,
  parseBody,
  singleRecord,
} from './webservice-answer.js';

const CONTEXT: JudgeContext = {
  url: 'https://boutique.example/api/orders?output_format=JSON',
  displayUrl: 'https://boutique.example',
  version: '8.1.2',
  resource: 'orders',
  method: 'GET',
};

/** An answer as the client reads it: by default a JSON answer of a bare host (no PrestaShop header). */
function answer(status: number, text: string, more: Partial<AttemptResult & { kind: 'response' }> = {}) {
  return {
    kind: 'response',
    status,
    text,
    contentType: 'application/json',
    version: undefined,
    poweredBy: '',
    retryAfter: undefined,
    ...more,
  } as const;
}

const judge = (result: AttemptResult, context: Partial<JudgeContext> = {}) =>
  judgeAttempt(result, { ...CONTEXT, ...context });

function failureOf(result: AttemptResult, context: Partial<JudgeContext> = {}): WebserviceFailure {
  const judgement = judge(result, context);
  if (judgement.kind !== 'failed') throw new Error(`expected a failure, got ${judgement.kind}`);
  return judgement.failure;
}

const ERRORS = (...codes: number[]) =>
  JSON.stringify({ errors: codes.map((code) => ({ code, message: `error ${code}` })) });

describe('judgeAttempt', () => {
  it('retries a timeout and a lost connection', () => {
    expect(judge({ kind: 'timeout' })).toEqual({ kind: 'retryable', outcome: { kind: 'timeout' } });
    expect(judge({ kind: 'network', error: new Error('reset') })).toEqual({
      kind: 'retryable',
      outcome: { kind: 'network' },
    });
  });

  it('is done with a 2xx, giving back the body, the raw text and the known version', () => {
    const text = '{"orders":[{"id":1}]}';
    expect(judge(answer(200, text))).toEqual({
      kind: 'done',
      answer: { status: 200, body: { orders: [{ id: 1 }] }, version: '8.1.2', rawText: text },
    });
    expect(judge(answer(299, '[]'), { version: undefined })).toEqual({
      kind: 'done',
      answer: { status: 299, body: [], version: undefined, rawText: '[]' },
    });
    expect(judge(answer(204, ''))).toEqual({
      kind: 'done',
      answer: { status: 204, body: undefined, version: '8.1.2', rawText: '' },
    });
  });

  it('retries a PrestaShop 200 cut short or empty, and refuses a 200 that is not PrestaShop', () => {
    const malformed = { kind: 'retryable', outcome: { kind: 'malformed' } };
    expect(judge(answer(200, '{"orders":[{"id":1}'))).toEqual(malformed);
    expect(judge(answer(200, '  [{"id":1}'))).toEqual(malformed);
    expect(judge(answer(200, '<prestashop><orders><order>', { contentType: 'text/xml' }))).toEqual(malformed);
    expect(judge(answer(200, '', { version: '8.1.2' }))).toEqual(malformed);
    expect(judge(answer(200, '', { poweredBy: 'PrestaShop Webservice' }))).toEqual(malformed);
    expect(judge(answer(200, 'cut', { poweredBy: 'prestashop' }))).toEqual(malformed);
    expect(judge(answer(200, 'cut <prestashop>'))).toEqual(malformed);
    expect(judge(answer(200, 'cut <prestashop\n'))).toEqual(malformed);

    for (const text of [
      '',
      '<html>parking</html>',
      'Hello',
      'cut <prestashopx>',
      '<p>' + ' '.repeat(500) + '<prestashop',
    ]) {
      const failure = failureOf(answer(200, text, { contentType: 'text/html' }));
      expect(failure.code).toBe('not-prestashop');
      expect(failure.status).toBe(200);
      expect(failure.message).toContain('https://boutique.example ');
    }
    // A body starting like XML with <prestashop> near its start is data, whatever its case.
    expect(judge(answer(200, '<PrestaShop><x', { contentType: 'text/html' }))).toEqual(malformed);
  });

  it('fails a 2xx listing errors PrestaShop explains, and is done with one it does not', () => {
    const failure = failureOf(answer(200, ERRORS(32), { version: '8.1.2' }));
    expect(failure.code).toBe('filter-unknown');
    expect(judge(answer(200, ERRORS(3)))).toMatchObject({ kind: 'done', answer: { status: 200 } });
  });

  it('refuses an XML answer with a DOCTYPE at once, as malformed, without the key', () => {
    const text = '<!DOCTYPE prestashop><prestashop><orders/></prestashop>';
    const failure = failureOf(answer(200, text, { contentType: 'text/xml' }), {
      url: 'https://boutique.example/api/orders?ws_key=SECRET',
    });
    expect(failure.code).toBe('malformed-answer');
    expect(failure.status).toBe(200);
    expect(failure.message).toContain('ws_key=***');
    expect(failure.message).not.toContain('SECRET');
    expect(failure.message).toContain('DOCTYPE');
  });

  it('switches to the key in the URL on a bare 401, and fails when it already was there', () => {
    expect(judge(answer(401, ''))).toEqual({ kind: 'switch-to-query-key' });
    expect(judge(answer(401, 'Unauthorized', { contentType: 'text/plain' }))).toEqual({
      kind: 'switch-to-query-key',
    });
    const failure = failureOf(answer(401, ''), { url: 'https://boutique.example/api/orders?ws_key=K' });
    expect(failure.code).toBe('key-missing');
    expect(failure.status).toBe(401);
    // A 401 with PrestaShop's errors says what is wrong with the key.
    expect(failureOf(answer(401, ERRORS(20, 21))).code).toBe('key-invalid');
  });

  it('is done with an empty body on a 404 (a missing record)', () => {
    const done = (text: string) => ({
      kind: 'done',
      answer: { status: 404, body: undefined, version: '8.1.2', rawText: text },
    });
    expect(judge(answer(404, ''))).toEqual(done(''));
    expect(judge(answer(404, '  \n'))).toEqual(done('  \n'));
    expect(judge(answer(404, '{}', { version: '8.1.2' }))).toEqual(done('{}'));
    expect(failureOf(answer(404, '<html>Not found</html>', { contentType: 'text/html' })).code).toBe(
      'not-prestashop',
    );
    expect(
      failureOf(answer(404, ERRORS(999).replace('error 999', 'This shop id does not exist')), { shop: '9' })
        .code,
    ).toBe('shop-not-found');
  });

  it('fails with what PrestaShop says, whatever the status', () => {
    const failure = failureOf(answer(500, ERRORS(32, 3)));
    expect(failure.code).toBe('filter-unknown');
    expect(failure.status).toBe(500);
    expect(failureOf(answer(403, ERRORS(26))).code).toBe('permission-denied');
  });

  it('fails on 405, 401, 403 and 404 from something that is not PrestaShop', () => {
    const denied = failureOf(answer(405, '', { contentType: 'text/html' }), {
      resource: 'order_histories',
      method: 'POST',
    });
    expect(denied.code).toBe('permission-denied');
    expect(denied.status).toBe(405);
    expect(denied.message).toContain('order_histories');
    expect(denied.message).toContain('POST');
    for (const status of [403, 404]) {
      const failure = failureOf(answer(status, '<html>no</html>', { contentType: 'text/html' }));
      expect(failure.code).toBe('not-prestashop');
      expect(failure.status).toBe(status);
    }
    expect(failureOf(answer(401, ERRORS(3))).code).toBe('not-prestashop');
  });

  it('retries any other status, with its error codes and Retry-After', () => {
    expect(judge(answer(503, '<html>busy</html>', { contentType: 'text/html', retryAfter: '5' }))).toEqual({
      kind: 'retryable',
      outcome: { kind: 'status', status: 503, errorCodes: [], retryAfter: '5' },
    });
    expect(judge(answer(500, ERRORS(3, 3)))).toEqual({
      kind: 'retryable',
      outcome: { kind: 'status', status: 500, errorCodes: [3, 3], retryAfter: undefined },
    });
    expect(judge(answer(199, ''))).toMatchObject({ kind: 'retryable', outcome: { status: 199 } });
    expect(judge(answer(300, ''))).toMatchObject({ kind: 'retryable', outcome: { status: 300 } });
  });

  it('reads error codes given as text, and ignores entries that are not errors', () => {
    const text = JSON.stringify({
      errors: [{ code: '32', message: 'Unknown filter' }, { code: 'x' }, null, 7, { code: 3, message: 5 }],
    });
    expect(judge(answer(502, text.replace('"32"', '"31"')))).toEqual({
      kind: 'retryable',
      outcome: { kind: 'status', status: 502, errorCodes: [31, 3], retryAfter: undefined },
    });
    expect(failureOf(answer(502, text)).code).toBe('filter-unknown');
    // A message that is not text is not read: a list holding "shop" does not make a 999 "no such shop".
    const listed = JSON.stringify({ errors: [{ code: 999, message: ['This shop id does not exist'] }] });
    expect(judge(answer(500, listed), { shop: '9' })).toEqual({
      kind: 'retryable',
      outcome: { kind: 'status', status: 500, errorCodes: [999], retryAfter: undefined },
    });
    for (const body of ['{"errors":"none"}', '[{"code":32}]', 'null']) {
      expect(judge(answer(502, body))).toMatchObject({ outcome: { errorCodes: [] } });
    }
  });
});

describe('parseBody', () => {
  it('reads JSON by its first character or its content type, XML only when it is PrestaShop', () => {
    expect(parseBody('', 'application/json')).toBeUndefined();
    expect(parseBody(' \n', 'text/xml')).toBeUndefined();
    expect(parseBody(' {"a":1} ', 'text/html')).toEqual({ a: 1 });
    expect(parseBody('[1]', 'text/xml')).toEqual([1]);
    expect(parseBody('"text"', 'application/json; charset=utf-8')).toBe('text');
    expect(parseBody('<prestashop><orders></orders></prestashop>', 'application/json')).toEqual({
      orders: [],
    });
    expect(parseBody('<prestashop\n><orders></orders></prestashop>', 'text/xml')).toEqual({ orders: [] });
    expect(() => parseBody('<html><body>prestashop</body></html>', 'text/html')).toThrow(
      'answer is neither JSON nor a PrestaShop XML document',
    );
    expect(() => parseBody('<prestashopx></prestashopx>', 'text/xml')).toThrow('neither JSON');
    expect(() => parseBody('x<prestashop></prestashop>', 'text/xml')).toThrow('neither JSON');
    expect(() => parseBody('"text"', 'text/plain')).toThrow('neither JSON');
  });
});

describe('listRecords and singleRecord', () => {
  it('reads a list in every shape PrestaShop sends', () => {
    expect(listRecords(undefined, 'orders', 'x')).toEqual([]);
    expect(listRecords([{ id: 1 }, 2, null, [3]], 'orders', 'x')).toEqual([{ id: 1 }]);
    expect(listRecords({ orders: [{ id: 1 }, 'x'] }, 'orders', 'x')).toEqual([{ id: 1 }]);
    expect(listRecords({ orders: { id: 1 } }, 'orders', 'x')).toEqual([{ id: 1 }]);
    expect(listRecords({ orders: '' }, 'orders', 'x')).toEqual([]);
    expect(listRecords({}, 'orders', 'x')).toEqual([]);
    expect(listRecords({ order_cart_rules: [{ id: 4 }] }, 'order_discounts', 'x')).toEqual([{ id: 4 }]);
    expect(listRecords({ other: [{ id: 5 }], orders: [{ id: 6 }] }, 'orders', 'x')).toEqual([{ id: 6 }]);
  });

  it('refuses what is not a list, saying where', () => {
    for (const [body, detail] of [
      ['text', 'liste attendue'],
      [null, 'liste attendue'],
      [{ orders: 5 }, 'liste orders attendue'],
      [{ orders: 'x' }, 'liste orders attendue'],
    ] as const) {
      let thrown: unknown;
      try {
        listRecords(body, 'orders', 'https://boutique.example/api/orders');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(WebserviceFailure);
      expect(thrown).toMatchObject({ code: 'malformed-answer' });
      expect((thrown as Error).message).toContain(`https://boutique.example/api/orders (${detail})`);
    }
  });

  it('reads the one record of a single-record answer, whatever its name', () => {
    expect(singleRecord({ order: { id: 5 } }, 'x')).toEqual({ id: 5 });
    expect(singleRecord({ order_discount: { id: 7 } }, 'x')).toEqual({ id: 7 });
    for (const body of [
      undefined,
      [],
      { order: [{ id: 5 }] },
      { a: { id: 1 }, b: { id: 2 } },
      {},
      { order: null },
    ]) {
      expect(() => singleRecord(body, 'where')).toThrow('where (enregistrement attendu)');
    }
  });
});
