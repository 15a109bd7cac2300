/**
 * When to try an HTTP call again, shared by every adapter that talks to a remote server (the PrestaShop
 * webservice, Dolibarr's REST API). What is worth retrying is each adapter's own predicate; how long to
 * wait is the same for all: the server's `Retry-After` first, else exponential backoff with jitter.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

export type RetryDecision = { readonly retry: false } | { readonly retry: true; readonly delayMs: number };

/**
 * The decision after attempt number `attempt` (1 for the first), given whether its outcome is retryable
 * and the server's `Retry-After`. `random` gives [0, 1) for the jitter; `now` reads a `Retry-After`
 * given as an HTTP date.
 */
export function retryDecision(
  attempt: number,
  retryable: boolean,
  retryAfter: string | undefined,
  policy: RetryPolicy,
  now: Date,
  random: () => number,
): RetryDecision {
  if (attempt >= policy.maxAttempts || !retryable) return { retry: false };
  const requested = retryAfterMs(retryAfter, now);
  if (requested !== undefined) return { retry: true, delayMs: Math.min(requested, policy.maxDelayMs) };
  return { retry: true, delayMs: backoffMs(attempt, policy, random) };
}

/** Exponential backoff with "equal jitter": half fixed, half random, so waits never collapse to zero. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** `Retry-After` as seconds (`120`) or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
