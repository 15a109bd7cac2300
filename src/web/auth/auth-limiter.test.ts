import { describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../ports/clock.js';
import { AuthLimiter, DEFAULT_AUTH_LIMITS } from './auth-limiter.js';

/** A clock the test moves by hand. */
function handClock(): Clock & { advance(ms: number): void } {
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
});
