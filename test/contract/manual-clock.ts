import type { Clock } from '../../src/ports/clock.js';

/** A clock the test moves by hand: lock expiry and leases without waiting. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start = '2025-03-14T09:00:00.000Z') {
    this.#now = Date.parse(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  async sleep(ms: number): Promise<void> {
    this.advance(ms);
  }
}
