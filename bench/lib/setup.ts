import { configSchema, type NavetteConfig } from '../../src/config/config-schema.js';
import { starterConfig } from '../../src/config/defaults.js';
import type { FetchLike } from '../../src/adapters/http/fetch-like.js';

/** The demo shop's "now": its generated orders spread over the 60 days before it. */
export const DEMO_NOW = new Date('2026-11-27T10:00:00Z');
/** The same seed everywhere, so that every benchmark reads the same orders. */
export const SEED = 42;
/** A shop that answers in 50 ms (SPEC §8 "Fast"). */
export const LATENCY_MS = 50;
/** A period that holds every generated order (shop-local days). */
export const PERIOD = { from: '2026-09-01', to: '2026-11-30' } as const;

/**
 * navette's starter configuration (SPEC §2 table) with **every** state selected, so that every order of
 * the shop is imported and the numbers are per order read, not per order that happens to match.
 */
export function benchConfig(shopUrl: string, database: string): NavetteConfig {
  const starter = starterConfig(shopUrl);
  return configSchema.parse({
    ...starter,
    states: starter.states.map((rule) => ({ ...rule, selected: true })),
    gescom: { target: 'embedded', database },
    period: { kind: 'custom', from: PERIOD.from, to: PERIOD.to, dateField: 'order' },
  });
}

/** Calls counted on navette's side, by resource, whatever the shop counts. */
export class CountingFetch {
  private readonly counts = new Map<string, number>();
  constructor(private readonly inner: FetchLike) {}

  readonly fetch: FetchLike = (url, init) => {
    const resource = /\/api\/?([^/?]*)/.exec(new URL(url).pathname)?.[1] ?? '';
    this.counts.set(resource, (this.counts.get(resource) ?? 0) + 1);
    return this.inner(url, init);
  };

  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  byResource(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort((a, b) => b[1] - a[1]));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** Calls per hundred orders, with one decimal. */
export function per100(calls: number, orders: number): number {
  return orders === 0 ? Number.NaN : Math.round((calls / orders) * 1000) / 10;
}
