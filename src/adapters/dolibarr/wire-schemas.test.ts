import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  accountLinkSchema,
  companySchema,
  documentKeySchema,
  documentSchema,
  invoiceSchema,
  orderSchema,
  paymentSchema,
  paymentTypeSchema,
  productSchema,
  statusSchema,
  thirdPartySchema,
  vatRateSchema,
  wireDecimal,
  wireIntOrNull,
} from './wire-schemas.js';

const DIR = join(import.meta.dirname, '../../../test/fixtures/dolibarr/23.0.0-beta');

function recorded(prefix: string): unknown {
  const file = readdir().find((name) => name.startsWith(`${prefix}_`));
  if (!file) throw new Error(`no fixture ${prefix}`);
  return (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { response: { body: unknown } }).response.body;
}

let files: string[] | undefined;
function readdir(): string[] {
  files ??= (JSON.parse(readFileSync(join(DIR, '_calls.json'), 'utf8')) as { file: string }[]).map(
    (c) => c.file,
  );
  return files;
}

describe('wire schemas read the recorded Dolibarr 23.0.0-beta answers', () => {
  it('strings for numbers, 8-decimal amounts and empty dates become one type each', () => {
    const order = orderSchema.parse(recorded('081'));
    expect([order.id, order.status, order.billed, order.socid]).toEqual([10, 0, 0, 5]);
    expect([order.total_ht, order.total_tva, order.total_ttc]).toEqual(['82.15', '12.83', '94.98']);
    expect(order.date_validation).toBeNull();
    expect(order.lines.map((l) => l.subprice)).toEqual(['19.12', '18.96', '9.9', '6', '10']);
    expect(order.lines[2]?.fk_product).toBeNull();
  });

  it('reads a proposal’s int status and a createfromproposal reply with floats, null status and doubled lines', () => {
    expect(documentSchema.parse(recorded('055')).status).toBe(0);
    const created = orderSchema.parse(recorded('072'));
    expect([created.id, created.status, created.ref_ext, created.total_ttc]).toEqual([
      9,
      null,
      null,
      '170.77',
    ]);
    expect(created.lines.filter((l) => l.id === null)).toHaveLength(9);
    expect(created.lines).toHaveLength(18);
  });

  it('reads invoices, paid and credit notes, and their payments', () => {
    const paid = invoiceSchema.parse(recorded('127'));
    expect([paid.status, paid.paye, paid.totalpaid, paid.remaintopay]).toEqual([2, 1, '94.98', '0']);
    const draft = invoiceSchema.parse(recorded('112'));
    expect(draft.totalpaid).toBe('0');
    const credit = invoiceSchema.parse(recorded('143'));
    expect([credit.type, credit.total_ttc, credit.fk_facture_source]).toEqual([2, '-7.2', 6]);
    const payment = paymentSchema.parse((recorded('126') as unknown[])[0]);
    expect([payment.amount, payment.ref, payment.fk_bank_line]).toEqual(['94.98', 'PAY2611-0001', 2]);
    expect(payment.date).toBe(Date.parse('2026-11-27T09:43:32Z') / 1000);
  });

  it('reads third parties, account links, products, setup and look-up answers', () => {
    const party = thirdPartySchema.parse(recorded('024'));
    expect([party.id, party.code_client, party.client]).toEqual([5, 'CU2611-00005', 1]);
    expect(thirdPartySchema.parse(recorded('021')).name).toHaveLength(104);
    expect(accountLinkSchema.parse(recorded('031')).fk_soc).toBe(5);
    const product = productSchema.parse(recorded('053'));
    expect([product.ref, product.price, product.price_ttc, product.tva_tx]).toEqual([
      'demo_1_1',
      '19.12',
      '22.94',
      '20',
    ]);
    expect(statusSchema.parse(recorded('001')).success.dolibarr_version).toBe('23.0.0-beta');
    expect(companySchema.parse(recorded('008')).country_code).toBe('FR');
    expect((recorded('005') as unknown[]).map((v) => vatRateSchema.parse(v).taux)).toEqual([
      '0',
      '2.1',
      '5.5',
      '10',
      '20',
    ]);
    expect(paymentTypeSchema.parse((recorded('003') as unknown[])[0]).id).toBe(6);
    const keys = (recorded('106') as unknown[]).map((k) => documentKeySchema.parse(k));
    expect(keys.map((k) => k.ref_ext)).toEqual(['ps-1-49', 'ps-1-49']);
  });

  it('refuses what is not a number', () => {
    expect(wireDecimal.safeParse('12,50').success).toBe(false);
    expect(wireIntOrNull.safeParse('1.5').success).toBe(false);
    expect(wireIntOrNull.parse('')).toBeNull();
  });
});
