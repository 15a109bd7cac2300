/**
 * Records kept sorted by a total order, in blocks of a few hundred: finding a place is two binary
 * searches, inserting or removing moves at most a block. Enough for the demo shop's 100,000 orders,
 * whose `date_upd` moves each time a state changes, without a balanced tree's code.
 */
export class SortedIndex<T> {
  private readonly blocks: T[][] = [];
  private count = 0;

  /** `compare` must be a total order: no two distinct records compare equal (end keys with the id). */
  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly blockSize = 256,
  ) {}

  get size(): number {
    return this.count;
  }

  insert(item: T): void {
    const blockIndex = Math.min(
      this.blockFor((last) => this.compare(last, item) < 0),
      this.blocks.length - 1,
    );
    const block = this.blocks[blockIndex];
    if (!block) {
      this.blocks.push([item]);
    } else {
      block.splice(
        firstNotBelow(block, (x) => this.compare(x, item) < 0),
        0,
        item,
      );
      if (block.length > 2 * this.blockSize)
        this.blocks.splice(blockIndex + 1, 0, block.splice(this.blockSize));
    }
    this.count += 1;
  }

  /** Removes `item` (found by its position in the order, then by identity); false when absent. */
  delete(item: T): boolean {
    const blockIndex = this.blockFor((last) => this.compare(last, item) < 0);
    const block = this.blocks[blockIndex];
    if (!block) return false;
    const at = firstNotBelow(block, (x) => this.compare(x, item) < 0);
    if (block[at] !== item) return false;
    block.splice(at, 1);
    if (block.length === 0) this.blocks.splice(blockIndex, 1);
    this.count -= 1;
    return true;
  }

  /**
   * The records in order from the first one `isBelow` rejects. `isBelow` must be monotone over the
   * order (true, then only false): a lower bound.
   */
  *from(isBelow: (item: T) => boolean = () => false): Generator<T> {
    let blockIndex = this.blockFor(isBelow);
    const first = this.blocks[blockIndex];
    if (!first) return;
    let at = firstNotBelow(first, isBelow);
    for (; blockIndex < this.blocks.length; blockIndex += 1, at = 0) {
      const block = this.blocks[blockIndex] ?? [];
      for (; at < block.length; at += 1) yield block[at] as T;
    }
  }

  /** The first block whose last record is not below (the blocks' last records are sorted). */
  private blockFor(isBelow: (last: T) => boolean): number {
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const block = this.blocks[middle] ?? [];
      if (isBelow(block[block.length - 1] as T)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Binary search: the first index whose item `isBelow` rejects (items.length when none). */
export function firstNotBelow<T>(items: readonly T[], isBelow: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBelow(items[middle] as T)) low = middle + 1;
    else high = middle;
  }
  return low;
}
