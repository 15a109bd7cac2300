import { describe, expect, it } from 'vitest';
import type { SequenceKind, Sequences } from './order-life.js';
import { computeOrder, type Cart } from './place-order.js';

function counters(): Sequences {
  const values = new Map<SequenceKind, number>();
  return {
    next(kind) {
      const value = (values.get(kind) ?? 0) + 1;
      values.set(kind, value);
      return value;
    },
  };
}

const cart = (lines: Cart['lines'], currencyId?: number): Cart => ({
  shopId: 1,
  customerId: 1,
  addressDeliveryId: 1,
  addressInvoiceId: 1,
  carrierId: 3,
  lines,
  payment: 'card',
  path: [2],
  placedAt: '2026-11-01 10:00:00',
  ...(currencyId === undefined ? {} : { currencyId }),
});

describe('computeOrder', () => {
  it('prices a line seen before as the first time, each order with its own line records and ids', () => {
    const sequences = counters();
    const lines = [
      { productId: 1, quantity: 2 },
      { productId: 1, quantity: 2, reductionPercent: '10' },
    ];
    const first = computeOrder(cart(lines), sequences, 'key');
    const again = computeOrder(cart(lines), sequences, 'key');
    expect(again.lines.map(({ id: _id, ...line }) => line)).toEqual(
      first.lines.map(({ id: _id, ...line }) => line),
    );
    expect(again.totals).toEqual(first.totals);
    expect(again.lines.map((line) => line.id)).toEqual([3, 4]);
    expect(again.lines[0]).not.toBe(first.lines[0]);
    // The reduction and the currency are part of what a line is priced by.
    expect(first.lines[1]!.unitTaxExcl).not.toBe(first.lines[0]!.unitTaxExcl);
    const usd = computeOrder(cart(lines, 2), sequences, 'key');
    expect(usd.lines[0]!.unitTaxExcl).not.toBe(first.lines[0]!.unitTaxExcl);
  });
});
