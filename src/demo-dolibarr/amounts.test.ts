import { describe, expect, it } from 'vitest';
import { amount, lineTotals, price2num } from './amounts.js';

const line = (
  unitPrice: string,
  vat: string,
  options: { qty?: string; discount?: string; ttc?: boolean; rate?: string } = {},
) =>
  lineTotals({
    qty: amount(options.qty ?? '1'),
    unitPrice: amount(unitPrice),
    vatRate: amount(vat),
    discountPercent: amount(options.discount ?? '0'),
    priceBase: options.ttc ? 'TTC' : 'HT',
    currencyRate: amount(options.rate ?? '1'),
  });

const shown = (t: ReturnType<typeof line>) =>
  [t.subprice, t.totalHt, t.totalVat, t.totalTtc].map((x) => x.toString());

describe('Dolibarr’s per-line arithmetic', () => {
  it('rounds halves away from zero, as PHP’s round() does', () => {
    expect(price2num(amount('45.885'), 2).toString()).toBe('45.89');
    expect(price2num(amount('-45.885'), 2).toString()).toBe('-45.89');
    expect(price2num(amount('10.824999'), 2).toString()).toBe('10.82');
  });

  it('computes the recorded lines: HT, discounted, reduced rates', () => {
    expect(shown(line('19.12', '20', { qty: '2' }))).toEqual(['19.12', '38.24', '7.65', '45.89']);
    expect(shown(line('19.12', '20', { discount: '10' }))).toEqual(['19.12', '17.21', '3.44', '20.65']);
    expect(shown(line('18.96', '5.5'))).toEqual(['18.96', '18.96', '1.04', '20']);
    expect(shown(line('1.95', '2.1', { qty: '2' }))).toEqual(['1.95', '3.9', '0.08', '3.98']);
    expect(shown(line('-19.12', '20'))).toEqual(['-19.12', '-19.12', '-3.82', '-22.94']);
  });

  it('rounds an HT unit price to 5 decimals before computing the line, as a real Dolibarr did', () => {
    expect(shown(line('8.014218', '5.5'))).toEqual(['8.01422', '8.01', '0.45', '8.46']);
  });

  it('turns a TTC unit price into an HT subprice with 5 decimals, keeping the TTC total', () => {
    expect(shown(line('12', '20', { ttc: true }))).toEqual(['10', '10', '2', '12']);
    expect(shown(line('12.99', '20', { ttc: true }))).toEqual(['10.825', '10.83', '2.16', '12.99']);
    expect(shown(line('9.99', '5.5', { ttc: true, qty: '3' }))).toEqual([
      '9.46919',
      '28.41',
      '1.56',
      '29.97',
    ]);
  });

  it('converts into the document’s currency line by line', () => {
    const t = line('10', '20', { qty: '3', rate: '1.0835' });
    expect(
      [t.currencySubprice, t.currencyTotalHt, t.currencyTotalVat, t.currencyTotalTtc].map(String),
    ).toEqual(['10.835', '32.51', '6.5', '39.01']);
  });
});
