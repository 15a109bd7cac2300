import { describe, expect, it } from 'vitest';
import { amount } from '../../domain/money.js';
import { line } from '../../../test/contract/sample-documents.js';
import { dolibarrLineTotals, fittedUnitPrice } from './line-prices.js';

describe('fittedUnitPrice', () => {
  it('keeps a price Dolibarr already rounds to the shop’s line amounts', () => {
    const tea = line({
      quantity: amount(2),
      unitPriceTaxExcl: amount('9.478673'),
      vatRate: amount('5.5'),
      totalTaxExcl: amount('18.957346'),
      totalTaxIncl: amount('20'),
    });
    expect(fittedUnitPrice(tea).toFixed()).toBe('9.47867');
  });

  it('fits with the unit price Dolibarr stores, rounded to 5 decimals', () => {
    // Seen on a real Dolibarr: 8.014218 at 5.5 % is stored as 8.01422 and gives 8.46 TTC, not 8.45.
    const tea = line({
      quantity: amount(1),
      unitPriceTaxExcl: amount('8.014218'),
      vatRate: amount('5.5'),
      totalTaxExcl: amount('8.01'),
      totalTaxIncl: amount('8.45'),
    });
    expect(dolibarrLineTotals(tea.quantity, tea.unitPriceTaxExcl, tea.vatRate).taxIncl.toFixed(2)).toBe(
      '8.46',
    );
    const unit = fittedUnitPrice(tea);
    expect(unit.decimalPlaces()).toBeLessThanOrEqual(5);
    const totals = dolibarrLineTotals(tea.quantity, unit, tea.vatRate);
    expect([totals.taxExcl.toFixed(2), totals.taxIncl.toFixed(2)]).toEqual(['8.01', '8.45']);
  });

  it('moves the HT price within its cent so that the TTC rounds as the shop’s', () => {
    // 3 × 4.165 HT at 20 %: 12.495 → 12.50 HT and 14.994 → 14.99 TTC, while the shop says 15.00.
    const mug = line({
      quantity: amount(3),
      unitPriceTaxExcl: amount('4.165'),
      vatRate: amount('20'),
      totalTaxExcl: amount('12.5'),
      totalTaxIncl: amount('15'),
    });
    expect(dolibarrLineTotals(mug.quantity, mug.unitPriceTaxExcl, mug.vatRate).taxIncl.toFixed(2)).toBe(
      '14.99',
    );
    const unit = fittedUnitPrice(mug);
    const totals = dolibarrLineTotals(mug.quantity, unit, mug.vatRate);
    expect([totals.taxExcl.toFixed(2), totals.taxIncl.toFixed(2)]).toEqual(['12.50', '15.00']);
  });

  it('leaves a line alone when no price gives both of the shop’s amounts', () => {
    const odd = line({
      quantity: amount(1),
      unitPriceTaxExcl: amount('10'),
      vatRate: amount('20'),
      totalTaxExcl: amount('10'),
      totalTaxIncl: amount('13'),
    });
    expect(fittedUnitPrice(odd).toFixed()).toBe('10');
  });
});
