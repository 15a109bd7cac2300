import { describe, expect, it } from 'vitest';
import { backoffMs, decideRetry, defaultRetryPolicy, isRetryable, retryAfterMs } from './retry-policy.js';

const page = (status: number) => ({ kind: 'status', status, fromDolibarr: false }) as const;
const restler = (status: number) => ({ kind: 'status', status, fromDolibarr: true }) as const;

describe('retry policy', () => {
  it('retries reads on outages: no answer, timeouts, a proxy’s 5xx or 429', () => {
    for (const outcome of [
      { kind: 'network' } as const,
      { kind: 'timeout' } as const,
      page(502),
      page(503),
      page(504),
      page(500),
      page(429),
    ])
      expect(isRetryable(outcome, 'GET')).toBe(true);
  });

  it('never retries Dolibarr’s own refusals, even a JSON 503 (an SQL error)', () => {
    for (const status of [400, 401, 403, 404, 409, 501]) expect(isRetryable(page(status), 'GET')).toBe(false);
    expect(isRetryable(restler(503), 'GET')).toBe(false);
    expect(isRetryable(restler(500), 'GET')).toBe(false);
  });

  it('never resends a create whose answer may be lost, but does after 429 (not processed)', () => {
    expect(isRetryable({ kind: 'network' }, 'POST')).toBe(false);
    expect(isRetryable({ kind: 'timeout' }, 'POST')).toBe(false);
    expect(isRetryable(page(502), 'POST')).toBe(false);
    expect(isRetryable(page(429), 'POST')).toBe(true);
    expect(isRetryable(page(503), 'PUT')).toBe(true);
  });

  it('backs off exponentially with jitter, honours Retry-After, and stops after the last attempt', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    expect([1, 2, 3].map((n) => backoffMs(n, defaultRetryPolicy, () => 0))).toEqual([250, 500, 1000]);
    expect(backoffMs(20, defaultRetryPolicy, () => 1)).toBe(30_000);
    expect(
      decideRetry({ ...page(429), retryAfter: '2' }, 1, 'GET', defaultRetryPolicy, now, () => 0),
    ).toEqual({
      retry: true,
      delayMs: 2000,
    });
    expect(retryAfterMs('Fri, 27 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(decideRetry(page(503), 5, 'GET', defaultRetryPolicy, now, () => 0)).toEqual({ retry: false });
  });
});
