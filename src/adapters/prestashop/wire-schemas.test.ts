import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import type * as z from 'zod';

import { FIXTURES, fixtureText, manifest } from './testing/recorded-fixtures.js';
import { normalize } from './testing/normalize.js';
import { listRecords, parseBody } from './webservice-answer.js';
import {
  type ParsedRecords,
  type RecordReader,
  type WireOrder,
  type WireOrderDetail,
  readAddress,
  readCustomer,
  readCustomerMessage,
  readCustomerThread,
  readOrder,
  readOrderCarrier,
  readOrderCartRule,
  readOrderDetail,
  readOrderPayment,
  readRecords,
} from './wire-readers.js';
import {
  carrierSchema,
  countrySchema,
  currencySchema,
  languageSchema,
  orderHistorySchema,
  orderStateSchema,
  parseRecords,
  pickLanguage,
  shopSchema,
  taxSchema,
  wireAmount,
} from './wire-schemas.js';

/** How the source reads each resource: a hand-written reader for the per-order ones, zod for the rest. */
const PARSERS: Record<string, z.ZodType | RecordReader<unknown>> = {
  orders: readOrder,
  order_details: readOrderDetail,
  order_histories: orderHistorySchema,
  order_states: orderStateSchema,
  order_payments: readOrderPayment,
  order_carriers: readOrderCarrier,
  order_cart_rules: readOrderCartRule,
  order_discounts: readOrderCartRule,
  customers: readCustomer,
  addresses: readAddress,
  customer_threads: readCustomerThread,
  customer_messages: readCustomerMessage,
  carriers: carrierSchema,
  currencies: currencySchema,
  countries: countrySchema,
  taxes: taxSchema,
  languages: languageSchema,
  shops: shopSchema,
};

function resourceOf(url: string): { resource: string; single: boolean } {
  const path = new URL(url).pathname.replace(/^\/api\/?/, '');
  const [resource = '', id] = path.split('/');
  return { resource, single: id !== undefined && id !== '' };
}

/** The records of an answer body, validated; throws with the reasons if any record is rejected. */
function parsedRecords(file: string, text: string, resource: string, single: boolean): unknown[] {
  const parser = PARSERS[resource];
  if (!parser) throw new Error(`no parser for ${resource}`);
  const body = parseBody(text, file.endsWith('.json') ? 'application/json' : 'text/xml');
  const raws = single
    ? [Object.values(body as Record<string, Record<string, unknown>>)[0] ?? {}]
    : listRecords(body, resource, file);
  const { records, rejected }: ParsedRecords<unknown> =
    typeof parser === 'function' ? readRecords(parser, raws) : parseRecords(parser, raws);
  expect(rejected, `${file}: ${rejected.map((entry) => entry.reason).join(' | ')}`).toEqual([]);
  return records;
}

describe('wire schemas against the recorded 8.1.2 answers', () => {
  const entries = manifest().filter((entry) => entry.status === 200 && entry.method === 'GET');
  const parsable = entries.filter((entry) => PARSERS[resourceOf(entry.url).resource]);

  it.each(parsable.map((entry) => [entry.file, entry] as const))('parses %s', (file, entry) => {
    const { resource, single } = resourceOf(entry.url);
    const records = parsedRecords(file, fixtureText(`8.1.2/${file}`), resource, single);
    if (!file.startsWith('77') && !file.startsWith('78') && !file.startsWith('11_')) {
      expect(records.length).toBeGreaterThan(0);
    }
  });

  const pairs = parsable.flatMap((entry) => {
    if (!entry.file.endsWith('.json')) return [];
    const twinUrl = entry.url.replace(/[?&]output_format=JSON$/, '');
    const twin = parsable.find((other) => other.file.endsWith('.xml') && other.url === twinUrl);
    return twin ? [[entry.file, twin.file, entry.url] as const] : [];
  });

  it('has JSON/XML twins to compare', () => {
    expect(pairs.length).toBeGreaterThan(20);
  });

  it.each(pairs)('%s and %s give the same records', (jsonFile, xmlFile, url) => {
    const { resource, single } = resourceOf(url);
    const fromJson = parsedRecords(jsonFile, fixtureText(`8.1.2/${jsonFile}`), resource, single);
    const fromXml = parsedRecords(xmlFile, fixtureText(`8.1.2/${xmlFile}`), resource, single);
    // The customers' XML twins were recorded with fewer customers than the JSON ones: compare the
    // records both hold.
    const ids = (records: unknown[]) => new Set(records.map((record) => (record as { id: number }).id));
    const common = [...ids(fromJson)].filter((id) => ids(fromXml).has(id));
    if (fromJson.length > 0) expect(common.length).toBeGreaterThan(0);
    if (!resource.startsWith('customers')) expect(common.length).toBe(fromJson.length);
    const pick = (records: unknown[]) =>
      records.filter((record) => common.includes((record as { id: number }).id));
    expect(normalize(pick(fromJson))).toEqual(normalize(pick(fromXml)));
  });

  it('reads multilingual names and the empty-list shapes', () => {
    const states = parsedRecords('24', fixtureText('8.1.2/24_order_states_full.xml'), 'order_states', false);
    const first = states[0] as z.output<typeof orderStateSchema>;
    expect(pickLanguage(first.name, 1)).toBe('Paiement accepté');
    expect(
      pickLanguage(
        [
          { languageId: 2, value: 'Payment accepted' },
          { languageId: 1, value: 'Paiement accepté' },
        ],
        2,
      ),
    ).toBe('Payment accepted');
    expect(
      pickLanguage(
        [
          { languageId: 2, value: 'Payment accepted' },
          { languageId: 1, value: 'Paiement accepté' },
        ],
        5,
      ),
    ).toBe('Paiement accepté');
    expect(listRecords(parseBody('[]', 'application/json'), 'orders', 'x')).toEqual([]);
    expect(listRecords(parseBody(fixtureText('8.1.2/78_empty_list.xml'), 'text/xml'), 'orders', 'x')).toEqual(
      [],
    );
  });

  it('keeps the tax association of one XML item as a list', () => {
    const [detail] = parsedRecords(
      '19',
      fixtureText('8.1.2/19_order_details_selected.xml'),
      'order_details',
      false,
    ) as WireOrderDetail[];
    expect(detail?.associations.taxes).toEqual([{ id: 1 }]);
  });
});

describe('wire schemas against the recorded 1.6.1 answers', () => {
  const folders = readdirSync(join(FIXTURES, '1.6.1'), { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  const files = folders.flatMap((folder) =>
    readdirSync(join(FIXTURES, '1.6.1', folder.name))
      .filter((name) => name.endsWith('.response.xml') && !name.includes('_PUT_'))
      .map((name) => `${folder.name}/${name}`),
  );

  it.each(files)('parses %s', (file) => {
    const match = /\d+_GET_([a-z_]+?)(?:_(\d+))?\.response\.xml$/.exec(file);
    const resource = match?.[1] ?? '';
    if (!PARSERS[resource]) return;
    parsedRecords(file, fixtureText(`1.6.1/${file}`), resource, match?.[2] !== undefined);
  });

  it('reads a 1.6 order with its rows, and order_discounts answered as order_cart_rules', () => {
    const [order] = parsedRecords(
      'o',
      fixtureText('1.6.1/test_import_sale_record_5/001_GET_orders_5.response.xml'),
      'orders',
      true,
    ) as WireOrder[];
    expect(order?.reference).toBe('KHWLILZLL');
    expect(order?.total_paid_tax_incl.toFixed(2)).toBe('71.51');
    expect(order?.invoice_date).toBeUndefined();
    expect(order?.associations.order_rows.map((row) => row.id)).toEqual([13, 14, 15]);
    const discounts = parsedRecords(
      'd',
      fixtureText('1.6.1/test_import_sale_record_5/007_GET_order_discounts.response.xml'),
      'order_discounts',
      false,
    );
    expect(discounts).toEqual([]);
  });
});

describe('amounts', () => {
  it('accepts decimals as text or numbers and refuses anything else', () => {
    expect(wireAmount.parse('16.510000').toFixed()).toBe('16.51');
    expect(wireAmount.parse(16.51).toFixed()).toBe('16.51');
    expect(wireAmount.parse(undefined).toFixed()).toBe('0');
    expect(wireAmount.safeParse('16,51').success).toBe(false);
    expect(wireAmount.safeParse('NaN').success).toBe(false);
  });

  it('rejects one malformed record, not its neighbours', () => {
    const { records, rejected } = parseRecords(taxSchema, [
      { id: 1, rate: '20.000' },
      { id: 2, rate: 'vingt' },
    ]);
    expect(records.map((record) => record.id)).toEqual([1]);
    expect(rejected[0]?.reason).toBe('rate : montant illisible : "vingt"');
  });
});
