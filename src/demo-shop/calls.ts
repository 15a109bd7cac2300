/** Counts the webservice calls the shop received, by resource and method (tests and benchmarks). */
export class CallCounter {
  private counts = new Map<string, Map<string, number>>();
  private count = 0;

  record(resource: string, method: string): void {
    const byMethod = this.counts.get(resource) ?? new Map<string, number>();
    byMethod.set(method, (byMethod.get(method) ?? 0) + 1);
    this.counts.set(resource, byMethod);
    this.count += 1;
  }

  /** Calls per resource (`''` for the API root). */
  byResource(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [resource, byMethod] of this.counts)
      out[resource] = [...byMethod.values()].reduce((a, b) => a + b, 0);
    return out;
  }

  byResourceAndMethod(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [resource, byMethod] of this.counts) out[resource] = Object.fromEntries(byMethod);
    return out;
  }

  total(): number {
    return this.count;
  }

  reset(): void {
    this.counts = new Map();
    this.count = 0;
  }
}
