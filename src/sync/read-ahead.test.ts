import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import type { SourcedOrder } from '../domain/shop-order.js';
import type { OrderHeader } from '../ports/order-source.js';
import { READ_BATCH, ReadAhead } from './read-ahead.js';

const header = (orderId: number): OrderHeader => ({
  key: { shopId: 1, orderId },
  reference: `REF${orderId}`,
  stateId: 2,
  dateAdd: '2026-11-01 10:00:00',
  dateUpd: '2026-11-01 10:00:00',
  invoiceDate: undefined,
  totalPaidTaxIncl: new Decimal(10),
});

/** A source whose batches answer only when the test says so: what was asked, and when. */
function gatedSource() {
  const asked: number[][] = [];
  const answers: (() => void)[] = [];
  let failWith: Error | undefined;
  return {
    asked,
    answerNext: () => answers.shift()?.(),
    failNext: (error: Error) => (failWith = error),
    source: {
      completeOrders(headers: readonly OrderHeader[]): Promise<readonly SourcedOrder[]> {
        asked.push(headers.map((h) => h.key.orderId));
        const failure = failWith;
        failWith = undefined;
        return new Promise((resolve, reject) => {
          answers.push(() =>
            failure
              ? reject(failure)
              : resolve(
                  headers.map((h) => ({
                    ok: false,
                    key: h.key,
                    reference: h.reference,
                    stateId: h.stateId,
                    code: 'shop-read-failed',
                    message: 'read',
                  })),
                ),
          );
        });
      },
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ReadAhead', () => {
  it('reads the next batch while the current one is used, never two ahead', async () => {
    const shop = gatedSource();
    const headers = [1, 2, 3, 4, 5, 6].map(header);
    const reads = new ReadAhead(headers, shop.source, { withMessages: false, batchSize: 2 });
    const first = reads.batchOf(0);
    await settle();
    expect(shop.asked).toEqual([[1, 2]]); // nothing read ahead before the first batch is there
    shop.answerNext();
    const { batch, at } = await first;
    expect(batch.map((sourced) => (sourced.ok ? 0 : sourced.key.orderId))).toEqual([1, 2]);
    expect(at).toBe(0);
    expect(shop.asked).toEqual([
      [1, 2],
      [3, 4],
    ]); // the second is on its way while the first is written
    expect((await reads.batchOf(1)).at).toBe(1);
    expect(shop.asked).toHaveLength(2);
    const third = reads.batchOf(2);
    shop.answerNext();
    expect((await third).at).toBe(0);
    expect(shop.asked).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    shop.answerNext();
    expect((await reads.batchOf(5)).at).toBe(1);
    expect(shop.asked).toHaveLength(3); // nothing past the last batch
  });

  it('lets a batch go once an order of a later one is asked for: two batches held at most', async () => {
    const shop = gatedSource();
    const reads = new ReadAhead([1, 2, 3, 4, 5, 6].map(header), shop.source, {
      withMessages: false,
      batchSize: 2,
    });
    const first = reads.batchOf(0);
    shop.answerNext();
    await first;
    const second = reads.batchOf(2);
    shop.answerNext();
    await second;
    await expect(reads.batchOf(3)).resolves.toMatchObject({ at: 1 }); // the current batch is kept
    // The first batch is gone: asking for it again would read it again, a programming error.
    await expect(reads.batchOf(1)).rejects.toThrow('already let go');
    expect(shop.asked).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('cuts batches of even sizes, at most READ_BATCH, as the source would', async () => {
    const shop = gatedSource();
    const headers = Array.from({ length: 2 * READ_BATCH + 200 }, (_, index) => header(index + 1));
    const reads = new ReadAhead(headers, shop.source, { withMessages: false });
    const first = reads.batchOf(0);
    shop.answerNext();
    await first;
    expect(shop.asked.map((ids) => ids.length)).toEqual([400, 400]);
  });

  it('fails the orders of a batch whose read failed, when they are asked for, not before', async () => {
    const shop = gatedSource();
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const reads = new ReadAhead([1, 2, 3, 4].map(header), shop.source, {
        withMessages: false,
        batchSize: 2,
      });
      const first = reads.batchOf(0);
      shop.failNext(new Error('shop unreachable')); // the batch read ahead will fail
      shop.answerNext();
      await first;
      shop.answerNext();
      await settle();
      await settle();
      expect(unhandled).toEqual([]);
      await expect(reads.batchOf(2)).rejects.toThrow('shop unreachable');
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
