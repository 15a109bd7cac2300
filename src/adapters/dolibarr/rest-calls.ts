import type { z } from 'zod';
import { type CallContext, DolibarrFailure, unexpectedShape } from './errors.js';
import { type Answer, DolibarrTransport, endpointOf } from './dolibarr-transport.js';
import type { SqlFilter } from './sqlfilters.js';
import { wireInt } from './wire-schemas.js';

export interface ListOptions {
  readonly sqlfilters?: SqlFilter;
  readonly sortfield?: string;
  readonly sortorder?: 'ASC' | 'DESC';
  readonly limit?: number;
  readonly page?: number;
  /** Only these fields (smaller answers for look-ups). */
  readonly properties?: readonly string[];
  /** Other parameters of the list endpoint (`loadlinkedobjects`…). */
  readonly extra?: Readonly<Record<string, string>>;
}

/** A whole list and the server's clock when it answered its first page (see `Answer.serverTime`). */
export interface StampedList<T> {
  readonly rows: T[];
  readonly serverTime: number | undefined;
}

/** What an action (validate, close…) did: done, or already done before (Dolibarr's 304). */
export type ActionResult<T> = { readonly done: true; readonly body: T } | { readonly done: false };

/**
 * The typed calls over the transport: answers checked against their schema, lists (with Dolibarr's
 * 404 for "nothing matches" read as `[]`) and their pages, creates answering a bare id, actions
 * answering 304 when already done.
 */
export class DolibarrRestCalls extends DolibarrTransport {
  async get<S extends z.ZodType>(path: string, schema: S, query?: URLSearchParams): Promise<z.infer<S>> {
    const answer = await this.request('GET', path, query === undefined ? {} : { query });
    return this.parse(schema, answer.body, { method: 'GET', endpoint: endpointOf(path) });
  }

  /**
   * A list. "Nothing matches" is `[]` whether Dolibarr answers 200 `[]` (documents, products) or 404
   * "No … found" (third parties).
   */
  async list<S extends z.ZodType>(path: string, schema: S, options: ListOptions = {}): Promise<z.infer<S>[]> {
    return (await this.stampedPage(path, schema, options)).rows;
  }

  /** Every page of a list at once, with the server's clock at its first page. */
  async listAll<S extends z.ZodType>(
    path: string,
    schema: S,
    options: Omit<ListOptions, 'limit' | 'page'> = {},
    pageSize = 100,
  ): Promise<StampedList<z.infer<S>>> {
    const rows: z.infer<S>[] = [];
    let serverTime: number | undefined;
    for (let page = 0; ; page += 1) {
      const answer = await this.stampedPage(path, schema, { ...options, limit: pageSize, page });
      if (page === 0) serverTime = answer.serverTime;
      rows.push(...answer.rows);
      if (answer.rows.length < pageSize) return { rows, serverTime };
    }
  }

  private async stampedPage<S extends z.ZodType>(
    path: string,
    schema: S,
    options: ListOptions,
  ): Promise<StampedList<z.infer<S>>> {
    let answer: Answer;
    try {
      answer = await this.request('GET', path, { query: listQuery(options) });
    } catch (error) {
      if (
        error instanceof DolibarrFailure &&
        error.code === 'not-found' &&
        /No .* found/.test(error.detail ?? '')
      )
        return { rows: [], serverTime: undefined };
      throw error;
    }
    const context = { method: 'GET', endpoint: endpointOf(path) };
    if (!Array.isArray(answer.body)) throw unexpectedShape(context, 'list');
    return {
      rows: answer.body.map((item) => this.parse(schema, item, context)),
      serverTime: answer.serverTime,
    };
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

  protected parse<S extends z.ZodType>(schema: S, body: unknown, context: CallContext): z.infer<S> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw unexpectedShape(context, { field: issue?.path.join('.') ?? '', issue: issue?.message ?? '' });
    }
    return parsed.data;
  }
}

function listQuery(options: ListOptions): URLSearchParams {
  const query = new URLSearchParams();
  if (options.sqlfilters) query.set('sqlfilters', options.sqlfilters.text);
  if (options.sortfield) query.set('sortfield', options.sortfield);
  if (options.sortorder) query.set('sortorder', options.sortorder);
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.page !== undefined) query.set('page', String(options.page));
  if (options.properties) query.set('properties', options.properties.join(','));
  for (const [name, value] of Object.entries(options.extra ?? {})) query.set(name, value);
  return query;
}
