import { describe, expect, it } from 'vitest';
import { amount } from '../domain/money.js';
import { frenchAmount } from '../domain/french-format.js';
import { frenchRate, line, singleLine } from './line-draft.js';

describe('line drafts', () => {
  it('writes rates and amounts the French way', () => {
    expect(frenchRate(amount('5.5'))).toBe('5,5 %');
    expect(frenchRate(amount('20'))).toBe('20 %');
    expect(frenchAmount(amount('6.9'))).toBe('6,90');
    expect(frenchAmount(amount('1234.567'))).toBe('1234,57');
  });

  it('computes the totals as quantity × unit prices rounded to the cent, with no discount, ecotax nor article to create', () => {
    const drafted = line('product', 'MUG', 'Mug', {
      quantity: amount('3'),
      unitPriceTaxExcl: amount('4.155'),
      unitPriceTaxIncl: amount('4.986'),
      vatRate: amount('20'),
    });
    expect(drafted).toMatchObject({
      kind: 'product',
      articleReference: 'MUG',
      label: 'Mug',
      sourceLineId: undefined,
    });
    expect(drafted.createArticle).toBe(false);
    expect(drafted.totalTaxExcl.toFixed()).toBe('12.47');
    expect(drafted.totalTaxIncl.toFixed()).toBe('14.96');
    expect(
      [drafted.discountPercent, drafted.discountAmountTaxExcl, drafted.ecotaxTaxExcl].map(String),
    ).toEqual(['0', '0', '0']);
    const withExtras = line(
      'product',
      'MUG',
      'Mug',
      {
        quantity: amount('1'),
        unitPriceTaxExcl: amount('1'),
        unitPriceTaxIncl: amount('1.2'),
        vatRate: amount('20'),
      },
      { createArticle: true, sourceLineId: 7 },
    );
    expect(withExtras).toMatchObject({ createArticle: true, sourceLineId: 7 });
  });

  it('drafts a line of one unit at the given totals', () => {
    const shipping = singleLine(
      'shipping',
      'PORT',
      'Frais de port',
      amount('5.75'),
      amount('6.90'),
      amount('20'),
    );
    expect(shipping).toMatchObject({ kind: 'shipping', articleReference: 'PORT', label: 'Frais de port' });
    expect([shipping.quantity, shipping.unitPriceTaxIncl, shipping.totalTaxExcl].map(String)).toEqual([
      '1',
      '6.9',
      '5.75',
    ]);
  });
});
