import type { SourcedOrder } from '../domain/shop-order.js';
import type { OrderHeader, OrderSource } from '../ports/order-source.js';

/**
 * Orders made whole per batch: the PrestaShop source's own batch (`DEFAULT_PAGE_SIZE`), so that reading
 * a page batch by batch costs the same calls as reading it at once.
 */
export const READ_BATCH = 500;

/**
 * The orders of a page to be read whole, batch by batch, with the next batch read while the current
 * one is written: `batchOf(i)` reads the batch holding the i-th order (if not already read), then starts
 * reading the following one, which the shop answers while the caller writes these orders. The calls go
 * through the source's client and its bound on concurrent calls, like any others.
 *
 * Batches are of even sizes, at most `READ_BATCH`: 1,200 orders are three of 400, as the source itself
 * would cut them. A failed read fails `batchOf` for the orders of that batch, when they are asked for;
 * a batch read ahead and never asked for (the run stopped) is left to end on its own.
 *
 * Orders are asked for in the page's order, and a batch is let go as soon as an order of a later one is
 * asked for: at most two batches of whole orders are held (the one written, the one read ahead), however
 * long the page, so that a run's memory does not depend on how many orders a slim page holds.
 */
export class ReadAhead {
  readonly #headers: readonly OrderHeader[];
  readonly #read: (headers: readonly OrderHeader[]) => Promise<readonly SourcedOrder[]>;
  readonly #size: number;
  /** The batches still held, by number: the current one and the one read ahead. */
  readonly #batches = new Map<number, Promise<readonly SourcedOrder[]>>();
  /** The lowest batch number still to be asked for: those before it are let go. */
  #first = 0;

  constructor(
    headers: readonly OrderHeader[],
    source: Pick<OrderSource, 'completeOrders'>,
    options: { readonly withMessages: boolean; readonly batchSize?: number },
  ) {
    this.#headers = headers;
    this.#read = (batch) => source.completeOrders(batch, { withMessages: options.withMessages });
    const most = options.batchSize ?? READ_BATCH;
    this.#size = Math.ceil(headers.length / Math.max(1, Math.ceil(headers.length / most)));
  }

  /** The batch holding the `index`-th order, and where that order is in it. */
  async batchOf(index: number): Promise<{ readonly batch: readonly SourcedOrder[]; readonly at: number }> {
    const number = Math.floor(index / this.#size);
    // Reading a batch let go again would cost its calls twice: the callers go through the page once.
    if (number < this.#first) throw new Error(`ReadAhead: batch ${number} was already let go`);
    for (; this.#first < number; this.#first += 1) this.#batches.delete(this.#first);
    const batch = await this.#start(number);
    // Nothing to read ahead past the last batch.
    if ((number + 1) * this.#size < this.#headers.length) void this.#start(number + 1);
    return { batch, at: index - number * this.#size };
  }

  #start(number: number): Promise<readonly SourcedOrder[]> {
    const started = this.#batches.get(number);
    if (started !== undefined) return started;
    const headers = this.#headers.slice(number * this.#size, (number + 1) * this.#size);
    const reading = this.#read(headers);
    // Read ahead, its failure is seen when the batch is asked for, not as an unhandled rejection.
    reading.catch(() => undefined);
    this.#batches.set(number, reading);
    return reading;
  }
}
