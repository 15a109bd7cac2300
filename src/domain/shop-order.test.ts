import { describe, expect, it } from 'vitest';

import { DOCUMENT_TYPES, documentRank } from './sales-document.js';
import { formatShopOrderKey, parseShopOrderKey } from './shop-order.js';

describe("an order's external key", () => {
  it('is written ps-<shop>-<order> and read back', () => {
    expect(formatShopOrderKey({ shopId: 1, orderId: 42 })).toBe('ps-1-42');
    expect(parseShopOrderKey('ps-12-4057')).toEqual({ shopId: 12, orderId: 4057 });
  });

  it.each(['', 'ps-1', 'ps-1-', 'ps--42', 'ps-a-42', 'xps-1-42', 'ps-1-42x', 'PS-1-42', 'ps-1-42\n'])(
    'is not read from %j',
    (text) => {
      expect(parseShopOrderKey(text)).toBeUndefined();
    },
  );
});

describe('the chain of sales documents', () => {
  it('goes quote → order → delivery → invoice, the credit note aside', () => {
    expect(DOCUMENT_TYPES).toEqual(['quote', 'order', 'delivery', 'invoice', 'credit_note']);
    expect(DOCUMENT_TYPES.map(documentRank)).toEqual([0, 1, 2, 3, 4]);
  });
});
