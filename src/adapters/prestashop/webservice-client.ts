import type { Clock } from '../../ports/clock.js';
import type { FetchLike } from '../http/fetch-like.js';
import {
  type FailureContext,
  type WebserviceFailure,
  malformedAnswer,
  notPrestaShop,
  serverError,
  shopUnreachable,
  timedOut,
} from './errors.js';
import { type KeysetOptions, keysetPages, offsetPages } from './keyset-pages.js';
import { redactSecret, redactUrl } from './redact-url.js';
import { type AttemptOutcome, type RetryPolicy, decideRetry, defaultRetryPolicy } from './retry-policy.js';
import { Semaphore } from './semaphore.js';
import {
  type AttemptResult,
  type RawRecord,
  type WebserviceAnswer,
  judgeAttempt,
  listRecords,
  singleRecord,
} from './webservice-answer.js';
import {
  QUERY_KEY_PARAM,
  type ReadParams,
  asksForJson,
  basicAuthorization,
  readQuery,
  shopLabel,
  versionFromHeader,
} from './webservice-dialect.js';

// The names the rest of navette imports from the client.
export type { RawRecord, WebserviceAnswer } from './webservice-answer.js';
export type { FilterValue, ReadParams, ShopScope } from './webservice-dialect.js';

export interface WebserviceClientOptions {
  /** The shop's address, with or without the trailing `/api`. */
  readonly url: string;
  /** The webservice key (32 characters). Never logged, never in a message. */
  readonly key: string;
  readonly fetch: FetchLike;
  readonly clock: Clock;
  /** Per attempt, body included. Default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Concurrent calls at most. Default 3. */
  readonly concurrency?: number;
  /** OR-list length for look-ups by ids at most. Default: as many as `maxUrlLength` allows. */
  readonly idsPerCall?: number;
  /** The longest URL a look-up by ids builds. Default `MAX_URL_LENGTH`. */
  readonly maxUrlLength?: number;
  /** [0, 1) for the backoff jitter. Default Math.random. */
  readonly random?: () => number;
  /** Every attempt, for logs: the URL is already redacted. */
  readonly onAttempt?: (event: AttemptEvent) => void;
}

export interface AttemptEvent {
  readonly method: string;
  readonly url: string;
  readonly attempt: number;
  readonly status?: number;
  readonly outcome: 'ok' | AttemptOutcome['kind'] | 'failed';
  readonly durationMs: number;
}

/**
 * The longest URL navette sends, key included. Apache refuses a request line over 8,190 bytes
 * (LimitRequestLine's default: 414), nginx one over its 8 KiB header buffer (large_client_header_buffers,
 * 414); PrestaShop hosts run one or the other, often both. 8,000 characters for the whole URL (the
 * request line holds only its path and query, plus `GET ` and ` HTTP/1.1`) stays under both, with room
 * for a proxy that prefixes the path. See bench/README.md for what was measured.
 */
export const MAX_URL_LENGTH = 8000;

/** `&ws_key=` and a 32-character key: kept free in every URL, since the key may move to the query mid-run. */
const QUERY_KEY_ROOM = 48;

/**
 * HTTP access to one shop's webservice: authentication (with the `ws_key` fallback), formats of every
 * version, retries, bounded concurrency, paging. Returns plain records; schemas and mapping come after.
 */
export class WebserviceClient {
  private readonly baseUrl: string;
  private readonly key: string;
  private readonly fetchFn: FetchLike;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly semaphore: Semaphore;
  private readonly random: () => number;
  private readonly onAttempt: ((event: AttemptEvent) => void) | undefined;
  readonly idsPerCall: number;
  readonly maxUrlLength: number;
  /** Set once the Basic form was refused by a host that strips the Authorization header. */
  private useQueryKey = false;
  private detectedVersion: string | undefined;

  constructor(options: WebserviceClientOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '').replace(/\/api$/, '');
    this.key = options.key;
    this.fetchFn = options.fetch;
    this.clock = options.clock;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retryPolicy = options.retry ?? defaultRetryPolicy;
    this.semaphore = new Semaphore(options.concurrency ?? 3);
    this.random = options.random ?? Math.random;
    this.onAttempt = options.onAttempt;
    this.idsPerCall = options.idsPerCall ?? Number.POSITIVE_INFINITY;
    this.maxUrlLength = options.maxUrlLength ?? MAX_URL_LENGTH;
  }

  /** From the `PSWS-Version` header of the last authenticated answer, e.g. `8.1.2`. */
  get version(): string | undefined {
    return this.detectedVersion;
  }

  /** Whether the key now travels as `ws_key` (the host dropped the Authorization header). */
  get usesQueryKey(): boolean {
    return this.useQueryKey;
  }

  /** The shop URL as it may be shown. */
  get displayUrl(): string {
    return redactUrl(this.baseUrl).replace(/\/$/, '');
  }

  /** The records of a list. An empty list is `[]` whatever the version's shape. */
  async list(resource: string, params: ReadParams = {}): Promise<RawRecord[]> {
    const answer = await this.request('GET', resource, readQuery(params), undefined, shopLabel(params.shop));
    if (answer.status === 404) throw notPrestaShop(this.displayUrl, 404);
    return listRecords(answer.body, resource, this.describe(resource));
  }

  /** One record by id; undefined when it does not exist (PrestaShop answers 404 with an empty body). */
  async get(resource: string, id: number): Promise<RawRecord | undefined> {
    const answer = await this.request('GET', `${resource}/${id}`, new URLSearchParams());
    if (answer.status === 404) return undefined;
    return singleRecord(answer.body, this.describe(`${resource}/${id}`));
  }

  /** Offset pages of a list (see `offsetPages`). */
  pages(resource: string, params: ReadParams, pageSize = 100): AsyncGenerator<RawRecord[]> {
    return offsetPages((name, page) => this.list(name, page), resource, params, pageSize);
  }

  /** Pages of a list in `(date, id)` order, each record once (see `keysetPages`). */
  keysetPages(resource: string, options: KeysetOptions): AsyncGenerator<RawRecord[]> {
    return keysetPages((name, page) => this.list(name, page), resource, options);
  }

  /**
   * Records whose `field` is one of `values`, in OR-lists as long as a URL may be (`maxUrlLength`, at
   * most `idsPerCall` values), the calls run with the client's bounded concurrency.
   */
  async listWhereIn(
    resource: string,
    field: string,
    values: readonly (string | number)[],
    params: ReadParams = { display: 'full' },
  ): Promise<RawRecord[]> {
    // No value makes no OR-list, so no call.
    const unique = [...new Set(values.map(String))].filter((value) => value !== '');
    const results = await Promise.all(
      this.orLists(resource, field, unique, params).map((chunk) =>
        this.list(resource, { ...params, filter: { ...params.filter, [field]: { in: chunk } } }),
      ),
    );
    return results.flat();
  }

  /** `values` cut into OR-lists whose URLs stay within `maxUrlLength`. */
  private orLists(
    resource: string,
    field: string,
    values: readonly string[],
    params: ReadParams,
  ): string[][] {
    const emptyList = readQuery({ ...params, filter: { ...params.filter, [field]: { in: [] } } });
    const room = this.maxUrlLength - this.buildUrl(resource, emptyList, 'GET').length - QUERY_KEY_ROOM;
    const chunks: string[][] = [];
    let chunk: string[] = [];
    let length = 0;
    for (const value of values) {
      const encoded = new URLSearchParams([['', value]]).toString().length - 1;
      // Every value after the first comes with a `|`, which travels as `%7C`.
      const full = chunk.length > 0 && (length + 3 + encoded > room || chunk.length >= this.idsPerCall);
      if (full) {
        chunks.push(chunk);
        chunk = [];
        length = 0;
      }
      length += (chunk.length === 0 ? 0 : 3) + encoded;
      chunk.push(value);
    }
    if (chunk.length > 0) chunks.push(chunk);
    return chunks;
  }

  /** POST an XML body (`order_histories`…); the answer's record. */
  async post(
    resource: string,
    xmlBody: string,
    query: Readonly<Record<string, string>> = {},
  ): Promise<RawRecord> {
    const answer = await this.request('POST', resource, new URLSearchParams(query), xmlBody);
    return singleRecord(answer.body, this.describe(resource));
  }

  /** PUT (the whole record: omitted optional fields become NULL) or PATCH (8.0+) an XML body. */
  async update(
    method: 'PUT' | 'PATCH',
    resource: string,
    id: number,
    xmlBody: string,
    query: Readonly<Record<string, string>> = {},
  ): Promise<RawRecord> {
    const answer = await this.request(method, `${resource}/${id}`, new URLSearchParams(query), xmlBody);
    if (answer.status === 404) throw notPrestaShop(this.displayUrl, 404);
    return singleRecord(answer.body, this.describe(`${resource}/${id}`));
  }

  /** `GET /api/`: the resources granted to the key (XML only: the root ignores output_format). */
  async root(): Promise<WebserviceAnswer> {
    const answer = await this.request('GET', '', new URLSearchParams());
    if (answer.status === 404) throw notPrestaShop(this.displayUrl, 404);
    return answer;
  }

  /**
   * One call with retries. Answers 2xx and 404 are returned; everything else becomes a
   * `WebserviceFailure` whose message never holds the key.
   */
  async request(
    method: string,
    path: string,
    query: URLSearchParams,
    body?: string,
    shop?: string,
  ): Promise<WebserviceAnswer> {
    const resource = path.split('/')[0] || 'api';
    const context: FailureContext = shop === undefined ? { resource, method } : { resource, method, shop };
    let everAnswered = false;
    for (let attempt = 1; ; attempt += 1) {
      const url = this.buildUrl(path, query, method);
      const started = this.clock.now().getTime();
      const result = await this.semaphore.run(() => this.attempt(method, url, body));
      if (result.kind === 'response') {
        everAnswered = true;
        this.detectedVersion = versionFromHeader(result.version) ?? this.detectedVersion;
      }
      const judgement = judgeAttempt(result, {
        ...context,
        url,
        displayUrl: this.displayUrl,
        version: this.detectedVersion,
      });
      this.onAttempt?.({
        method,
        url: redactUrl(url),
        attempt,
        ...(result.kind === 'response' ? { status: result.status } : {}),
        outcome:
          judgement.kind === 'done'
            ? 'ok'
            : judgement.kind === 'retryable'
              ? judgement.outcome.kind
              : 'failed',
        durationMs: this.clock.now().getTime() - started,
      });
      if (judgement.kind === 'done') return judgement.answer;
      if (judgement.kind === 'failed') throw judgement.failure;
      if (judgement.kind === 'switch-to-query-key') {
        // Kept for the rest of the run; the switch does not count as an attempt.
        this.useQueryKey = true;
        attempt -= 1;
        continue;
      }
      const decision = decideRetry(
        judgement.outcome,
        attempt,
        method,
        this.retryPolicy,
        this.clock.now(),
        this.random,
      );
      if (!decision.retry) throw this.exhausted(judgement.outcome, url, attempt, everAnswered, result);
      await this.clock.sleep(decision.delayMs);
    }
  }

  private buildUrl(path: string, query: URLSearchParams, method: string): string {
    const params = new URLSearchParams(query);
    if (asksForJson(path, method, this.detectedVersion)) params.set('output_format', 'JSON');
    if (this.useQueryKey) params.set(QUERY_KEY_PARAM, this.key);
    const search = params.toString();
    return `${this.baseUrl}/api/${path}${search ? `?${search}` : ''}`;
  }

  private async attempt(method: string, url: string, body: string | undefined): Promise<AttemptResult> {
    const controller = new AbortController();
    const stopTimer = new AbortController();
    const timer = this.clock.sleep(this.timeoutMs, stopTimer.signal).then(
      // No reason needed: a timed-out attempt is told by `controller.signal.aborted`, below.
      () => controller.abort(),
      () => undefined,
    );
    const headers: Record<string, string> = {};
    if (!this.useQueryKey) headers['Authorization'] = basicAuthorization(this.key);
    if (body !== undefined) headers['Content-Type'] = 'text/xml; charset=utf-8';
    try {
      const response = await this.fetchFn(url, {
        method,
        headers,
        signal: controller.signal,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      return {
        kind: 'response',
        status: response.status,
        text,
        contentType: response.headers.get('content-type') ?? '',
        version: response.headers.get('psws-version') ?? undefined,
        poweredBy: response.headers.get('x-powered-by') ?? '',
        retryAfter: response.headers.get('retry-after') ?? undefined,
      };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'timeout' };
      return { kind: 'network', error };
    } finally {
      stopTimer.abort();
      await timer;
    }
  }

  private exhausted(
    outcome: AttemptOutcome,
    url: string,
    attempts: number,
    everAnswered: boolean,
    result: AttemptResult,
  ): WebserviceFailure {
    const shown = redactUrl(url);
    switch (outcome.kind) {
      case 'timeout':
        return timedOut(shown, Math.round(this.timeoutMs / 1000));
      case 'network':
        if (!everAnswered) {
          const cause = result.kind === 'network' ? redactSecret(String(result.error), this.key) : undefined;
          return shopUnreachable(this.displayUrl, cause);
        }
        return serverError(shown, undefined, attempts);
      case 'malformed':
        return malformedAnswer(shown, 'réponse tronquée ou invalide', undefined);
      case 'status':
        return serverError(shown, outcome.status, attempts);
    }
  }

  private describe(path: string): string {
    return `${this.displayUrl}/api/${path}`;
  }
}
