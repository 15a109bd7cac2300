import { describe, expect, it } from 'vitest';

import type { Clock } from '../../ports/clock.js';
import { secretsEqual } from './secret-compare.js';
import { DEFAULT_SESSION_OPTIONS, SessionStore, randomToken } from './sessions.js';

class SteppingClock implements Clock {
  #ms = Date.parse('2026-12-01T08:00:00Z');
  now(): Date {
    return new Date(this.#ms);
  }
  async sleep(ms: number): Promise<void> {
    this.advance(ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

const OPTIONS = { idleMs: 1_000, absoluteMs: 5_000 };

describe('web sessions', () => {
  it('default to two idle hours and twelve in all', () => {
    expect(DEFAULT_SESSION_OPTIONS).toEqual({ idleMs: 7_200_000, absoluteMs: 43_200_000 });
    expect(new SessionStore(new SteppingClock()).maxAgeSeconds).toBe(43_200);
    expect(new SessionStore(new SteppingClock(), { idleMs: 1, absoluteMs: 1_999 }).maxAgeSeconds).toBe(1);
  });

  it('are found by id, each with its own random id and CSRF token', () => {
    const clock = new SteppingClock();
    const store = new SessionStore(clock, OPTIONS);
    const one = store.create('fr');
    const two = store.create('en');
    expect(new Set([one.id, one.csrfToken, two.id, two.csrfToken]).size).toBe(4);
    expect(one.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(3)).toMatch(/^[A-Za-z0-9_-]{4}$/);
    expect(one).toMatchObject({
      language: 'fr',
      lastPreviewRunId: undefined,
      createdAt: clock.now().getTime(),
    });
    expect(one.excludedOrders.size).toBe(0);
    expect(store.get(one.id)).toBe(one);
    expect(store.get(two.id)).toBe(two);
    expect(store.get(undefined)).toBeUndefined();
    expect(store.get('unknown')).toBeUndefined();
    expect(store.size).toBe(2);
    store.destroy(undefined);
    expect(store.size).toBe(2);
    store.destroy(one.id);
    expect(store.get(one.id)).toBeUndefined();
    expect(store.size).toBe(1);
  });

  it('end after the idle time without a request, which each request pushes back', () => {
    const clock = new SteppingClock();
    const store = new SessionStore(clock, OPTIONS);
    const session = store.create('fr');
    clock.advance(1_000);
    expect(store.get(session.id)).toBe(session);
    expect(session.lastSeenAt).toBe(clock.now().getTime());
    clock.advance(1_001);
    expect(store.get(session.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('end after the absolute time whatever happens', () => {
    const clock = new SteppingClock();
    const store = new SessionStore(clock, OPTIONS);
    const session = store.create('fr');
    for (let step = 0; step < 5; step += 1) {
      clock.advance(1_000);
      expect(store.get(session.id)).toBe(session);
    }
    clock.advance(1);
    expect(store.get(session.id)).toBeUndefined();
  });

  it('expired ones are swept when a new one is opened', () => {
    const clock = new SteppingClock();
    const store = new SessionStore(clock, OPTIONS);
    store.create('fr');
    const kept = store.create('fr');
    clock.advance(900);
    store.get(kept.id);
    clock.advance(200);
    store.create('en');
    expect(store.size).toBe(2);
    expect(store.get(kept.id)).toBe(kept);
  });
});

describe('comparing secrets', () => {
  it('is true for the same text only', () => {
    expect(secretsEqual('token-1234567890', 'token-1234567890')).toBe(true);
    expect(secretsEqual('token-1234567890', 'token-1234567891')).toBe(false);
    expect(secretsEqual('', 'token')).toBe(false);
    expect(secretsEqual('', '')).toBe(true);
  });
});
