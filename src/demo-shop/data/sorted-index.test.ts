import { describe, expect, it } from 'vitest';
import { createPrng } from '../prng.js';
import { firstNotBelow, SortedIndex } from './sorted-index.js';

interface Row {
  readonly id: number;
  key: number;
}

const byKeyThenId = (a: Row, b: Row): number => a.key - b.key || a.id - b.id;

describe('a sorted index', () => {
  it('stays sorted through random inserts, moves and deletes, blocks splitting and emptying', () => {
    const random = createPrng(11);
    const index = new SortedIndex<Row>(byKeyThenId, 4);
    const rows: Row[] = [];
    for (let step = 0; step < 3000; step += 1) {
      const choice = random();
      if (choice < 0.5 || rows.length === 0) {
        const row = { id: step, key: Math.floor(random() * 50) };
        rows.push(row);
        index.insert(row);
      } else if (choice < 0.8) {
        // A record whose key changes: out at its old place, in at its new one (as date_upd moves).
        const row = rows[Math.floor(random() * rows.length)] as Row;
        expect(index.delete(row)).toBe(true);
        row.key = Math.floor(random() * 50);
        index.insert(row);
      } else {
        const [row] = rows.splice(Math.floor(random() * rows.length), 1);
        expect(index.delete(row as Row)).toBe(true);
        expect(index.delete(row as Row)).toBe(false);
      }
      if (step % 250 === 0 || step === 2999) {
        const expected = [...rows].sort(byKeyThenId);
        expect([...index.from()]).toEqual(expected);
        expect(index.size).toBe(rows.length);
        const bound = Math.floor(random() * 52);
        expect([...index.from((row) => row.key < bound)]).toEqual(expected.filter((row) => row.key >= bound));
      }
    }
  });

  it('starts past the end when every record is below the bound, and is empty when empty', () => {
    const index = new SortedIndex<Row>(byKeyThenId, 2);
    expect([...index.from()]).toEqual([]);
    expect(index.delete({ id: 1, key: 1 })).toBe(false);
    for (let id = 1; id <= 9; id += 1) index.insert({ id, key: id % 3 });
    expect([...index.from(() => true)]).toEqual([]);
    expect([...index.from((row) => row.key < 2)].map((row) => row.id)).toEqual([2, 5, 8]);
  });

  it('binary-searches a sorted array for its first element not below a bound', () => {
    const items = [1, 3, 3, 5, 8];
    expect(firstNotBelow(items, (x) => x < 0)).toBe(0);
    expect(firstNotBelow(items, (x) => x < 3)).toBe(1);
    expect(firstNotBelow(items, (x) => x < 4)).toBe(3);
    expect(firstNotBelow(items, (x) => x < 9)).toBe(5);
    expect(firstNotBelow([], () => true)).toBe(0);
  });
});
