import { describe, expect, it } from 'vitest';
import { ExpectedFailure } from '../../domain/failure.js';
import type { JournalEntry } from '../../domain/import-report.js';
import {
  failureFromErrors,
  keyMissing,
  malformedAnswer,
  notPrestaShop,
  permissionDenied,
  serverError,
  shopUnreachable,
  timedOut,
  webserviceDisabled,
} from '../../adapters/prestashop/errors.js';
import { ERROR_CODE } from '../../adapters/prestashop/webservice-dialect.js';
import * as dolibarr from '../../adapters/dolibarr/errors.js';
import { GESCOM_UNAVAILABLE } from '../../domain/failure.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toStorageFailure } from '../../adapters/embedded/storage-failure.js';
import { failureText, fatalText } from './failure-text.js';

const SHOP = 'https://shop.example';
const context = { resource: 'orders', method: 'GET', shop: '2' };
const refusal = (status: number, ...codes: number[]) =>
  failureFromErrors(
    status,
    codes.map((code) => ({ code, message: 'This shop id does not exist' })),
    context,
  )!;

/** Every failure of the shop's webservice a run or a page can meet, as errors.ts writes them. */
const SHOP_FAILURES = [
  refusal(401, ERROR_CODE.keyFormat),
  refusal(401, ERROR_CODE.keyInactive, ERROR_CODE.noPermission),
  refusal(401, ERROR_CODE.keyInactive),
  refusal(401, ERROR_CODE.noPermission),
  refusal(403, ERROR_CODE.shopNotAllowedForKey),
  refusal(400, ERROR_CODE.unknownFilter),
  refusal(500, ERROR_CODE.catchAll),
  keyMissing(401),
  webserviceDisabled(503),
  permissionDenied('order_histories', 'POST', 405),
  shopUnreachable(SHOP, new Error('ECONNREFUSED')),
  notPrestaShop(SHOP, 404),
  malformedAnswer(`${SHOP}/api/orders`, 'liste attendue'),
  timedOut(`${SHOP}/api/orders`, 30),
  serverError(`${SHOP}/api/orders`, 502, 3),
  serverError(`${SHOP}/api/orders`, undefined, 3),
];

/** Words only the French messages use. */
const FRENCH_WORDS = /\b(la|le|les|boutique|clé|vérifiez|réessayez|cochez|dans|pour)\b/i;

describe('failureText', () => {
  it.each(SHOP_FAILURES.map((failure) => [failure.code, failure] as const))(
    'says the shop’s %s in English from its values, in French as written',
    (_code, failure) => {
      const english = failureText(failure, 'en');
      expect(english).not.toBe(failure.message);
      expect(english).not.toMatch(FRENCH_WORDS);
      expect(failureText(failure, 'fr')).toBe(failure.message);
    },
  );

  it('keeps the values in the English words', () => {
    expect(failureText(shopUnreachable(SHOP, undefined), 'en')).toBe(
      `The shop ${SHOP} does not answer (wrong address, unknown domain name or connection refused): check ` +
        'the shop’s address.',
    );
    expect(failureText(permissionDenied('orders', 'GET'), 'en')).toBe(
      'The key cannot read orders: tick GET for orders in Advanced Parameters > Webservice.',
    );
    expect(failureText(serverError(SHOP, undefined, 3), 'en')).toContain('3 times in a row on');
    expect(failureText(serverError(SHOP, undefined, 3), 'en')).toContain('(the connection was cut)');
    expect(failureText(serverError(SHOP, 502, 3), 'en')).toContain('(HTTP 502)');
  });

  it('says the run’s own stops in English by their code alone (runs kept before values were)', () => {
    for (const code of ['run-in-progress', 'aborted', 'run-interrupted'])
      expect(failureText({ code, message: 'texte français' }, 'en')).not.toBe('texte français');
  });

  it('shows in French a failure without values, or whose values it cannot say', () => {
    // A GesCom's failure of the same code as the shop's: no values, so its own French words.
    const dolibarr = new ExpectedFailure('timeout', 'Dolibarr n’a pas répondu en 30 s.');
    expect(failureText(dolibarr, 'en')).toBe(dolibarr.message);
    expect(failureText({ code: 'storage-full', message: 'Disque plein.', data: {} }, 'en')).toBe(
      'Disque plein.',
    );
    expect(failureText({ code: 'key-invalid', message: 'Clé.', data: { case: 'later' } }, 'en')).toBe('Clé.');
    expect(failureText({ code: 'timeout', message: 'Délai.', data: {} }, 'en')).toBe('Délai.');
  });
});

describe('failureText for Dolibarr', () => {
  const orders = { method: 'GET', endpoint: 'orders' };
  const status = (code: number, detail = '', isJson = true) =>
    dolibarr.failureFromStatus(code, detail, orders, isJson);
  /** The failures that put the GesCom out of reach and stop a run (DolibarrGescom's UNAVAILABLE). */
  const STOPPING = [
    dolibarr.unreachable('https://erp.example'),
    dolibarr.timedOut(orders, 30),
    dolibarr.serverError(orders, 502, 3),
    dolibarr.serverError(orders, undefined, 3),
    dolibarr.malformedAnswer(orders, 200),
    dolibarr.unexpectedShape(orders, 'list'),
    dolibarr.unsafePathValue('a:b'),
    status(401, 'Neither parameter DOLAPIKEY nor header'),
    status(401),
    status(403, '', false),
    status(403, 'Forbidden'),
    status(501),
    status(500, 'Internal error'),
  ];

  it.each(STOPPING.map((failure) => [String(failure.data?.['case']), failure] as const))(
    'says Dolibarr’s %s in English, as raised and once it put the GesCom out of reach',
    (_case, failure) => {
      const english = failureText(failure, 'en');
      expect(english).not.toBe(failure.message);
      expect(english).toContain('Dolibarr');
      const stopped = new ExpectedFailure(GESCOM_UNAVAILABLE, failure.message, {
        ...(failure.data && { data: failure.data }),
      });
      expect(failureText(stopped, 'en')).toBe(english);
      expect(failureText(stopped, 'fr')).toBe(failure.message);
    },
  );

  it('never takes Dolibarr’s failure for the shop’s of the same code, nor the shop’s for Dolibarr’s', () => {
    const dolibarrTimeout = failureText(dolibarr.timedOut(orders, 30), 'en');
    expect(dolibarrTimeout).toContain('Dolibarr');
    expect(dolibarrTimeout).not.toContain('The shop');
    expect(failureText(keyMissing(401), 'en')).toContain('The shop received no webservice key');
    expect(failureText(status(401, 'Neither parameter'), 'en')).toContain('Dolibarr received no API key');
  });
});

describe('failureText for the embedded GesCom’s database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'navette-storage-text-'));
  const file = join(dir, 'navette.db');
  writeFileSync(file, '');
  const sqlite = (code: string, where = file) => toStorageFailure({ code, message: code }, where)!;
  const postgres = (code: string, message = '') =>
    toStorageFailure({ code, message }, 'postgres://navette:secret@db.example/navette')!;
  const FAILURES = [
    sqlite('SQLITE_FULL'),
    sqlite('SQLITE_READONLY'),
    sqlite('SQLITE_NOTADB'),
    sqlite('SQLITE_CANTOPEN', dir),
    sqlite('SQLITE_CANTOPEN', join(dir, 'missing', 'navette.db')),
    sqlite('SQLITE_CANTOPEN'),
    sqlite('SQLITE_IOERR_WRITE'),
    postgres('ECONNREFUSED'),
    postgres('', 'Connection terminated unexpectedly'),
    postgres('28P01'),
    postgres('3D000'),
    postgres('53100'),
    postgres('25006'),
    postgres('57P03'),
  ];

  it.each(FAILURES.map((failure) => [String(failure.data?.['case']), failure] as const))(
    'says %s in English, naming the file or the server as the French does',
    (_case, failure) => {
      const english = failureText(failure, 'en');
      expect(english).not.toBe(failure.message);
      expect(english).not.toMatch(FRENCH_WORDS);
      expect(english).toMatch(/navette\.db|postgres:\/\/navette:\*\*\*@db\.example/);
      expect(english).not.toContain('secret');
      expect(failureText(failure, 'fr')).toBe(failure.message);
    },
  );
});

describe('fatalText', () => {
  const failure = timedOut(`${SHOP}/api/orders`, 30);
  const fatal = { code: failure.code, message: failure.message };
  const line = (note?: JournalEntry['note']): JournalEntry => ({
    at: '2026-12-02T06:00:00.000Z',
    level: 'error',
    message: failure.message,
    shopId: undefined,
    orderId: undefined,
    ...(note && { note }),
  });

  it('renders a run’s fatal message from the values its journal line keeps', () => {
    const journal = [line({ code: 'run-stopped', failureCode: 'timeout', data: failure.data ?? {} })];
    expect(fatalText(fatal, journal, 'en')).toBe(failureText(failure, 'en'));
    expect(fatalText(fatal, journal, 'fr')).toBe(failure.message);
  });

  it('shows in French a fatal message kept without its values', () => {
    expect(fatalText(fatal, [line()], 'en')).toBe(failure.message);
    const other = [line({ code: 'run-stopped', failureCode: 'shop-unreachable', data: { url: SHOP } })];
    expect(fatalText(fatal, other, 'en')).toBe(failure.message);
  });
});
