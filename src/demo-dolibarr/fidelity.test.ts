import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareShape } from '../demo-shop/shape-compare.js';
import { createDemoDolibarr } from './index.js';

/**
 * Replays every recorded exchange with the real Dolibarr 23.0.0-beta, in the recording's order, against
 * one simulator seeded as the recorded instance was and set to the recording's clock, and checks the same
 * status, the same body shape (keys, JSON kinds, nesting; ids, dates and amounts may differ) and, for
 * errors, the same code and message.
 *
 * Not replayable: none. Every exchange of the recording is replayed.
 */

const DIR = join(import.meta.dirname, '../../test/fixtures/dolibarr/23.0.0-beta');
const RECORDED_AT = new Date('2026-11-27T09:43:32Z');

interface Exchange {
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: unknown;
  };
  readonly response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body_is_json: boolean;
    readonly body: unknown;
  };
}

/** `linkedObjectsIds` maps link ids to object ids: its keys are data, not structure. */
function idMapsAsShapes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(idMapsAsShapes);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'linkedObjectsIds' && typeof item === 'object' && item !== null && !Array.isArray(item))
      out[key] = Object.fromEntries(
        Object.entries(item as Record<string, Record<string, unknown>>).map(([type, ids]) => [
          type,
          { id: Object.values(ids)[0] },
        ]),
      );
    else out[key] = idMapsAsShapes(item);
  }
  return out;
}

/** Fields whose values the replay reproduces exactly (same seed, same clock, same arithmetic). */
const SAME_VALUES = new Set([
  'ref',
  'ref_ext',
  'ref_client',
  'status',
  'statut',
  'billed',
  'paye',
  'type',
  'total_ht',
  'total_tva',
  'total_ttc',
  'multicurrency_total_ttc',
  'totalpaid',
  'remaintopay',
  'qty',
  'subprice',
  'tva_tx',
  'remise_percent',
  'price',
  'price_ttc',
  'code_client',
  'amount',
  'taux',
  'code',
]);

/** PHP's float sums (170.76999999999998) are the same amount as 170.77. */
function sameValue(recorded: unknown, actual: unknown): boolean {
  if (typeof recorded === 'number' && typeof actual === 'number') return Math.abs(recorded - actual) < 1e-9;
  return JSON.stringify(recorded) === JSON.stringify(actual);
}

/** The paths where recording and replay hold different values for the SAME_VALUES fields. */
function valueDifferences(recorded: unknown, actual: unknown, path = '$'): string[] {
  if (Array.isArray(recorded) && Array.isArray(actual)) {
    if (recorded.length !== actual.length)
      return [`${path}: ${recorded.length} items, replay ${actual.length}`];
    return recorded.flatMap((item, i) => valueDifferences(item, actual[i], `${path}[${i}]`));
  }
  if (typeof recorded !== 'object' || recorded === null || typeof actual !== 'object' || actual === null)
    return JSON.stringify(recorded) === JSON.stringify(actual)
      ? []
      : [`${path}: ${JSON.stringify(recorded)} ≠ ${JSON.stringify(actual)}`];
  const out: string[] = [];
  const a = actual as Record<string, unknown>;
  for (const [key, value] of Object.entries(recorded)) {
    if (key === 'lines' || key === 'data') out.push(...valueDifferences(value, a[key], `${path}.${key}`));
    else if (SAME_VALUES.has(key) && !sameValue(value, a[key]))
      out.push(`${path}.${key}: ${JSON.stringify(value)} ≠ ${JSON.stringify(a[key])}`);
  }
  return out;
}

const calls = JSON.parse(readFileSync(join(DIR, '_calls.json'), 'utf8')) as { file: string }[];

describe('fidelity to the recorded Dolibarr 23.0.0-beta', () => {
  const dolibarr = createDemoDolibarr({ now: () => RECORDED_AT });

  it('replays all 163 recorded exchanges', () => {
    expect(calls).toHaveLength(163);
  });

  for (const { file } of calls) {
    const exchange = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Exchange;
    const { request, response } = exchange;
    it(`${file}: ${request.method} ${decodeURIComponent(request.path)}`, async () => {
      const headers: Record<string, string> = { ...request.headers };
      if (headers.DOLAPIKEY === '<redacted>') headers.DOLAPIKEY = dolibarr.key;
      const body =
        request.body === null
          ? undefined
          : typeof request.body === 'string'
            ? request.body
            : JSON.stringify(request.body);
      const answer = await dolibarr.fetch(`${dolibarr.url}/api/index.php${request.path}`, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      expect(answer.status).toBe(response.status);
      const text = await answer.text();
      const recordedType = response.headers['Content-Type'];
      if (recordedType === undefined) {
        expect(text).toBe('');
        expect(answer.headers.get('content-type')).toBeNull();
        return;
      }
      expect(answer.headers.get('content-type')).toBe(recordedType);
      if (!response.body_is_json) {
        if (response.body === null) expect(text).toBe('');
        else expect(text).toBe(response.body);
        return;
      }
      const actual = JSON.parse(text) as unknown;
      if (response.status >= 400) {
        const recorded = response.body as { error: Record<string, unknown> };
        const got = actual as { error: Record<string, unknown> };
        expect(got.error).toEqual(recorded.error);
        return;
      }
      const diff = compareShape(idMapsAsShapes(response.body), idMapsAsShapes(actual));
      expect(`${file}: ${diff ?? 'same shape'}`).toBe(`${file}: same shape`);
      expect(valueDifferences(response.body, actual)).toEqual([]);
    });
  }
});
