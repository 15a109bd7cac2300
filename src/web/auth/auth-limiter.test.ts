import { describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../ports/clock.js';
import { AuthLimiter, DEFAULT_AUTH_LIMITS } from './auth-limiter.js';

/** A clock the test moves by hand. */
function handClock(): Clock & { advance(ms: number): void } {
  // (advance may be negative: a clock set back.)
  let now = Date.UTC(2026, 10, 27, 10);
  return {
    now: () => new Date(now),
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Tries once; true when the try was let through to the secret check. */
function guess(limiter: AuthLimiter, address: string): boolean {
  return limiter.begin(address).allowed;
}

describe('AuthLimiter', () => {
  it('lets 5 tries from one address through, then one every 3 s', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    for (let i = 0; i < 5; i += 1) expect(guess(limiter, 'a')).toBe(true);
    const refused = limiter.begin('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 3 });
    clock.advance(2_999);
    expect(guess(limiter, 'a')).toBe(false);
    clock.advance(1);
    expect(guess(limiter, 'a')).toBe(true);
    expect(guess(limiter, 'a')).toBe(false);
  });

  it('bounds guesses per second from many addresses together', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    let allowed = 0;
    // One minute of 1,000 guesses a second, each from a new address.
    for (let tick = 0; tick < 60_000; tick += 1) {
      if (guess(limiter, `10.0.${Math.floor(tick / 250) % 250}.${tick % 250}`)) allowed += 1;
      clock.advance(1);
    }
    const { global } = DEFAULT_AUTH_LIMITS;
    expect(allowed).toBeLessThanOrEqual(global.capacity + 60_000 / global.refillMs + 1);
    expect(allowed).toBeGreaterThan(60);
  });

  it('does not hold up the right password from another address after an attack', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    while (guess(limiter, 'attacker')) clock.advance(10);
    // The attacker's own address is held; the user's is not.
    const user = limiter.begin('user');
    expect(user.allowed).toBe(true);
  });

  it('lets the right password through within a second once a spread-out attack stops', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    for (let i = 0; i < 1_000; i += 1) guess(limiter, `attacker-${i}`);
    expect(guess(limiter, 'user')).toBe(false);
    clock.advance(DEFAULT_AUTH_LIMITS.global.refillMs);
    expect(guess(limiter, 'user')).toBe(true);
  });

  it('gives a successful try its token back: a script with the right token is never slowed', () => {
    const limiter = new AuthLimiter(handClock());
    for (let i = 0; i < 1_000; i += 1) {
      const attempt = limiter.begin('script');
      expect(attempt.allowed).toBe(true);
      if (attempt.allowed) attempt.succeeded();
    }
  });

  it('holds a user who mistyped 5 times for 3 seconds, not a minute', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    for (let i = 0; i < 5; i += 1) guess(limiter, 'user');
    expect(guess(limiter, 'user')).toBe(false);
    clock.advance(3_000);
    expect(guess(limiter, 'user')).toBe(true);
  });
  it('says how long to wait: the longer of the address and the global waits, rounded up to a second', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock, {
      perAddress: { capacity: 1, refillMs: 5_000 },
      global: { capacity: 2, refillMs: 2_000 },
    });
    expect(guess(limiter, 'a')).toBe(true);
    // The address is out of tries, the global bucket still holds one: only the address's wait counts.
    expect(limiter.begin('a')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    clock.advance(2_500);
    expect(limiter.begin('a')).toEqual({ allowed: false, retryAfterSeconds: 3 });
    clock.advance(1_600);
    expect(limiter.begin('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(guess(limiter, 'b')).toBe(true);
    expect(guess(limiter, 'c')).toBe(true);
    // Now the global bucket is empty too, and refills sooner than the address.
    expect(limiter.begin('c')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    expect(limiter.begin('d')).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('refills up to the capacity only, however long the wait', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    for (let i = 0; i < 5; i += 1) guess(limiter, 'a');
    clock.advance(60 * 60_000);
    for (let i = 0; i < 5; i += 1) expect(guess(limiter, 'a')).toBe(true);
    expect(guess(limiter, 'a')).toBe(false);
  });

  it('keeps the part of a token already earned when a token comes back', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    for (let i = 0; i < 5; i += 1) guess(limiter, 'a');
    clock.advance(4_500);
    expect(guess(limiter, 'a')).toBe(true);
    // The half token earned between 3 s and 4.5 s counts: the next one comes at 6 s, not 7.5 s.
    expect(limiter.begin('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    clock.advance(1_499);
    expect(guess(limiter, 'a')).toBe(false);
    clock.advance(1);
    expect(guess(limiter, 'a')).toBe(true);
  });

  it('starts the next token of a full bucket at the try that empties it, not when it last filled up', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    const first = limiter.begin('a');
    if (first.allowed) first.succeeded();
    clock.advance(2_999);
    for (let i = 0; i < 5; i += 1) expect(guess(limiter, 'a')).toBe(true);
    clock.advance(1);
    expect(guess(limiter, 'a')).toBe(false);
    clock.advance(2_999);
    expect(guess(limiter, 'a')).toBe(true);
  });

  it('gives a token back without ever going over the capacity', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock, {
      perAddress: { capacity: 2, refillMs: 1_000 },
      global: { capacity: 2, refillMs: 1_000 },
    });
    const first = limiter.begin('a');
    const second = limiter.begin('a');
    clock.advance(2_000);
    // Both tokens came back with time while the two tries were still being checked.
    expect(guess(limiter, 'a')).toBe(true);
    if (first.allowed) first.succeeded();
    if (second.allowed) second.succeeded();
    expect(guess(limiter, 'a')).toBe(true);
    expect(guess(limiter, 'a')).toBe(true);
    expect(guess(limiter, 'a')).toBe(false);
    expect(guess(limiter, 'b')).toBe(false);
  });

  it('gives back one token only for a wrong-then-right sequence', () => {
    const limiter = new AuthLimiter(handClock());
    for (let i = 0; i < 4; i += 1) guess(limiter, 'a');
    const right = limiter.begin('a');
    expect(right.allowed).toBe(true);
    if (right.allowed) right.succeeded();
    expect(guess(limiter, 'a')).toBe(true);
    expect(guess(limiter, 'a')).toBe(false);
  });

  it('takes no token away when the clock is set back', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock);
    guess(limiter, 'a');
    clock.advance(-60_000);
    for (let i = 0; i < 4; i += 1) expect(guess(limiter, 'a')).toBe(true);
    expect(guess(limiter, 'a')).toBe(false);
  });

  it('forgets addresses whose bucket is full again past 10,000, never one still held', () => {
    const clock = handClock();
    const limiter = new AuthLimiter(clock, {
      perAddress: { capacity: 2, refillMs: 1_000 },
      global: { capacity: 1_000_000, refillMs: 1 },
    });
    guess(limiter, 'attacker');
    guess(limiter, 'attacker');
    for (let i = 1; i < 9_999; i += 1) guess(limiter, `user-${i}`);
    expect(limiter.trackedAddresses).toBe(9_999);
    clock.advance(1_000);
    // 10,000 addresses are kept even though all but the attacker's are full again.
    guess(limiter, 'user-9999');
    expect(limiter.trackedAddresses).toBe(10_000);
    guess(limiter, 'user-10000');
    // Past 10,000, the full buckets go; the attacker's (one token of two back) and the newest stay.
    expect(limiter.trackedAddresses).toBe(3);
    expect(guess(limiter, 'attacker')).toBe(true);
    expect(guess(limiter, 'attacker')).toBe(false);
  });
});
