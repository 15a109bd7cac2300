import { describe, expect, it } from 'vitest';

import { backoffMs, decideRetry, defaultRetryPolicy, isRetryable, retryAfterMs } from './retry-policy.js';

const now = new Date('2026-11-27T10:00:00Z');
const status = (code: number, errorCodes: number[] = [], retryAfter?: string) =>
  ({ kind: 'status', status: code, errorCodes, retryAfter }) as const;

describe('retry policy', () => {
  it('retries what a host does to a shop, not what the shop says is wrong', () => {
    for (const code of [429, 500, 502, 503, 504]) expect(isRetryable(status(code), 'GET')).toBe(true);
    for (const code of [400, 401, 403, 404, 405]) expect(isRetryable(status(code), 'GET')).toBe(false);
    expect(isRetryable({ kind: 'timeout' }, 'GET')).toBe(true);
    expect(isRetryable({ kind: 'network' }, 'GET')).toBe(true);
    expect(isRetryable({ kind: 'malformed' }, 'GET')).toBe(true);
  });

  it('recognises error 32 by its code even when served as HTTP 500 (8.1.2)', () => {
    expect(isRetryable(status(500, [32, 3]), 'GET')).toBe(false);
    expect(isRetryable(status(503, [22]), 'GET')).toBe(false);
  });

  it('never resends a POST whose outcome is unknown, but does after a 429', () => {
    expect(isRetryable({ kind: 'timeout' }, 'POST')).toBe(false);
    expect(isRetryable({ kind: 'network' }, 'POST')).toBe(false);
    expect(isRetryable(status(502), 'POST')).toBe(false);
    expect(isRetryable(status(429), 'POST')).toBe(true);
  });

  it('retries a lost PUT (it sends the whole record again) and a lost HEAD, as a GET', () => {
    for (const method of ['PUT', 'HEAD']) {
      expect(isRetryable({ kind: 'timeout' }, method)).toBe(true);
      expect(isRetryable({ kind: 'network' }, method)).toBe(true);
      expect(isRetryable({ kind: 'malformed' }, method)).toBe(true);
      expect(isRetryable(status(502), method)).toBe(true);
    }
    expect(isRetryable({ kind: 'malformed' }, 'POST')).toBe(false);
  });

  it('never retries what PrestaShop says is wrong, whatever the status', () => {
    // An empty shop group is error 999 with HTTP 500 (WebserviceRequest::groupShopExists).
    expect(isRetryable(status(500, [999]), 'GET')).toBe(false);
    expect(isRetryable(status(503, [32]), 'GET')).toBe(false);
    // PHP warnings alone (code 3) say nothing about the request: a 500 with only them is retried.
    expect(isRetryable(status(500, [3]), 'GET')).toBe(true);
  });

  it('stops after the last attempt', () => {
    expect(decideRetry(status(503), 4, 'GET', defaultRetryPolicy, now, () => 0.5).retry).toBe(true);
    expect(decideRetry(status(503), 5, 'GET', defaultRetryPolicy, now, () => 0.5).retry).toBe(false);
  });

  it('backs off exponentially with jitter, within the cap', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 4000 };
    expect(backoffMs(1, policy, () => 0)).toBe(250);
    expect(backoffMs(1, policy, () => 0.999)).toBeLessThanOrEqual(500);
    expect(backoffMs(3, policy, () => 0)).toBe(1000);
    expect(backoffMs(8, policy, () => 1)).toBe(4000);
  });

  it('honours Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Fri, 27 Nov 2026 10:00:12 GMT', now)).toBe(12_000);
    expect(retryAfterMs('n/a', now)).toBeUndefined();
    expect(retryAfterMs(' 7 ', now)).toBe(7000);
    // A date already past means "now", never a negative wait.
    expect(retryAfterMs('Fri, 27 Nov 2026 09:59:00 GMT', now)).toBe(0);
    expect(decideRetry(status(429, [], '3'), 1, 'GET', defaultRetryPolicy, now, () => 0)).toEqual({
      retry: true,
      delayMs: 3000,
    });
    expect(decideRetry(status(429, [], '3600'), 1, 'GET', defaultRetryPolicy, now, () => 0)).toEqual({
      retry: true,
      delayMs: defaultRetryPolicy.maxDelayMs,
    });
  });
});
