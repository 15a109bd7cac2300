import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createDemoShop, type DemoShop } from './index.js';
import { compareShape } from './shape-compare.js';
import type { PrestaShopVersion } from './version.js';

/**
 * Replays every recorded request of the real shops against the demo shop in the same version mode and
 * checks that the answers have the same shape: status, keys, value types, nesting, list-vs-object in XML,
 * error codes.
 */

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/prestashop');
const NOW = new Date('2026-11-27T09:52:00Z');
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
});

interface ManifestEntry {
  readonly file: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly auth: string;
  readonly request_body: string | null;
}

function basic(key: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` };
}

async function replay(
  shop: DemoShop,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Response> {
  return shop.fetch(`${shop.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
}

function decode(text: string, isJson: boolean): unknown {
  return isJson ? (JSON.parse(text) as unknown) : (xml.parse(text) as unknown);
}

function errorCodes(value: unknown, isJson: boolean): number[] {
  if (isJson) return ((value as { errors: { code: number }[] }).errors ?? []).map((e) => Number(e.code));
  const errors = (value as { prestashop: { errors: { error: unknown } } }).prestashop.errors.error;
  return (Array.isArray(errors) ? errors : [errors]).map((e) => Number((e as { code: string }).code));
}

describe('fidelity to a real PrestaShop 8.1.2', () => {
  const dir = join(FIXTURES, '8.1.2');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    entries: ManifestEntry[];
  };
  // order_invoices is not simulated (navette does not read it).
  const entries = manifest.entries.filter((e) => !e.url.includes('/order_invoices'));

  for (const entry of entries) {
    it(`${entry.file}: ${entry.method} ${entry.url.replace(/^https?:\/\/[^/]+/, '')}`, async () => {
      const shop = createDemoShop({ version: '8', now: NOW });
      const path = entry.url.replace(/^https?:\/\/[^/]+/, '').replace(/ /g, '%20');
      let headers = basic(shop.key);
      if (entry.auth.includes('no credentials')) headers = {};
      if (entry.auth.includes('WRONGKEY')) headers = basic('WRONGKEY0000000000000000000000XX');
      const body = entry.request_body ? readFileSync(join(dir, entry.request_body), 'utf8') : undefined;
      const response = await replay(shop, entry.method, path, headers, body);
      expect(response.status).toBe(entry.status);

      const recordedText = readFileSync(join(dir, entry.file), 'utf8');
      const actualText = await response.text();
      const recordedHeaders = readFileSync(join(dir, `${entry.file}.headers`), 'utf8');
      expect(response.headers.get('x-powered-by')).toBe('PrestaShop Webservice');
      expect(response.headers.get('set-cookie')).toMatch(/^PrestaShop-/);
      if (/PSWS-Version: 8\.1\.2/.test(recordedHeaders))
        expect(response.headers.get('psws-version')).toBe('8.1.2');
      if (/WWW-Authenticate/.test(recordedHeaders))
        expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);

      if (entry.file.endsWith('.txt') || recordedText === '') {
        expect(actualText).toBe(recordedText);
        return;
      }
      const isJson = entry.file.endsWith('.json');
      expect(response.headers.get('content-type')).toBe(
        isJson ? 'application/json' : 'text/xml;charset=utf-8',
      );
      const recorded = decode(recordedText, isJson);
      const actual = decode(actualText, isJson);
      if (entry.status >= 400) {
        expect(errorCodes(actual, isJson)).toEqual(errorCodes(recorded, isJson));
        return;
      }
      // 8.x leaves empty fields out of a single record in JSON: which ones depends on the data.
      const single = isJson && /\/api\/[a-z_]+\/\d+/.test(entry.url) && entry.method === 'GET';
      // The API root lists what the key may use: the recorded key had more resources than the simulator serves.
      const root = entry.url.endsWith('/api/');
      expect(
        compareShape(recorded, actual, { xml: !isJson, ignoreMissingKeys: single || root }),
      ).toBeUndefined();
    });
  }
});

describe('fidelity to real PrestaShop 1.6.1 shops', () => {
  const dir = join(FIXTURES, '1.6.1');
  const index = readFileSync(join(dir, 'index.md'), 'utf8');
  const rows = [...index.matchAll(/^\| ([^|]+\.response\.xml) \| (GET|PUT|POST) ([^|]+) \| (\d+) \|/gm)];
  for (const [, file, method, path] of rows) {
    if (!file || !method || !path) continue;
    it(`${file}: ${method} ${path.trim()}`, async () => {
      const version: PrestaShopVersion = '1.6';
      const shop = createDemoShop({ version, now: NOW });
      const url = path.trim().replace(/ /g, '%20');
      const requestFile = join(dir, file.replace('.response.xml', '.request.xml'));
      const body = method === 'PUT' ? readFileSync(requestFile, 'utf8') : undefined;
      const response = await replay(shop, method, url, basic(shop.key), body);
      const text = await response.text();
      // Records whose id the demo shop does not have (29 EU taxes, state 14) are skipped: data, not shape.
      if (response.status === 404 && /\/\d+$/.test(url)) return;
      expect(response.status).toBe(200);
      expect(response.headers.get('psws-version')).toMatch(/^1\.6\.1/);
      const recorded = xml.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
      const actual = xml.parse(text) as unknown;
      expect(compareShape(recorded, actual, { xml: true })).toBeUndefined();
    });
  }
});
