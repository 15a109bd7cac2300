import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { CallCounter } from '../demo-shop/calls.js';
import { FaultInjector, type FaultName, type FaultSettings } from '../demo-shop/faults.js';
import { createDolibarrApp, endpointOfPath } from './app.js';
import { amount } from './amounts.js';
import { Documents } from './documents.js';
import { seedStartingBusiness } from './seed.js';
import { DolibarrStore, type ApiUser } from './store.js';

export { DolibarrStore } from './store.js';
export { endpointOfPath, API_BASE } from './app.js';
export type { FaultSettings, FaultName };

export interface DemoDolibarrOptions {
  /** The server's clock (default: the real one). */
  now?: () => Date;
  /** Base URL the instance answers as (default `http://demo-dolibarr.test`). */
  url?: string;
  /** Start from an empty database instead of the small starting business. */
  empty?: boolean;
  /** Modules switched on, replacing the recorded instance's list. */
  modules?: readonly string[];
  /** Currencies the multicurrency setup declares, with their rates (default EUR 1, USD 1.1, GBP 0.85). */
  currencies?: Readonly<Record<string, string>>;
}

export interface DemoDolibarr {
  readonly url: string;
  /** The all-powerful key of the `admin` user. */
  readonly key: string;
  readonly fetch: typeof fetch;
  readonly app: Hono;
  readonly store: DolibarrStore;
  readonly documents: Documents;
  readonly faults: FaultInjector;
  /** Calls received, by endpoint (`orders/{id}/validate`) and method. */
  readonly calls: CallCounter;
  /** Adds a key; `rights` like `commande:read`, `facture:write` (none given: every right). */
  addKey(key: string, options?: { rights?: readonly string[]; active?: boolean; login?: string }): void;
  setModule(name: string, on: boolean): void;
  listen(port: number, hostname?: string): Promise<{ url: string; close(): Promise<void> }>;
}

/** The simulator's admin key (32 alphanumerics, like the keys Dolibarr generates). */
export const DEMO_DOLIBARR_KEY = 'DEMODOLIBARRKEY0NAVETTE000000001';

export const SIMULATED_VERSION = '23.0.0-beta';

const sleep = (ms: number, signal?: AbortSignal | null): Promise<void> =>
  new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    });
  });

const REASONS: Readonly<Record<number, string>> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function createDemoDolibarr(options: DemoDolibarrOptions = {}): DemoDolibarr {
  const url = (options.url ?? 'http://demo-dolibarr.test').replace(/\/$/, '');
  const store = new DolibarrStore(options.now ?? (() => new Date()));
  if (options.modules) {
    store.modules.clear();
    for (const module of options.modules) store.modules.add(module);
  }
  for (const [code, rate] of Object.entries(options.currencies ?? { EUR: '1', USD: '1.1', GBP: '0.85' }))
    store.currencies.set(code, amount(rate));
  const documents = new Documents(store, url);
  if (!options.empty) seedStartingBusiness(store, documents);
  const addKey = (
    key: string,
    settings: { rights?: readonly string[]; active?: boolean; login?: string } = {},
  ): void => {
    const user: ApiUser = {
      key,
      login: settings.login ?? 'api',
      active: settings.active ?? true,
      ...(settings.rights ? { rights: new Set(settings.rights) } : {}),
    };
    store.users.set(key, user);
  };
  addKey(DEMO_DOLIBARR_KEY, { login: 'admin' });
  const app = createDolibarrApp({ store, documents, version: SIMULATED_VERSION });
  const faults = new FaultInjector();
  const calls = new CallCounter();

  const handle = async (request: Request, onReset: () => never): Promise<Response> => {
    const endpoint = endpointOfPath(new URL(request.url).pathname);
    calls.record(endpoint, request.method);
    await sleep(faults.latency(), request.signal);
    const fault = faults.decide(endpoint);
    if (fault?.kind === 'reset') return onReset();
    if (fault?.kind === 'timeout')
      // Hang until the caller gives up, as a stuck PHP worker does.
      await new Promise<never>((_resolve, reject) => {
        if (request.signal.aborted)
          reject(
            request.signal.reason instanceof Error
              ? request.signal.reason
              : new DOMException('Aborted', 'AbortError'),
          );
        request.signal.addEventListener('abort', () =>
          reject(
            request.signal.reason instanceof Error
              ? request.signal.reason
              : new DOMException('Aborted', 'AbortError'),
          ),
        );
      });
    if (fault?.kind === 'status') {
      const title = REASONS[fault.status] ?? 'Error';
      const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=iso-8859-1' };
      if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
      return new Response(
        `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${fault.status} ${title}</title>\n</head><body>\n<h1>${title}</h1>\n</body></html>\n`,
        { status: fault.status, headers },
      );
    }
    const response = await app.fetch(request);
    if (fault?.kind === 'truncate' || fault?.kind === 'malformed') {
      const body = await response.text();
      const altered =
        fault.kind === 'truncate'
          ? body.slice(0, Math.floor(body.length / 2))
          : `<br />\n<b>Warning</b>: ${body}`;
      return new Response(altered, { status: response.status, headers: response.headers });
    }
    return response;
  };

  const inProcessFetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    handle(new Request(input, init), () => {
      const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      throw new TypeError('fetch failed', { cause });
    })) as typeof fetch;

  return {
    url,
    key: DEMO_DOLIBARR_KEY,
    fetch: inProcessFetch,
    app,
    store,
    documents,
    faults,
    calls,
    addKey,
    setModule(name, on) {
      if (on) store.modules.add(name);
      else store.modules.delete(name);
    },
    listen(port, hostname = '127.0.0.1') {
      return new Promise((resolve) => {
        const server = serve(
          {
            fetch: (
              request: Request,
              env: { incoming: IncomingMessage | { socket?: { destroy(): void } } },
            ) =>
              handle(request, () => {
                (env.incoming as IncomingMessage).socket.destroy();
                throw new Error('connection reset by the demo Dolibarr');
              }),
            port,
            hostname,
          },
          (info: AddressInfo) => {
            resolve({
              url: `http://${hostname}:${info.port}`,
              close: () => new Promise<void>((done) => server.close(() => done())),
            });
          },
        );
      });
    },
  };
}

/** Starts the simulator as a real HTTP server (used by `navette demo-dolibarr`); prints nothing. */
export async function startDemoDolibarrServer(
  options: DemoDolibarrOptions & { port?: number; hostname?: string; faults?: FaultSettings } = {},
): Promise<{ url: string; key: string; dolibarr: DemoDolibarr; close(): Promise<void> }> {
  const hostname = options.hostname ?? '127.0.0.1';
  const port = options.port ?? 8082;
  const dolibarr = createDemoDolibarr({ ...options, url: options.url ?? `http://${hostname}:${port}` });
  if (options.faults) dolibarr.faults.configure(options.faults);
  const server = await dolibarr.listen(port, hostname);
  return { url: server.url, key: dolibarr.key, dolibarr, close: () => server.close() };
}
