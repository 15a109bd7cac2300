import type { Clock } from '../../ports/clock.js';

/** A token bucket: `capacity` tries at once, then one more every `refillMs`. */
export interface BucketSize {
  readonly capacity: number;
  readonly refillMs: number;
}

export interface AuthLimits {
  /** Tries from one address. */
  readonly perAddress: BucketSize;
  /** Tries from everywhere together: what holds when an attacker has many addresses (or all requests come through one proxy). */
  readonly global: BucketSize;
}

/**
 * 5 tries, then one every 3 s per address (20 a minute); 30, then one a second from all addresses
 * together. A mistyped password costs a few seconds; a guesser gets at most about 86,000 tries a day.
 */
export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  perAddress: { capacity: 5, refillMs: 3_000 },
  global: { capacity: 30, refillMs: 1_000 },
};

/** Addresses whose bucket is full again are forgotten past this many, so an attack cannot fill memory. */
const TRACKED_ADDRESSES = 10_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A try may go ahead (report its success), or must wait. */
export type AuthAttempt =
  | { readonly allowed: true; succeeded(): void }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * The one limiter in front of every check of a secret (the login form's password or token, the API's
 * Bearer token). Each try takes a token from its address's bucket and from the global one before the
 * secret is checked, so parallel guesses count too; a right secret gives its token back, so a user who
 * knows it is never held up by their own successes. The buckets refill by themselves: nobody is locked
 * out for longer than the refill of one token once guessing stops.
 *
 * Session cookies are not counted: their ids are 256 random bits, and a stale cookie after a restart is
 * ordinary.
 */
export class AuthLimiter {
  readonly #addresses = new Map<string, Bucket>();
  readonly #global: Bucket;

  constructor(
    private readonly clock: Clock,
    private readonly limits: AuthLimits = DEFAULT_AUTH_LIMITS,
  ) {
    this.#global = { tokens: limits.global.capacity, updatedAt: this.#now() };
  }

  begin(address: string): AuthAttempt {
    const now = this.#now();
    const own = this.#addresses.get(address) ?? { tokens: this.limits.perAddress.capacity, updatedAt: now };
    refill(own, this.limits.perAddress, now);
    refill(this.#global, this.limits.global, now);
    if (own.tokens < 1 || this.#global.tokens < 1) {
      const wait = Math.max(
        waitMs(own, this.limits.perAddress, now),
        waitMs(this.#global, this.limits.global, now),
      );
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    }
    take(own, this.limits.perAddress, now);
    take(this.#global, this.limits.global, now);
    this.#track(address, own, now);
    return {
      allowed: true,
      succeeded: () => {
        own.tokens = Math.min(this.limits.perAddress.capacity, own.tokens + 1);
        this.#global.tokens = Math.min(this.limits.global.capacity, this.#global.tokens + 1);
      },
    };
  }

  /** How many addresses have a bucket (bounded: see TRACKED_ADDRESSES). */
  get trackedAddresses(): number {
    return this.#addresses.size;
  }

  #track(address: string, bucket: Bucket, now: number): void {
    this.#addresses.set(address, bucket);
    if (this.#addresses.size <= TRACKED_ADDRESSES) return;
    for (const [known, other] of this.#addresses) {
      refill(other, this.limits.perAddress, now);
      if (other.tokens >= this.limits.perAddress.capacity) this.#addresses.delete(known);
    }
  }

  #now(): number {
    return this.clock.now().getTime();
  }
}

function refill(bucket: Bucket, size: BucketSize, now: number): void {
  const earned = Math.floor((now - bucket.updatedAt) / size.refillMs);
  // Nothing earned yet, or a clock set back: never take tokens away.
  if (earned <= 0) return;
  bucket.tokens = Math.min(size.capacity, bucket.tokens + earned);
  // Keep the part of a token already earned. (A full bucket's time does not matter: `take` restarts it.)
  bucket.updatedAt += earned * size.refillMs;
}

function take(bucket: Bucket, size: BucketSize, now: number): void {
  // A full bucket starts earning its next token now, not when it last filled up.
  if (bucket.tokens >= size.capacity) bucket.updatedAt = now;
  bucket.tokens -= 1;
}

function waitMs(bucket: Bucket, size: BucketSize, now: number): number {
  return bucket.tokens >= 1 ? 0 : bucket.updatedAt + size.refillMs - now;
}
