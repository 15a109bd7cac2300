import type { Clock } from '../../ports/clock.js';

/**
 * Slows password guessing: after `maxFailures` failed logins from one address within `windowMs`, that
 * address must wait until the window has passed. A global limit also holds when every request seems to
 * come from the same proxy or the address is unknown.
 */
export class LoginRateLimit {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures = 5,
    private readonly windowMs = 60_000,
  ) {}

  /** Seconds to wait before trying again from this address, or 0 when a try is allowed. */
  retryAfterSeconds(address: string): number {
    const recent = this.#recent(address);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[recent.length - this.maxFailures] ?? this.clock.now().getTime();
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.clock.now().getTime()) / 1000));
  }

  recordFailure(address: string): void {
    const recent = this.#recent(address);
    recent.push(this.clock.now().getTime());
    this.#failures.set(address, recent);
  }

  recordSuccess(address: string): void {
    this.#failures.delete(address);
  }

  #recent(address: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs;
    return (this.#failures.get(address) ?? []).filter((time) => time > since);
  }
}
