import { retryDecision, type RetryDecision, type RetryPolicy } from '../http/retry-timing.js';

export {
  backoffMs,
  defaultRetryPolicy,
  retryAfterMs,
  type RetryDecision,
  type RetryPolicy,
} from '../http/retry-timing.js';

import { ERROR_CODE } from './webservice-dialect.js';

/**
 * When to try a webservice call again, and after how long. Pure: the client feeds it what happened and
 * sleeps with its injected clock.
 *
 * PrestaShop itself never rate-limits; the hostings and WAFs in front of it do (429, 503, connection
 * resets, 504 on big pages, truncated bodies). Those are retried with exponential backoff and jitter.
 * What retrying cannot fix (a bad key, a missing permission, an unknown filter) fails at once.
 */

export type AttemptOutcome =
  | { readonly kind: 'timeout' }
  /** fetch threw (connection reset, refused, DNS): no answer at all. */
  | { readonly kind: 'network' }
  /** A 2xx whose body could not be parsed (cut by the host or a proxy). */
  | { readonly kind: 'malformed' }
  | {
      readonly kind: 'status';
      readonly status: number;
      /** PrestaShop error codes found in the body, if any. */
      readonly errorCodes: readonly number[];
      /** The raw `Retry-After` header. */
      readonly retryAfter?: string | undefined;
    };

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * PrestaShop error codes that say the request itself is wrong: retrying gives the same answer. The code
 * wins over the status: an unknown filter comes as HTTP 500 on a real 8.1.2 (see ERROR_CODE).
 */
const DEFINITIVE_ERROR_CODES: ReadonlySet<number> = new Set(Object.values(ERROR_CODE));

/** Whether the outcome may be retried at all, whatever the attempt count. */
export function isRetryable(outcome: AttemptOutcome, method: string): boolean {
  const idempotent = method === 'GET' || method === 'HEAD' || method === 'PUT';
  switch (outcome.kind) {
    case 'timeout':
    case 'network':
    case 'malformed':
      // A POST whose answer was lost may have been applied: never resend it blindly (the caller decides,
      // e.g. changeState re-reads the order's state first).
      return idempotent;
    case 'status':
      if (outcome.errorCodes.some((code) => DEFINITIVE_ERROR_CODES.has(code))) return false;
      if (!RETRIED_STATUSES.has(outcome.status)) return false;
      // 429 means "not processed, slow down": safe even for a POST.
      return idempotent || outcome.status === 429;
  }
}

/**
 * The decision after attempt number `attempt` (1 for the first) ended with `outcome`. `random` gives
 * [0, 1) for the jitter; `now` is needed to read a `Retry-After` given as an HTTP date.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  attempt: number,
  method: string,
  policy: RetryPolicy,
  now: Date,
  random: () => number,
): RetryDecision {
  const retryAfter = outcome.kind === 'status' ? outcome.retryAfter : undefined;
  return retryDecision(attempt, isRetryable(outcome, method), retryAfter, policy, now, random);
}
