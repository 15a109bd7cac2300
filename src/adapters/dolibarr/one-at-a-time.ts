/**
 * Tasks that must not overlap when they share a key run one after the other, in the order they were
 * asked; tasks with no key in common run side by side. A task with several keys waits for every task
 * asked before it on any of them (no deadlock: a task only ever waits for earlier ones).
 *
 * Used where concurrent writes of different orders could otherwise make Dolibarr hold a thing twice or
 * collide: a third party looked up then created by two orders of one customer at once, an article
 * created by two orders, two payments numbered at once (numbering-turns.ts says why).
 */
export class OneAtATime {
  /** Per key, the end of the last task asked (never rejects). */
  readonly #tails = new Map<string, Promise<void>>();

  run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const before = keys.flatMap((key) => this.#tails.get(key) ?? []);
    const result = Promise.all(before).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of keys) this.#tails.set(key, tail);
    void tail.then(() => {
      for (const key of keys) if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
