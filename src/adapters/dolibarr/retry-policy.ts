import { retryDecision, type RetryDecision, type RetryPolicy } from '../http/retry-timing.js';

export {
  backoffMs,
  defaultRetryPolicy,
  retryAfterMs,
  type RetryDecision,
  type RetryPolicy,
} from '../http/retry-timing.js';

/**
 * When to send a Dolibarr call again, and after how long. Pure: the client tells it what happened and
 * sleeps with its injected clock.
 *
 * No answer at all, a gateway or server error (502, 503, 504, 500 from Apache or PHP-FPM) and 429 from a
 * proxy are retried with exponential backoff. Dolibarr's own refusals (400, 401, 403, 404, 409, 501) are
 * not: the same call would get the same answer. A create (POST) whose answer was lost may have been
 * applied, so it is never resent blindly: the caller looks the document up by `ref_ext` instead. Dolibarr
 * answers some SQL errors with 503 and a JSON body: those are refusals, not outages — but for a deadlock,
 * where the database rolled Dolibarr's whole transaction back and nothing was written, so that the call,
 * a POST too, is sent again (real exchange 038: drafts of one kind inserted at once).
 */
export type AttemptOutcome =
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network' }
  | {
      readonly kind: 'status';
      readonly status: number;
      /** Whether the body was Dolibarr's own JSON error (not a proxy's HTML page). */
      readonly fromDolibarr: boolean;
      readonly retryAfter?: string | undefined;
      /** The database rolled the call's transaction back (a deadlock): nothing of it was written. */
      readonly rolledBack?: boolean;
    };

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryable(outcome: AttemptOutcome, method: string): boolean {
  const safe = method === 'GET' || method === 'PUT' || method === 'DELETE';
  switch (outcome.kind) {
    case 'timeout':
    case 'network':
      return safe;
    case 'status':
      if (outcome.rolledBack === true) return true;
      if (!RETRIED_STATUSES.has(outcome.status)) return false;
      // Restler's JSON 500/503 are Dolibarr's answers (SQL error, failed create): not an outage.
      if (outcome.fromDolibarr) return false;
      // 429 means "not processed": safe even for a POST.
      return safe || outcome.status === 429;
  }
}

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
