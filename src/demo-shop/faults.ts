import { createPrng } from './prng.js';

/** What can go wrong between navette and a hosted shop. */
export type FaultKind =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'malformed' };

export type FaultName = 'timeout' | 'reset' | 'truncate' | 'malformed' | 429 | 500 | 502 | 503 | 504;

export interface FaultSettings {
  readonly latencyMs?: number;
  readonly jitterMs?: number;
  /** Probability per call of each HTTP error status, e.g. `{ 503: 0.1, 429: 0.05 }`. */
  readonly errorRates?: Readonly<Partial<Record<number, number>>>;
  readonly retryAfterSeconds?: number;
  readonly timeoutRate?: number;
  readonly resetRate?: number;
  readonly truncateRate?: number;
  readonly malformedRate?: number;
  /** Limit the random faults to one resource. */
  readonly resource?: string;
  readonly seed?: number;
}

function toKind(name: FaultName, retryAfterSeconds?: number): FaultKind {
  if (typeof name === 'number')
    return name === 429
      ? { kind: 'status', status: 429, retryAfterSeconds: retryAfterSeconds ?? 1 }
      : { kind: 'status', status: name };
  return { kind: name };
}

/**
 * Decides, per call, the latency and the fault to inject. Random faults use a seeded generator so a run
 * can be replayed; `failNext` queues deterministic faults for tests.
 */
export class FaultInjector {
  private settings: FaultSettings = {};
  private random = createPrng(1);
  private queue: { resource: string; kind: FaultKind; remaining: number }[] = [];

  configure(settings: FaultSettings): void {
    this.settings = settings;
    this.random = createPrng(settings.seed ?? 1);
  }

  /** Removes every fault, random and queued. */
  clear(): void {
    this.settings = {};
    this.queue = [];
  }

  /** The next `count` calls to `resource` (`'*'`: any) fail with `fault`. */
  failNext(
    resource: string,
    count: number,
    fault: FaultName,
    options: { retryAfterSeconds?: number } = {},
  ): void {
    this.queue.push({ resource, kind: toKind(fault, options.retryAfterSeconds), remaining: count });
  }

  latency(): number {
    const base = this.settings.latencyMs ?? 0;
    const jitter = this.settings.jitterMs ?? 0;
    return base + (jitter > 0 ? Math.round(this.random() * jitter) : 0);
  }

  decide(resource: string): FaultKind | undefined {
    const queued = this.queue.find((q) => q.remaining > 0 && (q.resource === '*' || q.resource === resource));
    if (queued) {
      queued.remaining -= 1;
      this.queue = this.queue.filter((q) => q.remaining > 0);
      return queued.kind;
    }
    const s = this.settings;
    if (s.resource !== undefined && s.resource !== resource) return undefined;
    const draws: [number | undefined, FaultKind][] = [
      [s.timeoutRate, { kind: 'timeout' }],
      [s.resetRate, { kind: 'reset' }],
      [s.truncateRate, { kind: 'truncate' }],
      [s.malformedRate, { kind: 'malformed' }],
      ...Object.entries(s.errorRates ?? {}).map(([status, rate]): [number | undefined, FaultKind] => [
        rate,
        toKind(Number(status) as FaultName, s.retryAfterSeconds),
      ]),
    ];
    for (const [rate, kind] of draws) if (rate && this.random() < rate) return kind;
    return undefined;
  }
}
