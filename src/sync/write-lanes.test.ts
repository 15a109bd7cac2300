import { describe, expect, it } from 'vitest';
import { WriteLanes } from './write-lanes.js';

/** A write that ends only when the test says so, failing or not. */
function gatedWrite<T>(value: T) {
  let end: (fail?: Error) => void = () => undefined;
  const started = new Promise<T>((resolve, reject) => {
    end = (fail) => (fail ? reject(fail) : resolve(value));
  });
  return { write: () => started, end: (fail?: Error) => end(fail) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Whether `promise` has ended by the next turn of the event loop. */
async function hasEnded(promise: Promise<unknown>): Promise<boolean> {
  let ended = false;
  void promise.then(
    () => (ended = true),
    () => (ended = true),
  );
  await tick();
  return ended;
}

/** How many writes `lanes` lets start before one ends: each `ready` that resolves at once is a free lane. */
async function freeLanes(lanes: WriteLanes): Promise<number> {
  let count = 0;
  while (count < 10 && (await hasEnded(lanes.ready()))) {
    void lanes.run(gatedWrite(count).write);
    count++;
  }
  return count;
}

describe('WriteLanes', () => {
  it('lets `limit` writes start at once, and the next only when one ends', async () => {
    const lanes = new WriteLanes(2);
    const first = gatedWrite('a');
    const second = gatedWrite('b');
    await lanes.ready();
    const a = lanes.run(first.write);
    await lanes.ready();
    const b = lanes.run(second.write);
    const third = lanes.ready();
    expect(await hasEnded(third)).toBe(false);
    second.end();
    expect(await hasEnded(third)).toBe(true);
    expect(await b).toBe('b');
    first.end();
    expect(await a).toBe('a');
  });

  it('a failed write frees its lane, and its promise still fails for the caller', async () => {
    const lanes = new WriteLanes(1);
    const failing = gatedWrite('never');
    await lanes.ready();
    const result = lanes.run(failing.write);
    const next = lanes.ready();
    failing.end(new Error('refused'));
    await expect(result).rejects.toThrow('refused');
    expect(await hasEnded(next)).toBe(true);
  });

  it('refuses a write started without a free lane', async () => {
    const lanes = new WriteLanes(1);
    void lanes.run(gatedWrite(1).write);
    expect(() => lanes.run(gatedWrite(2).write)).toThrow('WriteLanes.run without a free lane');
  });

  it('settle waits for every write in flight, and ends at once when none is', async () => {
    const lanes = new WriteLanes(3);
    expect(await hasEnded(lanes.settle())).toBe(true);
    const first = gatedWrite(1);
    const second = gatedWrite(2);
    void lanes.run(first.write);
    void lanes.run(second.write);
    const settled = lanes.settle();
    first.end();
    expect(await hasEnded(settled)).toBe(false);
    second.end(new Error('failed')); // a failed write settles too
    expect(await hasEnded(settled)).toBe(true);
  });

  it('one lane for a limit below 2 or not a whole number', async () => {
    expect(await freeLanes(new WriteLanes(3))).toBe(3);
    expect(await freeLanes(new WriteLanes(1))).toBe(1);
    expect(await freeLanes(new WriteLanes(0))).toBe(1);
    expect(await freeLanes(new WriteLanes(-2))).toBe(1);
    expect(await freeLanes(new WriteLanes(2.5))).toBe(1);
    expect(await freeLanes(new WriteLanes(Number.NaN))).toBe(1);
  });
});
