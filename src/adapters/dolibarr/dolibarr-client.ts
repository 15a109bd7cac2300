import type { z } from 'zod';
import type { Clock } from '../../ports/clock.js';
import {
  type CallContext,
  DolibarrFailure,
  failureFromStatus,
  malformedAnswer,
  serverError,
  timedOut,
  unexpectedShape,
  unreachable,
  unsafePathValue,
} from './errors.js';
import { type AttemptOutcome, type RetryPolicy, decideRetry, defaultRetryPolicy } from './retry-policy.js';
import { type SqlFilter, anyOf } from './sqlfilters.js';
import {
  accountLinkSchema,
  bankAccountSchema,
  companySchema,
  documentKeySchema,
  documentSchema,
  errorBodySchema,
  invoiceSchema,
  maybeThirdPartySchema,
  modulesSchema,
  orderSchema,
  paymentSchema,
  paymentTypeSchema,
  productSchema,
  statusSchema,
  thirdPartySchema,
  vatRateSchema,
  wireInt,
  type WireDocumentKey,
  type WireThirdParty,
} from './wire-schemas.js';

/** The slice of `fetch` the client uses (the global one, or the simulator's in-process one). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

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

export type DocumentResource = 'proposals' | 'orders' | 'invoices';

export interface ListOptions {
  readonly sqlfilters?: SqlFilter;
  readonly sortfield?: string;
  readonly sortorder?: 'ASC' | 'DESC';
  readonly limit?: number;
  readonly page?: number;
  /** Only these fields (smaller answers for look-ups). */
  readonly properties?: readonly string[];
}

/** What an action (validate, close…) did: done, or already done before (Dolibarr's 304). */
export type ActionResult<T> = { readonly done: true; readonly body: T } | { readonly done: false };

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

class TimeoutSignal extends Error {
  override readonly name = 'TimeoutSignal';
}

const API_PATH = '/api/index.php/';

/** Characters Dolibarr's injection filter refuses in a URL path (a `:` gives a 403 HTML page). */
const WAF_UNSAFE = /[:<>"'\\]/;

/** A value placed in a URL path, checked against Dolibarr's WAF and encoded. */
export function pathSegment(value: string | number): string {
  const text = String(value);
  if (text === '' || WAF_UNSAFE.test(text) || text.includes('/')) throw unsafePathValue(text);
  return encodeURIComponent(text);
}

/** The endpoint as counted and shown: ids as `{id}`, no query string. */
export function endpointOf(path: string): string {
  return (path.split('?')[0] ?? '').replace(/(^|\/)\d+(?=\/|$)/g, '$1{id}');
}

/**
 * HTTP access to one Dolibarr's REST API: the key as the DOLAPIKEY header (never in a URL, a message or
 * a log), timeouts, retries with backoff, Restler's errors turned into failures with stable codes, paging,
 * and the 23.0.0-beta quirks handled here once: a third-party list with no match answers 404 (read as
 * `[]`), validating twice answers 304 (read as "already done"), creates answer a bare id.
 */
export class DolibarrClient {
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

  // ---- generic calls ----

  /** One call, retried as the policy says. `path` is relative to `/api/index.php/`. */
  async request(
    method: string,
    path: string,
    options: { query?: URLSearchParams; body?: unknown } = {},
  ): Promise<Answer> {
    const context: CallContext = { method, endpoint: endpointOf(path) };
    const search = options.query?.toString() ?? '';
    const url = `${this.baseUrl}${API_PATH}${path}${search ? `?${search}` : ''}`;
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
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

  async get<S extends z.ZodType>(path: string, schema: S, query?: URLSearchParams): Promise<z.infer<S>> {
    const answer = await this.request('GET', path, query === undefined ? {} : { query });
    return this.parse(schema, answer.body, { method: 'GET', endpoint: endpointOf(path) });
  }

  /**
   * A list. "Nothing matches" is `[]` whether Dolibarr answers 200 `[]` (documents, products) or 404
   * "No … found" (third parties).
   */
  async list<S extends z.ZodType>(path: string, schema: S, options: ListOptions = {}): Promise<z.infer<S>[]> {
    let answer: Answer;
    try {
      answer = await this.request('GET', path, { query: listQuery(options) });
    } catch (error) {
      if (
        error instanceof DolibarrFailure &&
        error.code === 'not-found' &&
        /No .* found/.test(error.detail ?? '')
      )
        return [];
      throw error;
    }
    const context = { method: 'GET', endpoint: endpointOf(path) };
    if (!Array.isArray(answer.body)) throw unexpectedShape(context, 'une liste était attendue');
    return answer.body.map((item) => this.parse(schema, item, context));
  }

  /** Every page of a list, `pageSize` rows at a time; stops on a short page. */
  async *pages<S extends z.ZodType>(
    path: string,
    schema: S,
    options: Omit<ListOptions, 'limit' | 'page'> = {},
    pageSize = 100,
  ): AsyncGenerator<z.infer<S>[]> {
    for (let page = 0; ; page += 1) {
      const rows = await this.list(path, schema, { ...options, limit: pageSize, page });
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) return;
    }
  }

  /** A create: Dolibarr answers the new id as a bare int. */
  async create(path: string, body: Record<string, unknown>): Promise<number> {
    const answer = await this.request('POST', path, { body });
    return this.parse(wireInt, answer.body, { method: 'POST', endpoint: endpointOf(path) });
  }

  /** An action (validate, close, settodraft…): a 304 means it was already done. */
  async action<S extends z.ZodType>(
    path: string,
    schema: S,
    body: Record<string, unknown> = {},
  ): Promise<ActionResult<z.infer<S>>> {
    const answer = await this.request('POST', path, { body });
    if (answer.status === 304) return { done: false };
    return {
      done: true,
      body: this.parse(schema, answer.body, { method: 'POST', endpoint: endpointOf(path) }),
    };
  }

  async update<S extends z.ZodType>(
    path: string,
    schema: S,
    body: Record<string, unknown>,
  ): Promise<z.infer<S>> {
    const answer = await this.request('PUT', path, { body });
    return this.parse(schema, answer.body, { method: 'PUT', endpoint: endpointOf(path) });
  }

  async delete(path: string): Promise<void> {
    await this.request('DELETE', path);
  }

  // ---- what navette reads and writes ----

  status(): Promise<z.infer<typeof statusSchema>> {
    return this.get('status', statusSchema);
  }

  modules(): Promise<string[]> {
    return this.get('setup/modules', modulesSchema);
  }

  company(): Promise<z.infer<typeof companySchema>> {
    return this.get('setup/company', companySchema);
  }

  /** Active VAT rates of the company's country. */
  vatRates(): Promise<z.infer<typeof vatRateSchema>[]> {
    return this.list('setup/dictionary/vat', vatRateSchema);
  }

  paymentTypes(): Promise<z.infer<typeof paymentTypeSchema>[]> {
    return this.list('setup/dictionary/payment_types', paymentTypeSchema);
  }

  bankAccounts(): Promise<z.infer<typeof bankAccountSchema>[]> {
    return this.list('bankaccounts', bankAccountSchema);
  }

  /** The third party linked to a shop customer (`site`, `key`); undefined when none or several. */
  async thirdPartyByAccount(site: string, key: string | number): Promise<WireThirdParty | undefined> {
    try {
      return await this.get(
        `thirdparties/accounts/${pathSegment(site)}/${pathSegment(key)}`,
        thirdPartySchema,
      );
    } catch (error) {
      // 23.0.0-beta answers 404 alike for "no link" and "linked to several third parties".
      if (error instanceof DolibarrFailure && error.code === 'not-found') return undefined;
      throw error;
    }
  }

  linkAccount(
    thirdPartyId: number,
    site: string,
    key: string | number,
  ): Promise<z.infer<typeof accountLinkSchema>> {
    return this.request('POST', `thirdparties/${thirdPartyId}/accounts`, {
      body: { site, key_account: String(key) },
    }).then((answer) =>
      this.parse(accountLinkSchema, answer.body, { method: 'POST', endpoint: 'thirdparties/{id}/accounts' }),
    );
  }

  /** Third parties matching a filter (e-mail, VAT number…), never `/thirdparties/email/` (see its 25th case). */
  findThirdParties(filter: SqlFilter): Promise<WireThirdParty[]> {
    return this.list('thirdparties', thirdPartySchema, { sqlfilters: filter, limit: 100 });
  }

  getThirdParty(id: number): Promise<WireThirdParty> {
    return this.get(`thirdparties/${id}`, thirdPartySchema);
  }

  /** `/thirdparties/email/{e}`: kept for diagnosis only; it answers an empty object for a shared e-mail. */
  async thirdPartyByEmailPath(email: string): Promise<number | undefined> {
    try {
      const found = await this.get(`thirdparties/email/${pathSegment(email)}`, maybeThirdPartySchema);
      return found.id ?? undefined;
    } catch (error) {
      if (error instanceof DolibarrFailure && error.code === 'not-found') return undefined;
      throw error;
    }
  }

  findProducts(filter: SqlFilter): Promise<z.infer<typeof productSchema>[]> {
    return this.list('products', productSchema, { sqlfilters: filter });
  }

  /**
   * The documents whose `ref_ext` is one of `keys`, in one call per page of keys (never the
   * `/…/ref_ext/{x}` path endpoints, which answer 400 in 23.0.0-beta). Several may share a key.
   */
  async documentsByRefExt(
    resource: DocumentResource,
    keys: readonly string[],
    perCall = 50,
  ): Promise<WireDocumentKey[]> {
    const found: WireDocumentKey[] = [];
    for (let start = 0; start < keys.length; start += perCall) {
      const filter = anyOf('ref_ext', keys.slice(start, start + perCall));
      if (filter instanceof DolibarrFailure) throw filter;
      for await (const page of this.pages(resource, documentKeySchema, {
        sqlfilters: filter,
        properties: ['id', 'ref', 'ref_ext', 'status'],
        sortfield: 't.rowid',
        sortorder: 'ASC',
      }))
        found.push(...page);
    }
    return found;
  }

  getProposal(id: number): Promise<z.infer<typeof documentSchema>> {
    return this.get(`proposals/${id}`, documentSchema);
  }

  getOrder(id: number): Promise<z.infer<typeof orderSchema>> {
    return this.get(`orders/${id}`, orderSchema);
  }

  getInvoice(id: number): Promise<z.infer<typeof invoiceSchema>> {
    return this.get(`invoices/${id}`, invoiceSchema);
  }

  createDocument(resource: DocumentResource, body: Record<string, unknown>): Promise<number> {
    return this.create(resource, body);
  }

  /** One line through the line endpoint, which (unlike inline lines) honours `price_base_type: "TTC"`. */
  addLine(resource: DocumentResource, id: number, line: Record<string, unknown>): Promise<number> {
    return this.create(`${resource}/${id}/${resource === 'proposals' ? 'line' : 'lines'}`, line);
  }

  validate(resource: DocumentResource, id: number): Promise<ActionResult<z.infer<typeof documentSchema>>> {
    return this.action(`${resource}/${id}/validate`, documentSchema, {
      notrigger: 0,
      ...(resource === 'proposals' ? {} : { idwarehouse: 0 }),
    });
  }

  /** Proposal closed as signed (2) or refused (3). */
  closeProposal(
    id: number,
    status: 2 | 3,
    note?: string,
  ): Promise<ActionResult<z.infer<typeof documentSchema>>> {
    return this.action(`proposals/${id}/close`, documentSchema, {
      status,
      notrigger: 0,
      ...(note === undefined ? {} : { note_private: note }),
    });
  }

  /** The order made from a proposal. Its reply is unreliable (doubled lines, no status): re-read it. */
  async createOrderFromProposal(proposalId: number): Promise<number> {
    const answer = await this.request('POST', `orders/createfromproposal/${proposalId}`);
    return this.parse(wireInt, (answer.body as { id?: unknown } | null)?.id, {
      method: 'POST',
      endpoint: 'orders/createfromproposal/{id}',
    });
  }

  async createInvoiceFromOrder(orderId: number): Promise<number> {
    const answer = await this.request('POST', `invoices/createfromorder/${orderId}`);
    return this.parse(wireInt, (answer.body as { id?: unknown } | null)?.id, {
      method: 'POST',
      endpoint: 'invoices/createfromorder/{id}',
    });
  }

  /** createfrom* do not copy `ref_ext`: set it again while the document is a draft. */
  setRefExt(resource: DocumentResource, id: number, refExt: string): Promise<z.infer<typeof documentSchema>> {
    return this.update(`${resource}/${id}`, documentSchema, { ref_ext: refExt });
  }

  deleteDocument(resource: DocumentResource, id: number): Promise<void> {
    return this.delete(`${resource}/${id}`);
  }

  /**
   * A payment of `amount` on one invoice, with its own `ref_ext` (the idempotency key), through
   * `paymentsdistributed`: `/invoices/{id}/payments` takes no amount and always pays the whole remainder.
   */
  payInvoice(payment: {
    readonly invoiceId: number;
    /** Decimal text (`"50.00"`), or `remain` for what remains to pay. */
    readonly amount: string;
    readonly date: number;
    readonly paymentTypeId: number;
    readonly bankAccountId: number;
    readonly refExt: string;
    readonly number?: string;
    readonly closeWhenPaid?: boolean;
  }): Promise<number> {
    return this.create('invoices/paymentsdistributed', {
      arrayofamounts: { [String(payment.invoiceId)]: { amount: payment.amount, multicurrency_amount: '' } },
      datepaye: payment.date,
      paymentid: payment.paymentTypeId,
      closepaidinvoices: payment.closeWhenPaid === false ? 'no' : 'yes',
      accountid: payment.bankAccountId,
      ref_ext: payment.refExt,
      ...(payment.number === undefined ? {} : { num_payment: payment.number }),
    });
  }

  invoicePayments(id: number): Promise<z.infer<typeof paymentSchema>[]> {
    return this.list(`invoices/${id}/payments`, paymentSchema);
  }

  // ---- internals ----

  private parse<S extends z.ZodType>(schema: S, body: unknown, context: CallContext): z.infer<S> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw unexpectedShape(
        context,
        `${issue?.path.join('.') || 'réponse'} : ${issue?.message ?? 'invalide'}`,
      );
    }
    return parsed.data;
  }

  private async attempt(method: string, url: string, body: string | undefined): Promise<AttemptResult> {
    const controller = new AbortController();
    const stopTimer = new AbortController();
    const timer = this.clock.sleep(this.timeoutMs, stopTimer.signal).then(
      () => controller.abort(new TimeoutSignal()),
      () => undefined,
    );
    const headers: Record<string, string> = { Accept: 'application/json', DOLAPIKEY: this.key };
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
    let body: unknown;
    if (text.trim() !== '' && isJson) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        if (status >= 200 && status < 300)
          return { kind: 'failed', failure: malformedAnswer(context, status) };
      }
    }
    if (status === 304) return { kind: 'done', answer: { status, body: undefined } };
    if (status >= 200 && status < 300) {
      if (!isJson && text.trim() !== '') return { kind: 'failed', failure: malformedAnswer(context, status) };
      return { kind: 'done', answer: { status, body } };
    }
    const restler = errorBodySchema.safeParse(body);
    const detail = restler.success ? this.redact(restlerDetail(restler.data.error)) : '';
    if (RETRIED.has(status) && !restler.success)
      return {
        kind: 'retryable',
        outcome: { kind: 'status', status, fromDolibarr: false, retryAfter: result.retryAfter },
      };
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

/** `Not Found: Order not found` plus the object's own error (`error.0`), if any. */
function restlerDetail(error: { message: string } & Record<string, unknown>): string {
  const own = error['0'];
  const message = error.message.replace(/^[A-Za-z ]+: /, '');
  return typeof own === 'string' && own !== '' ? `${message} (${own})` : message;
}

function listQuery(options: ListOptions): URLSearchParams {
  const query = new URLSearchParams();
  if (options.sqlfilters) query.set('sqlfilters', options.sqlfilters.text);
  if (options.sortfield) query.set('sortfield', options.sortfield);
  if (options.sortorder) query.set('sortorder', options.sortorder);
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.page !== undefined) query.set('page', String(options.page));
  if (options.properties) query.set('properties', options.properties.join(','));
  return query;
}

type AttemptResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly text: string;
      readonly contentType: string;
      readonly retryAfter: string | undefined;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network' };

type Judgement =
  | { readonly kind: 'done'; readonly answer: Answer }
  | { readonly kind: 'failed'; readonly failure: DolibarrFailure }
  | { readonly kind: 'retryable'; readonly outcome: AttemptOutcome };
