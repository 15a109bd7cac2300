import { describe, expect, it } from 'vitest';
import { NumberingTurns } from './numbering-turns.js';

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('NumberingTurns', () => {
  it('lets a turn number once every turn taken before it on its resource was released, in any order', async () => {
    const turns = new NumberingTurns();
    const first = turns.take('orders');
    const second = turns.take('orders');
    const third = turns.take('orders');
    const proposal = turns.take('proposals');
    expect(await settled(first.ready)).toBe(true);
    expect(await settled(proposal.ready)).toBe(true);
    // The second ends first (a refused order): the third still waits for the first.
    second.release();
    expect(await settled(third.ready)).toBe(false);
    first.release();
    first.release();
    expect(await settled(third.ready)).toBe(true);
  });
});
