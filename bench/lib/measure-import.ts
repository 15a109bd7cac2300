import { NODE_FLAGS } from '../../src/app/heap-tuning.js';
import type { ImportMeasure } from '../children/import-child.js';
import { benchScript, spawnJsonChild } from './processes.js';

export interface ShopReady {
  readonly url: string;
  readonly key: string;
  readonly orders: number;
  readonly generatedMs: number;
}

export interface ShopCalls {
  readonly total: number;
  readonly byResource: Record<string, number>;
}

export interface MeasuredImport {
  readonly shop: ShopReady;
  /** The calls the shop received, as it counted them (a check on navette's own count). */
  readonly shopCalls: ShopCalls;
  readonly run: ImportMeasure;
}

/**
 * A demo shop of `orders` generated orders answering in `latencyMs`, in one process; navette importing
 * all of them, in another. Both processes end before this resolves.
 */
export async function measureImport(orders: number, latencyMs: number): Promise<MeasuredImport> {
  const shopProcess = spawnJsonChild(
    benchScript('children/demo-shop-server.js'),
    [String(orders), String(latencyMs)],
    nodeArgs('BENCH_SHOP_NODE_ARGS'),
  );
  try {
    const shop = await shopProcess.next<ShopReady>();
    const importProcess = spawnJsonChild(
      benchScript('children/import-child.js'),
      [shop.url, shop.key],
      // As the navette command starts node (its first line): the product as it runs.
      ['--expose-gc', ...NODE_FLAGS, ...nodeArgs('BENCH_IMPORT_NODE_ARGS')],
    );
    const run = await importProcess.next<ImportMeasure>();
    await importProcess.close();
    shopProcess.send('calls');
    const shopCalls = await shopProcess.next<ShopCalls>();
    return { shop, shopCalls, run };
  } finally {
    await shopProcess.close();
  }
}

/**
 * More flags for navette's process (`BENCH_IMPORT_NODE_ARGS`) or the demo shop's (`BENCH_SHOP_NODE_ARGS`),
 * space-separated, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a run spends its time.
 */
function nodeArgs(variable: 'BENCH_IMPORT_NODE_ARGS' | 'BENCH_SHOP_NODE_ARGS'): string[] {
  return (process.env[variable] ?? '').split(' ').filter((arg) => arg !== '');
}
