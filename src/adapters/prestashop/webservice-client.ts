import type { Clock } from '../../ports/clock.js';
import type { WebserviceFailure } from './errors.js';
import {
  type FailureContext,
  type WebserviceError,
  failureFromErrors,
  keyMissing,
  malformedAnswer,
  notPrestaShop,
  permissionDenied,
  serverError,
  shopUnreachable,
  timedOut,
} from './errors.js';
import { redactSecret, redactUrl } from './redact-url.js';
import { type AttemptOutcome, type RetryPolicy, decideRetry, defaultRetryPolicy } from './retry-policy.js';
import { Semaphore } from './semaphore.js';
import { UnsafeXmlError, xmlToPlain } from './xml.js';

/** The slice of `fetch` the client uses (the global one, or the demo shop's in-process one). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

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
  /** OR-list length for look-ups by ids. Default 100 (keeps URLs short). */
  readonly idsPerCall?: number;
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

/** A filter value: `[a|b|c]`, `[a,b]`, `>[x]`, `<[x]`, or the raw PrestaShop syntax. */
export type FilterValue =
  | { readonly in: readonly (string | number)[] }
  | { readonly between: readonly [string | number, string | number] }
  | { readonly greaterThan: string | number }
  | { readonly lessThan: string | number }
  | string
  | number;

/** Which shops of a multistore installation a list covers. */
export type ShopScope = { readonly shopId: number } | { readonly shopGroupId: number } | 'all';

export interface ReadParams {
  /** `full`, or the fields to return. Without display a list gives ids only. */
  readonly display?: 'full' | readonly string[];
  readonly filter?: Readonly<Record<string, FilterValue>>;
  /** e.g. `['date_add_ASC', 'id_ASC']`. */
  readonly sort?: readonly string[];
  readonly limit?: { readonly offset: number; readonly count: number };
  readonly shop?: ShopScope;
}

export interface WebserviceAnswer {
  readonly status: number;
  /** The parsed body (JSON, or XML turned into the same plain shape); undefined when empty. */
  readonly body: unknown;
  readonly version: string | undefined;
  /** The raw body of an XML answer, for the few callers that read XML attributes (the `/api/` root). */
  readonly rawText: string;
}

export type RawRecord = Readonly<Record<string, unknown>>;

class TimeoutSignal extends Error {
  override readonly name = 'TimeoutSignal';
}

/** PrestaShop's date fields that can be filtered or sorted only with `date=1`. */
const FIELDS_NEEDING_DATE_PARAM = new Set(['date_add', 'date_upd']);

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
    this.idsPerCall = options.idsPerCall ?? 100;
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
    const answer = await this.request('GET', resource, readQuery(params), undefined, shopOf(params));
    if (answer.status === 404) throw notPrestaShop(this.displayUrl, 404);
    return listRecords(answer.body, resource, this.describe(resource));
  }

  /** One record by id; undefined when it does not exist (PrestaShop answers 404 with an empty body). */
  async get(resource: string, id: number): Promise<RawRecord | undefined> {
    const answer = await this.request('GET', `${resource}/${id}`, new URLSearchParams());
    if (answer.status === 404) return undefined;
    return singleRecord(answer.body, this.describe(`${resource}/${id}`));
  }

  /**
   * Offset pages of a list, stopping on a short page (the webservice gives no total). Only for sets
   * that do not change while read; orders use `keysetPages`.
   */
  async *pages(resource: string, params: ReadParams, pageSize = 100): AsyncGenerator<RawRecord[]> {
    for (let offset = 0; ; offset += pageSize) {
      const records = await this.list(resource, { ...params, limit: { offset, count: pageSize } });
      if (records.length > 0) yield records;
      if (records.length < pageSize) return;
    }
  }

  /**
   * Pages of a list in `(dateField, id)` order, each record once, even while records are added or
   * changed during the read. Offset paging would skip or repeat rows when the set moves; instead each
   * page asks for `dateField` in `[last date seen, to]` and drops the ids already yielded at that date
   * (asking for as many more rows as it drops, so that a second full of records never stalls).
   */
  async *keysetPages(
    resource: string,
    options: {
      readonly params: ReadParams;
      readonly dateField: string;
      readonly from: string;
      readonly to: string;
      readonly pageSize?: number;
    },
  ): AsyncGenerator<RawRecord[]> {
    const { params, dateField, to } = options;
    const pageSize = options.pageSize ?? 100;
    let lowerDate = options.from;
    let seenAtLowerDate = new Set<number>();
    for (;;) {
      const count = pageSize + seenAtLowerDate.size;
      const records = await this.list(resource, {
        ...params,
        filter: { ...params.filter, [dateField]: { between: [lowerDate, to] } },
        sort: [`${dateField}_ASC`, 'id_ASC'],
        limit: { offset: 0, count },
      });
      const fresh = records.filter((record) => {
        return !(textField(record, dateField) === lowerDate && seenAtLowerDate.has(idOf(record)));
      });
      if (fresh.length > 0) yield fresh;
      if (records.length < count) return;
      const last = records[records.length - 1];
      const lastDate = last === undefined ? lowerDate : textField(last, dateField);
      if (lastDate !== lowerDate) {
        lowerDate = lastDate;
        seenAtLowerDate = new Set();
      }
      for (const record of records) {
        if (textField(record, dateField) === lowerDate) seenAtLowerDate.add(idOf(record));
      }
    }
  }

  /**
   * Records whose `field` is one of `values`, in OR-lists of `idsPerCall` values, the calls run with the
   * client's bounded concurrency.
   */
  async listWhereIn(
    resource: string,
    field: string,
    values: readonly (string | number)[],
    params: ReadParams = { display: 'full' },
  ): Promise<RawRecord[]> {
    const unique = [...new Set(values.map(String))].filter((value) => value !== '');
    if (unique.length === 0) return [];
    const chunks: string[][] = [];
    for (let start = 0; start < unique.length; start += this.idsPerCall) {
      chunks.push(unique.slice(start, start + this.idsPerCall));
    }
    const results = await Promise.all(
      chunks.map((chunk) =>
        this.list(resource, { ...params, filter: { ...params.filter, [field]: { in: chunk } } }),
      ),
    );
    return results.flat();
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
      const outcome = this.judge(result, context, url);
      this.onAttempt?.({
        method,
        url: redactUrl(url),
        attempt,
        ...(result.kind === 'response' ? { status: result.status } : {}),
        outcome:
          outcome.kind === 'done' ? 'ok' : outcome.kind === 'retryable' ? outcome.outcome.kind : 'failed',
        durationMs: this.clock.now().getTime() - started,
      });
      if (result.kind === 'response') everAnswered = true;
      if (outcome.kind === 'done') return outcome.answer;
      if (outcome.kind === 'failed') throw outcome.failure;
      if (outcome.kind === 'switched-to-query-key') {
        attempt -= 1;
        continue;
      }
      const decision = decideRetry(
        outcome.outcome,
        attempt,
        method,
        this.retryPolicy,
        this.clock.now(),
        this.random,
      );
      if (!decision.retry) throw this.exhausted(outcome.outcome, url, attempt, everAnswered, result);
      await this.clock.sleep(decision.delayMs);
    }
  }

  private buildUrl(path: string, query: URLSearchParams, method: string): string {
    const params = new URLSearchParams(query);
    // JSON is lighter to parse; 1.6 answers XML whatever we ask (and its JSON is unreliable), and the
    // root ignores it. Writes answer in the same format, which we read either way.
    if (path !== '' && method === 'GET' && !this.detectedVersion?.startsWith('1.6'))
      params.set('output_format', 'JSON');
    // Some hostings strip the Authorization header (PHP as CGI): the key then travels as `ws_key`.
    if (this.useQueryKey) params.set('ws_key', this.key);
    const search = params.toString();
    return `${this.baseUrl}/api/${path}${search ? `?${search}` : ''}`;
  }

  private async attempt(method: string, url: string, body: string | undefined): Promise<AttemptResult> {
    const controller = new AbortController();
    const stopTimer = new AbortController();
    const timer = this.clock.sleep(this.timeoutMs, stopTimer.signal).then(
      () => controller.abort(new TimeoutSignal()),
      () => undefined,
    );
    const headers: Record<string, string> = {};
    if (!this.useQueryKey)
      headers['Authorization'] = `Basic ${Buffer.from(`${this.key}:`).toString('base64')}`;
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

  private judge(result: AttemptResult, context: FailureContext, url: string): Judgement {
    if (result.kind === 'timeout') return { kind: 'retryable', outcome: { kind: 'timeout' } };
    if (result.kind === 'network') return { kind: 'retryable', outcome: { kind: 'network' } };
    const { status, text } = result;
    let body: unknown;
    let parseFailed = false;
    try {
      body = parseBody(text, result.contentType);
    } catch (error) {
      if (error instanceof UnsafeXmlError) {
        return { kind: 'failed', failure: malformedAnswer(redactUrl(url), error.message, status) };
      }
      parseFailed = true;
    }
    const errors = errorsOf(body);
    const fromPrestaShop = errors.length > 0 || isPrestaShopAnswer(result);
    if (result.version && result.version !== '0') this.detectedVersion = result.version;

    if (status >= 200 && status < 300) {
      if (parseFailed || (body === undefined && status !== 204)) {
        // A 200 that is not PrestaShop at all (a parking page, a login page) is not worth retrying.
        if (!fromPrestaShop && !looksLikeData(text)) {
          return { kind: 'failed', failure: notPrestaShop(this.displayUrl, status) };
        }
        return { kind: 'retryable', outcome: { kind: 'malformed' } };
      }
      if (errors.length > 0) {
        const failure = failureFromErrors(status, errors, context);
        if (failure) return { kind: 'failed', failure };
      }
      return { kind: 'done', answer: { status, body, version: this.detectedVersion, rawText: text } };
    }
    if (status === 401 && errors.length === 0) {
      // A 401 without PrestaShop's XML/JSON body: the Authorization header never reached PrestaShop
      // (stripped by the hosting). Try once with `ws_key`, and keep it for the rest of the run. The
      // question is whether *this* request carried the key in its URL: calls sent at the same time as
      // the one that switched were still sent the Basic way, and must switch too, not fail.
      if (!new URL(url).searchParams.has('ws_key')) {
        this.useQueryKey = true;
        return { kind: 'switched-to-query-key' };
      }
      return { kind: 'failed', failure: keyMissing(status) };
    }
    if (status === 404 && (text.trim() === '' || fromPrestaShop) && errors.length === 0) {
      return {
        kind: 'done',
        answer: { status, body: undefined, version: this.detectedVersion, rawText: text },
      };
    }
    if (errors.length > 0) {
      const failure = failureFromErrors(status, errors, context);
      if (failure) return { kind: 'failed', failure };
    }
    if (status === 405)
      return { kind: 'failed', failure: permissionDenied(context.resource, context.method, status) };
    if (status === 401 || status === 403 || status === 404) {
      return { kind: 'failed', failure: notPrestaShop(this.displayUrl, status) };
    }
    return {
      kind: 'retryable',
      outcome: {
        kind: 'status',
        status,
        errorCodes: errors.map((error) => error.code),
        retryAfter: result.retryAfter,
      },
    };
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

type AttemptResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly text: string;
      readonly contentType: string;
      readonly version: string | undefined;
      readonly poweredBy: string;
      readonly retryAfter: string | undefined;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly error: unknown };

type Judgement =
  | { readonly kind: 'done'; readonly answer: WebserviceAnswer }
  | { readonly kind: 'failed'; readonly failure: WebserviceFailure }
  | { readonly kind: 'retryable'; readonly outcome: AttemptOutcome }
  | { readonly kind: 'switched-to-query-key' };

function isPrestaShopAnswer(result: Extract<AttemptResult, { kind: 'response' }>): boolean {
  return (
    result.version !== undefined ||
    /prestashop/i.test(result.poweredBy) ||
    /<prestashop[\s>]/.test(result.text)
  );
}

function looksLikeData(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[' || (start === '<' && /<prestashop/i.test(text.slice(0, 500)));
}

/** JSON or XML, told by the content type and, because some hosts lie about it, by the body itself. */
export function parseBody(text: string, contentType: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const first = trimmed[0];
  if (first === '{' || first === '[' || (contentType.includes('json') && first !== '<'))
    return JSON.parse(trimmed);
  // Hosts answer their own HTML pages (errors, parking, WAF): only a PrestaShop document is read as
  // XML, so that the DOCTYPE refusal is about PrestaShop answers and not about `<!DOCTYPE html>`.
  if (first === '<' && /<prestashop[\s>]/.test(trimmed)) return xmlToPlain(trimmed);
  throw new Error('answer is neither JSON nor a PrestaShop XML document');
}

function errorsOf(body: unknown): WebserviceError[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: unknown) => {
    if (error === null || typeof error !== 'object') return [];
    const { code, message } = error as { code?: unknown; message?: unknown };
    const numeric = Number(code);
    return Number.isFinite(numeric)
      ? [{ code: numeric, message: typeof message === 'string' ? message : '' }]
      : [];
  });
}

/**
 * The records of a list answer, in every shape: `{"orders":[…]}` (with `display`), `[]` for an empty
 * list (8.x JSON), `<orders></orders>` (XML), and 1.6's `order_discounts` answered as `order_cart_rules`:
 * the single top-level key is taken, whatever its name.
 */
export function listRecords(body: unknown, resource: string, where: string): RawRecord[] {
  if (body === undefined) return [];
  if (Array.isArray(body)) return body.filter(isRecord);
  if (!isRecord(body)) throw malformedAnswer(where, 'liste attendue');
  const value = body[resource] ?? Object.values(body)[0];
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.filter(isRecord);
  if (isRecord(value)) return [value];
  throw malformedAnswer(where, `liste ${resource} attendue`);
}

function singleRecord(body: unknown, where: string): RawRecord {
  if (!isRecord(body)) throw malformedAnswer(where, 'enregistrement attendu');
  const values = Object.values(body);
  const only = values.length === 1 ? values[0] : undefined;
  if (isRecord(only)) return only;
  throw malformedAnswer(where, 'enregistrement attendu');
}

function isRecord(value: unknown): value is RawRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function textField(record: RawRecord, field: string): string {
  const value = record[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function idOf(record: RawRecord): number {
  return Number(record['id']);
}

function shopOf(params: ReadParams): string | undefined {
  const { shop } = params;
  if (shop === undefined) return undefined;
  if (shop === 'all') return 'toutes';
  return 'shopId' in shop ? String(shop.shopId) : `du groupe ${shop.shopGroupId}`;
}

/** The query string of a read. Every PrestaShop parameter quirk of reads lives here. */
export function readQuery(params: ReadParams): URLSearchParams {
  const query = new URLSearchParams();
  const { display, filter, sort, limit, shop } = params;
  if (display !== undefined) query.set('display', display === 'full' ? 'full' : `[${display.join(',')}]`);
  let needsDateParam = false;
  for (const [field, value] of Object.entries(filter ?? {})) {
    query.set(`filter[${field}]`, filterText(value));
    if (FIELDS_NEEDING_DATE_PARAM.has(field)) needsDateParam = true;
  }
  if (sort !== undefined && sort.length > 0) {
    query.set('sort', `[${sort.join(',')}]`);
    if (sort.some((key) => FIELDS_NEEDING_DATE_PARAM.has(key.replace(/_(ASC|DESC)$/, ''))))
      needsDateParam = true;
  }
  // date_add/date_upd can be filtered or sorted only with date=1; without it PrestaShop answers error 32
  // as if the field did not exist (HTTP 500 on a real 8.1.2).
  if (needsDateParam) query.set('date', '1');
  if (limit !== undefined) query.set('limit', `${limit.offset},${limit.count}`);
  if (shop !== undefined) {
    // Multistore: lists of orders and customers cover the shop of the request's host unless id_shop (or
    // id_shop_group) says otherwise; a filter[id_shop] alone returns [] for any other shop.
    if (shop === 'all') query.set('id_shop', 'all');
    else if ('shopId' in shop) query.set('id_shop', String(shop.shopId));
    else query.set('id_shop_group', String(shop.shopGroupId));
  }
  return query;
}

function filterText(value: FilterValue): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if ('in' in value) return `[${value.in.join('|')}]`;
  if ('between' in value) return `[${value.between[0]},${value.between[1]}]`;
  if ('greaterThan' in value) return `>[${value.greaterThan}]`;
  return `<[${value.lessThan}]`;
}
