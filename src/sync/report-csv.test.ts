import { describe, expect, it } from 'vitest';
import type { OrderOutcome } from '../domain/import-report.js';
import { CSV_BOM, csvCell, csvRow, outcomeRow, reportCsvLines } from './report-csv.js';

const outcome = (overrides: Partial<OrderOutcome>): OrderOutcome => ({
  shopId: 1,
  orderId: 42,
  reference: 'XKBKNABJK',
  orderDate: '2026-01-15 10:00:00',
  stateId: 2,
  stateName: 'Paiement accepté',
  customerName: 'Jeanne Martin',
  totalTaxIncl: '59.90',
  currency: 'EUR',
  status: 'imported',
  document: { number: 'BC00001', type: 'order', status: 'confirmed' },
  code: undefined,
  reason: undefined,
  notes: [],
  ...overrides,
});

describe('CSV report', () => {
  it.each(['=HYPERLINK("http://evil")', '+33 1 23', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'keeps %j as text, not a formula',
    (value) => {
      expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvRow(['a', 1, undefined])).toBe('a;1;\r\n');
  });

  it('quotes a cell with spaces at either end, which Excel would otherwise trim', () => {
    expect(csvCell(' Martin')).toBe('" Martin"');
    expect(csvCell('Martin ')).toBe('"Martin "');
    expect(csvCell('Jeanne Martin')).toBe('Jeanne Martin');
  });

  it('leaves the document cells empty for an order without document, and joins the notes', () => {
    const row = outcomeRow(
      outcome({
        status: 'failed',
        document: undefined,
        code: 'article-unknown',
        reason: 'Article inconnu',
        notes: ['Première note', 'Seconde note'],
      }),
    );
    expect(row).toBe(
      '1;42;XKBKNABJK;2026-01-15 10:00:00;Paiement accepté;Jeanne Martin;59,90;EUR;En échec;;;;' +
        'article-unknown;Article inconnu;Première note | Seconde note\r\n',
    );
  });

  it.each([
    ['-5', '-5'],
    ['1234.5', '1234,5'],
    ['', ''],
    ['=1+12.50', "'=1+12.50"],
    ['12.5;3', '"12.5;3"'],
    ['12.50 EUR', '12.50 EUR'],
  ])('writes the total %j as %j: a number with a decimal comma, anything else as text', (total, cell) => {
    expect(
      outcomeRow(outcome({ totalTaxIncl: total }))
        .split(';')
        .slice(6, -8)
        .join(';'),
    ).toBe(cell);
  });

  it('neutralises a malicious customer name and keeps amounts as French numbers', () => {
    const row = outcomeRow(outcome({ customerName: '=cmd|" /C calc"!A0', totalTaxIncl: '-12.50' }));
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(row).toContain(';-12,50;');
  });

  it('removes the control characters of shop data (a terminal would obey them)', () => {
    const row = outcomeRow(outcome({ customerName: 'Jeanne\u001b[2J\u0007 Martin' }));
    expect(row).toContain(';Jeanne[2J Martin;');
    expect([...row].some((character) => character < ' ' && !'\r\n'.includes(character))).toBe(false);
  });

  it('starts with a BOM and a header for French Excel', async () => {
    async function* outcomes() {
      yield outcome({});
    }
    const lines: string[] = [];
    for await (const line of reportCsvLines(outcomes())) lines.push(line);
    expect(lines[0]?.startsWith(CSV_BOM)).toBe(true);
    expect(lines[0]).toContain('Boutique;Commande;Référence');
    expect(lines[1]).toBe(
      '1;42;XKBKNABJK;2026-01-15 10:00:00;Paiement accepté;Jeanne Martin;59,90;EUR;Importée;BC00001;Bon de commande;Confirmé;;;\r\n',
    );
  });
});
