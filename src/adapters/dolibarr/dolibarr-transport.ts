import type { Clock } from '../../ports/clock.js';
import type { FetchLike } from '../http/fetch-like.js';
import {
  type CallContext,
  type DolibarrFailure,
  failureFromStatus,
  malformedAnswer,
  serverError,
  timedOut,
  unreachable,
} from './errors.js';
import { type AttemptOutcome, type RetryPolicy, decideRetry, defaultRetryPolicy } from './retry-policy.js';
import { answerJson, storableJson } from './storable-text.js';
import { errorBodySchema } from './wire-schemas.js';

export interface DolibarrClientOptions {
  /** Dolibarr's address, e.g. `https://erp.example.fr` (with or without `/api/index.php`). */
  readonly url: string;
  /** The API key of the Dolibarr user navette acts as. Sent only as the DOLAPIKEY header. */
  readonly key: string;
  readonly fetch: FetchLike;
  readonly clock: Clock;
  /** Per attempt. Default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** [0, 1) for the backoff jitter. Default Math.random. */
  readonly random?: () => number;
  /** Every attempt, for logs and call counts: no key, no query string. */
  readonly onAttempt?: (event: AttemptEvent) => void;
}

export interface AttemptEvent {
  readonly method: string;
  /** e.g. `orders/{id}/validate`. */
  readonly endpoint: string;
  readonly attempt: number;
  readonly status?: number;
  readonly outcome: 'ok' | AttemptOutcome['kind'] | 'failed';
  readonly durationMs: number;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  /**
   * The server's clock when it took the request (its `Date` header, unix seconds), undefined when it
   * sent none: what the status sweep's cursor is measured in, never navette's own clock.
   */
  readonly serverTime?: number;
}

class TimeoutSignal extends Error {
  override readonly name = 'TimeoutSignal';
}

const API_PATH = '/api/index.php/';

/** The endpoint as counted and shown: ids as `{id}`, no query string. */
export function endpointOf(path: string): string {
  return (path.split('?')[0] ?? '').replace(/(^|\/)\d+(?=\/|$)/g, '$1{id}');
}

/**
 * One call to a Dolibarr's REST API over HTTP: the key as the DOLAPIKEY header (never in a URL, a
 * message or a log), a timeout per attempt, retries with backoff as the policy says, and Restler's
 * errors turned into failures with stable codes.
 */
export class DolibarrTransport {
  private readonly baseUrl: string;
  private readonly key: string;
  private readonly fetchFn: FetchLike;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly random: () => number;
  private readonly onAttempt: ((event: AttemptEvent) => void) | undefined;

  constructor(options: DolibarrClientOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '').replace(/\/api\/index\.php$/, '');
    this.key = options.key;
    this.fetchFn = options.fetch;
    this.clock = options.clock;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retryPolicy = options.retry ?? defaultRetryPolicy;
    this.random = options.random ?? Math.random;
    this.onAttempt = options.onAttempt;
  }

  /** The address as it may be shown. */
  get displayUrl(): string {
    return this.baseUrl;
  }

  /** One call, retried as the policy says. `path` is relative to `/api/index.php/`. */
  async request(
    method: string,
    path: string,
    options: { query?: URLSearchParams; body?: unknown } = {},
  ): Promise<Answer> {
    const context: CallContext = { method, endpoint: endpointOf(path) };
    const search = options.query?.toString() ?? '';
    const url = `${this.baseUrl}${API_PATH}${path}${search ? `?${search}` : ''}`;
    const body = options.body === undefined ? undefined : storableJson(JSON.stringify(options.body));
    let everAnswered = false;
    for (let attempt = 1; ; attempt += 1) {
      const started = this.clock.now().getTime();
      const result = await this.attempt(method, url, body);
      if (result.kind === 'response') everAnswered = true;
      const judged = this.judge(result, context);
      this.onAttempt?.({
        method,
        endpoint: context.endpoint,
        attempt,
        ...(result.kind === 'response' ? { status: result.status } : {}),
        outcome: judged.kind === 'done' ? 'ok' : judged.kind === 'retryable' ? judged.outcome.kind : 'failed',
        durationMs: this.clock.now().getTime() - started,
      });
      if (judged.kind === 'done') return judged.answer;
      if (judged.kind === 'failed') throw judged.failure;
      const decision = decideRetry(
        judged.outcome,
        attempt,
        method,
        this.retryPolicy,
        this.clock.now(),
        this.random,
      );
      if (!decision.retry) throw this.exhausted(judged.outcome, context, attempt, everAnswered);
      await this.clock.sleep(decision.delayMs);
    }
  }

  private async attempt(method: string, url: string, body: string | undefined): Promise<AttemptResult> {
    const controller = new AbortController();
    const stopTimer = new AbortController();
    const timer = this.clock.sleep(this.timeoutMs, stopTimer.signal).then(
      () => controller.abort(new TimeoutSignal()),
      () => undefined,
    );
    // Identity: Dolibarr's error page goes out marked gzip but is not compressed (seen on a real 23.0.0-beta
    // with `$dolibarr_main_prod = '0'`), and the fetch then fails as if Dolibarr had not answered.
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Encoding': 'identity',
      DOLAPIKEY: this.key,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await this.fetchFn(url, {
        method,
        headers,
        signal: controller.signal,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      return {
        kind: 'response',
        status: response.status,
        text,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after') ?? undefined,
        date: response.headers.get('date') ?? undefined,
      };
    } catch {
      if (controller.signal.aborted) return { kind: 'timeout' };
      return { kind: 'network' };
    } finally {
      stopTimer.abort();
      await timer;
    }
  }

  private judge(result: AttemptResult, context: CallContext): Judgement {
    if (result.kind === 'timeout') return { kind: 'retryable', outcome: { kind: 'timeout' } };
    if (result.kind === 'network') return { kind: 'retryable', outcome: { kind: 'network' } };
    const { status, text, contentType } = result;
    const isJson = contentType.includes('json');
    const body = text.trim() !== '' && isJson ? answerJson(text) : undefined;
    if (isJson && text.trim() !== '' && body === undefined && status >= 200 && status < 300)
      return { kind: 'failed', failure: malformedAnswer(context, status) };
    const serverTime = secondsOf(result.date);
    const stamp = serverTime === undefined ? {} : { serverTime };
    if (status === 304) return { kind: 'done', answer: { status, body: undefined, ...stamp } };
    if (status >= 200 && status < 300) {
      if (!isJson && text.trim() !== '') return { kind: 'failed', failure: malformedAnswer(context, status) };
      return { kind: 'done', answer: { status, body, ...stamp } };
    }
    const restler = errorBodySchema.safeParse(body);
    const detail = restler.success ? this.redact(restlerDetail(restler.data.error)) : '';
    if (RETRIED.has(status) && !restler.success)
      return {
        kind: 'retryable',
        outcome: { kind: 'status', status, fromDolibarr: false, retryAfter: result.retryAfter },
      };
    if (status === 500 && DEADLOCK.test(detail))
      return { kind: 'retryable', outcome: { kind: 'status', status, fromDolibarr: true, rolledBack: true } };
    return { kind: 'failed', failure: failureFromStatus(status, detail, context, isJson) };
  }

  private exhausted(
    outcome: AttemptOutcome,
    context: CallContext,
    attempts: number,
    everAnswered: boolean,
  ): DolibarrFailure {
    switch (outcome.kind) {
      case 'timeout':
        return timedOut(context, Math.round(this.timeoutMs / 1000));
      case 'network':
        return everAnswered ? serverError(context, undefined, attempts) : unreachable(this.baseUrl);
      case 'status':
        return serverError(context, outcome.status, attempts);
    }
  }

  private redact(text: string): string {
    return this.key.length >= 4 ? text.split(this.key).join('***') : text;
  }
}

const RETRIED = new Set([429, 500, 502, 503, 504]);

/**
 * InnoDB's deadlock (MySQL error 1213), which rolls the whole transaction back: seen on a real Dolibarr
 * 23.0.0-beta when drafts of one kind are inserted at once (each as `(PROV)` under a unique key, then
 * renamed), in `error.0` of a 500 "Error creating order" (real exchange 038).
 */
const DEADLOCK = /Deadlock found when trying to get lock/;

/** `Not Found: Order not found` plus the object's own error (`error.0`), if any. */
/** Dolibarr's message with its own reason: in `0`, or in `1` when `0` is empty (real exchange 001). */
function restlerDetail(error: { message: string } & Record<string, unknown>): string {
  const own = [error['0'], error['1']].find((reason) => typeof reason === 'string' && reason !== '');
  const message = error.message.replace(/^[A-Za-z ]+: /, '');
  return typeof own === 'string' ? `${message} (${own})` : message;
}

/** An HTTP `Date` header (`Fri, 27 Nov 2026 09:43:32 GMT`) as unix seconds. */
function secondsOf(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const parsed = Date.parse(date);
  return Number.isNaN(parsed) ? undefined : Math.floor(parsed / 1000);
}

type AttemptResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly text: string;
      readonly contentType: string;
      readonly retryAfter: string | undefined;
      readonly date: string | undefined;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network' };

type Judgement =
  | { readonly kind: 'done'; readonly answer: Answer }
  | { readonly kind: 'failed'; readonly failure: DolibarrFailure }
  | { readonly kind: 'retryable'; readonly outcome: AttemptOutcome };
