/**
 * The demo shop in its own process, so that the process measured (navette) does not hold the shop's data
 * (about 450 MB of heap for 100,000 orders).
 *
 *   node demo-shop-server.js <orders> <latencyMs>
 *
 * Prints one JSON line `{ url, key, orders, generatedMs }` once listening. Then, for each line `calls` read
 * on stdin, prints the calls it received `{ total, byResource }`; it closes when stdin closes.
 */
import { createInterface } from 'node:readline';
import { startDemoShopServer } from '../../src/demo-shop/index.js';
import { DEMO_NOW, SEED } from '../lib/setup.js';

const count = Number(process.argv[2]);
const latencyMs = Number(process.argv[3] ?? 0);
if (!Number.isInteger(count) || count <= 0 || !Number.isFinite(latencyMs)) {
  process.stderr.write('usage: demo-shop-server.js <orders> <latencyMs>\n');
  process.exit(2);
}

const started = performance.now();
const server = await startDemoShopServer({ port: 0, now: DEMO_NOW, generated: { seed: SEED, count } });
const generatedMs = Math.round(performance.now() - started);
server.shop.faults.set({ latencyMs });
const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
print({ url: server.url, key: server.key, orders: server.shop.data.orderCount, generatedMs });

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'calls')
    print({ total: server.shop.calls.total(), byResource: server.shop.calls.byResource() });
});
lines.on('close', () => {
  void server.close().then(() => process.exit(0));
});
