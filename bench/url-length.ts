/**
 * How long a URL the demo shop's HTTP server accepts (issue 9: the OR-lists of navette's look-ups must
 * stay under what real servers accept). Sends `GET /api/order_details?filter[id_order]=[…]` with ever
 * longer id lists over real HTTP and prints the status of each length.
 *
 *   node dist/bench/bench/url-length.js
 *
 * Apache and nginx are not on the benchmark machines: their defaults are quoted from their documentation
 * in bench/README.md (LimitRequestLine 8190, large_client_header_buffers 8k).
 */
import { request } from 'node:http';
import { MAX_URL_LENGTH } from '../src/adapters/prestashop/webservice-client.js';
import { startDemoShopServer } from '../src/demo-shop/index.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { DEMO_NOW } from './lib/setup.js';

const server = await startDemoShopServer({ port: 0, now: DEMO_NOW });
const base = `${server.url.replace(/\/$/, '')}/api/order_details?display=full&output_format=JSON&filter%5Bid_order%5D=`;

/** The status of one GET, or the socket's error when the server drops it without an answer. */
function statusOf(url: string): Promise<string> {
  return new Promise((resolve) => {
    const asked = request(
      url,
      { headers: { authorization: `Basic ${Buffer.from(`${server.key}:`).toString('base64')}` } },
      (answer) => {
        answer.resume();
        answer.on('end', () => resolve(String(answer.statusCode)));
      },
    );
    asked.on('error', (error) => resolve(`error ${error.message}`));
    asked.end();
  });
}

console.log(`url-length — ${machineLine(describeMachine())}`);
const results: { length: number; status: string }[] = [];
for (const target of [2_000, 4_000, MAX_URL_LENGTH, 8_190, 12_000, 16_000, 16_500, 20_000, 64_000]) {
  const ids: string[] = [];
  let url = `${base}%5B%5D`;
  for (let id = 100_000; url.length < target; id += 1) {
    ids.push(String(id));
    url = `${base}%5B${ids.join('%7C')}%5D`;
  }
  const status = await statusOf(url);
  results.push({ length: url.length, status });
  console.log(
    `${String(url.length).padStart(6)} characters, ${String(ids.length).padStart(5)} ids: ${status}`,
  );
}
console.log(JSON.stringify({ bench: 'url-length', results }));
await server.close();
