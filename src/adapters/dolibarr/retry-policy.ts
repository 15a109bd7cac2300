/**
 * When to send a Dolibarr call again, and after how long. Pure: the client tells it what happened and
 * sleeps with its injected clock.
 *
 * No answer at all, a gateway or server error (502, 503, 504, 500 from Apache or PHP-FPM) and 429 from a
 * proxy are retried with exponential backoff. Dolibarr's own refusals (400, 401, 403, 404, 409, 501) are
 * not: the same call would get the same answer. A create (POST) whose answer was lost may have been
 * applied, so it is never resent blindly: the caller looks the document up by `ref_ext` instead. Dolibarr
 * answers some SQL errors with 503 and a JSON body: those are refusals, not outages.
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
    };

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

export type RetryDecision = { readonly retry: false } | { readonly retry: true; readonly delayMs: number };

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryable(outcome: AttemptOutcome, method: string): boolean {
  const safe = method === 'GET' || method === 'PUT' || method === 'DELETE';
  switch (outcome.kind) {
    case 'timeout':
    case 'network':
      return safe;
    case 'status':
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
  if (attempt >= policy.maxAttempts || !isRetryable(outcome, method)) return { retry: false };
  const requested = outcome.kind === 'status' ? retryAfterMs(outcome.retryAfter, now) : undefined;
  if (requested !== undefined) return { retry: true, delayMs: Math.min(requested, policy.maxDelayMs) };
  return { retry: true, delayMs: backoffMs(attempt, policy, random) };
}

/** Exponential backoff with "equal jitter": half fixed, half random. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
