/**
 * At most `limit` writes in flight, started in the caller's order: `ready` waits for a free lane, `run`
 * starts a write on it and hands back its promise. The caller keeps those promises in its own order, so
 * what comes out does not depend on which write ends first. `settle` waits until nothing is in flight,
 * so that a page never returns, nor throws, with a write still going on behind it.
 */
export class WriteLanes {
  readonly #limit: number;
  /** Writes in flight, as promises that never reject (a lane frees itself whatever its write did). */
  readonly #inFlight = new Set<Promise<void>>();

  constructor(limit: number) {
    this.#limit = Number.isInteger(limit) ? Math.max(1, limit) : 1;
  }

  /** Resolves once a lane is free. */
  async ready(): Promise<void> {
    while (this.#inFlight.size >= this.#limit) await Promise.race(this.#inFlight);
  }

  /** Starts a write on a free lane (after `ready`): never more than `limit` at once. */
  run<T>(write: () => Promise<T>): Promise<T> {
    if (this.#inFlight.size >= this.#limit)
      throw new Error('WriteLanes.run without a free lane: await ready() first');
    const result = write();
    const lane: Promise<void> = result
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.#inFlight.delete(lane));
    this.#inFlight.add(lane);
    return result;
  }

  async settle(): Promise<void> {
    await Promise.all(this.#inFlight);
  }
}
