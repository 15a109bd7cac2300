import { describe, expect, it } from 'vitest';
import { amount } from '../../domain/money.js';
import { draft, line } from '../../../test/contract/sample-documents.js';
import { allowedRates, snappedRate, snapVatRates } from './vat-snap.js';

const ACTIVE = ['0', '2.1', '5.5', '10', '20'].map((rate) => amount(rate));

const carrier = (taxExcl: string, taxIncl: string, vatRate: string) =>
  line({
    kind: 'shipping',
    quantity: amount(1),
    unitPriceTaxExcl: amount(taxExcl),
    unitPriceTaxIncl: amount(taxIncl),
    totalTaxExcl: amount(taxExcl),
    totalTaxIncl: amount(taxIncl),
    vatRate: amount(vatRate),
  });

describe('snapping a derived VAT rate to an active Dolibarr rate', () => {
  it('bounds the rate by half a cent on each of the HT and TTC amounts', () => {
    const bounds = allowedRates(carrier('4.17', '5.00', '19.9'));
    expect(bounds?.low.toFixed(2)).toBe('19.64');
    expect(bounds?.high.toFixed(2)).toBe('20.17');
    expect(allowedRates(carrier('0.00', '0.00', '20'))).toBeUndefined();
  });

  it.each([
    ['a carrier at 19.96 %', carrier('4.96', '5.95', '19.96'), '20'],
    ['a carrier at 19.9 %', carrier('4.17', '5.00', '19.9'), '20'],
    ['a discount at 19.9 %', carrier('-4.17', '-5.00', '19.9'), '20'],
    ['a reduced rate at 5.6 %', carrier('1.80', '1.90', '5.56'), '5.5'],
  ])('takes the active rate for %s', (_name, derived, expected) => {
    expect(snappedRate(derived, ACTIVE).toString()).toBe(expected);
  });

  it('keeps a rate the amounts do not allow near any active one (then refused), and an active one as it is', () => {
    // 100.00 HT / 119.00 TTC is 19 % to within 0.01 %: no active rate gives these cents.
    expect(snappedRate(carrier('100.00', '119.00', '19'), ACTIVE).toString()).toBe('19');
    expect(snappedRate(carrier('0.83', '1.00', '20'), ACTIVE).toString()).toBe('20');
  });

  it('leaves a draft whose rates are active untouched, and changes only the lines that need it', () => {
    const plain = draft({ shopId: 1, orderId: 1 });
    expect(snapVatRates(plain, ACTIVE)).toBe(plain);
    const odd = draft({ shopId: 1, orderId: 2 }, { lines: [line(), carrier('4.96', '5.95', '19.96')] });
    const snapped = snapVatRates(odd, ACTIVE);
    expect(snapped.lines.map((each) => each.vatRate.toString())).toEqual(['20', '20']);
    expect(snapped.lines[0]).toBe(odd.lines[0]);
    expect(snapped.totals).toBe(odd.totals);
  });
});
