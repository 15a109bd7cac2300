import type { OrderSource } from '../ports/order-source.js';

/**
 * An order source opened on first use: reading navette's own data (runs, documents, a reset) must work
 * without the webservice key, which is resolved only when the shop is really called. A failed opening
 * (no key) is thrown to that caller and tried again by the next one.
 */
export class LazyOrderSource implements OrderSource {
  #opening: Promise<OrderSource> | undefined;

  constructor(private readonly openSource: () => Promise<OrderSource>) {}

  /** Opens the shop now: a use case that needs it says "no key" before doing anything else. */
  open(): Promise<OrderSource> {
    this.#opening ??= this.openSource().catch((error: unknown) => {
      this.#opening = undefined;
      throw error;
    });
    return this.#opening;
  }

  /** Whether the shop was opened (nothing to forget or close otherwise). */
  get opened(): boolean {
    return this.#opening !== undefined;
  }

  async orderStates() {
    return (await this.open()).orderStates();
  }

  async shops() {
    return (await this.open()).shops();
  }

  async *readOrders(query: Parameters<OrderSource['readOrders']>[0]) {
    yield* (await this.open()).readOrders(query);
  }

  async *readOrderHeaders(query: Parameters<OrderSource['readOrderHeaders']>[0]) {
    yield* (await this.open()).readOrderHeaders(query);
  }

  async completeOrders(...args: Parameters<OrderSource['completeOrders']>) {
    return (await this.open()).completeOrders(...args);
  }

  async currentStates(keys: Parameters<OrderSource['currentStates']>[0]) {
    return (await this.open()).currentStates(keys);
  }

  async stateHistories(keys: Parameters<OrderSource['stateHistories']>[0]) {
    return (await this.open()).stateHistories(keys);
  }

  async changeState(...args: Parameters<OrderSource['changeState']>) {
    return (await this.open()).changeState(...args);
  }

  async setTrackingNumber(...args: Parameters<OrderSource['setTrackingNumber']>) {
    return (await this.open()).setTrackingNumber(...args);
  }

  async setTrackingNumbers(...args: Parameters<OrderSource['setTrackingNumbers']>) {
    return (await this.open()).setTrackingNumbers(...args);
  }

  async checkConnection() {
    return (await this.open()).checkConnection();
  }
}
