/** A place in a numbering queue: wait for `ready`, number, then `release` (again is harmless). */
export interface NumberingTurn {
  readonly ready: Promise<void>;
  release(): void;
}

/**
 * Dolibarr numbers a document as it validates it, from the highest number of its table so far
 * (`mod_commande_marbre::getNextValue`: `SELECT MAX(…)` + 1), so two validations at once pick the same
 * number and all but one fail on the `ref` unique key. Proven on a real Dolibarr 23.0.0-beta (real
 * exchanges 022–026): of 8 to 16 validations sent at once, 32 of 96 orders and 9 of 36 invoices passed,
 * the others answered 500 "Duplicate entry 'CO2612-0008-1' for key 'uk_commande_ref'" (never a shared
 * number, never a gap: the failed ones stay drafts), and the numbers went to whichever committed first,
 * not in the documents' order. Invoices must also be numbered in the order of their dates (French law:
 * a continuous, chronological series), which only validating them one by one in that order gives. So
 * the orders written at once validate one at a time per resource, in the order their writes were
 * started (the page's order, as the sync starts them): each takes its turn when its write starts, before
 * any call, and validates once the turns taken before it on that resource were released — numbered as
 * if written one by one.
 */
export class NumberingTurns {
  /** Per resource, the release of the last turn taken (never rejects). */
  readonly #last = new Map<string, Promise<void>>();

  take(resource: string): NumberingTurn {
    const before = this.#last.get(resource) ?? Promise.resolve();
    let release!: () => void;
    const own = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Passed once this turn and every turn before it were released: one that ends early (a refused
    // order) does not let the next one number before an earlier one.
    const passed = Promise.all([before, own]).then(() => undefined);
    this.#last.set(resource, passed);
    void passed.then(() => {
      if (this.#last.get(resource) === passed) this.#last.delete(resource);
    });
    return { ready: before, release };
  }
}
