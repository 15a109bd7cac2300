/**
 * The demo shop: a PrestaShop webservice simulator over an in-memory shop (formats, quirks, errors, fault
 * injection), used by the tests, the benchmarks and `navette demo`.
 *
 * It is a test double meant to catch navette's mistakes, so it is independent of navette: nothing under
 * src/demo-shop imports src/domain, src/ports, src/sync, src/adapters, src/config, src/app, src/cli or
 * src/web (eslint.config.js enforces it). It computes amounts like PrestaShop with its own rounding
 * (data/shop-money.ts) and keeps its own shop clock (data/local-time.ts): a rounding or time-zone bug in
 * navette is then not copied into the answers it is checked against.
 */
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { KeyStore, type WebserviceKey } from './auth.js';
import { CallCounter } from './calls.js';
import { DemoShopData } from './data/shop-data.js';
import { loadCuratedShop } from './data/curated-orders.js';
import { FaultInjector, type FaultKind } from './faults.js';
import { generateOrders } from './generator.js';
import { createWebserviceApp, resourceOfPath } from './routes.js';
import type { PrestaShopVersion } from './version.js';

export type { PrestaShopVersion } from './version.js';
export { DemoShopData } from './data/shop-data.js';
export { FaultInjector, type FaultSettings, type FaultName } from './faults.js';
export { CallCounter } from './calls.js';
export { generateOrders } from './generator.js';
export type {
  OrderRecord,
  HistoryRecord,
  PaymentRecord,
  OrderCarrierRecord,
  LineRecord,
} from './data/model.js';
export type { Cart, CartLine } from './data/place-order.js';

export interface DemoShopOptions {
  version?: PrestaShopVersion;
  /** The shop's "now": the curated orders spread over the 60 days before it. */
  now?: Date;
  /** Replace the curated orders by generated ones. */
  generated?: { seed: number; count: number };
  language?: 'fr' | 'en';
  /** Simulate a hosting that drops the Authorization header: only `ws_key=` works. */
  stripAuthorizationHeader?: boolean;
  webserviceEnabled?: boolean;
  /** Base URL the shop answers as (default `http://demo-shop.test`). */
  url?: string;
}

export type DemoFault = FaultKind;

export interface DemoShop {
  readonly url: string;
  readonly key: string;
  readonly fetch: typeof fetch;
  readonly app: Hono;
  readonly data: DemoShopData;
  readonly faults: FaultInjector & { set(settings: Parameters<FaultInjector['configure']>[0]): void };
  readonly calls: CallCounter;
  addKey(key: {
    key: string;
    active?: boolean;
    permissions?: Record<string, string[]>;
    shopIds?: number[];
  }): void;
  /** Switch options at run time (tests). */
  setWebserviceEnabled(enabled: boolean): void;
  setStripAuthorizationHeader(strip: boolean): void;
  listen(port: number, hostname?: string): Promise<{ url: string; close(): Promise<void> }>;
}

/** The all-powerful demo key (32 upper-case alphanumerics, like PrestaShop's generator). */
export const DEMO_KEY = 'DEMOSHOPKEY0NAVETTE0000000000001';

const sleep = (ms: number, signal?: AbortSignal | null): Promise<void> =>
  new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(
        signal.reason instanceof Error
          ? signal.reason
          : new DOMException('This operation was aborted', 'AbortError'),
      );
    });
  });

/** The PHP notice a broken plugin prints before the answer: a realistic malformed body. */
const PHP_NOTICE =
  '<br />\n<b>Notice</b>:  Undefined index: id_lang in <b>/var/www/prestashop/modules/brokenmodule/brokenmodule.php</b> on line <b>42</b><br />\n';

class Faults extends FaultInjector {
  set(settings: Parameters<FaultInjector['configure']>[0]): void {
    this.configure(settings);
  }
}

export function createDemoShop(options: DemoShopOptions = {}): DemoShop {
  const version = options.version ?? '8';
  const url = (options.url ?? 'http://demo-shop.test').replace(/\/$/, '');
  const now = options.now ?? new Date();
  const data = new DemoShopData({ language: options.language ?? 'fr', now });
  if (options.generated)
    generateOrders({ seed: options.generated.seed, count: options.generated.count, now, data });
  else loadCuratedShop(data);
  const keys = new KeyStore();
  keys.add({ key: DEMO_KEY });
  let strip = options.stripAuthorizationHeader ?? false;
  let enabled = options.webserviceEnabled ?? true;
  const app = createWebserviceApp({
    version,
    data,
    keys,
    stripAuthorizationHeader: () => strip,
    webserviceEnabled: () => enabled,
  });
  const faults = new Faults();
  const calls = new CallCounter();

  /** Runs one request through the counter, the faults and the app. `onReset` is the transport's reset. */
  const handle = async (request: Request, onReset: () => never | Promise<never>): Promise<Response> => {
    const resource = resourceOfPath(new URL(request.url).pathname);
    calls.record(resource, request.method);
    await sleep(faults.latency(), request.signal);
    const fault = faults.decide(resource);
    if (fault?.kind === 'reset') return onReset();
    if (fault?.kind === 'timeout') {
      // Hang until the caller gives up, as a stuck PHP worker does.
      await new Promise<never>((_resolve, reject) => {
        request.signal.addEventListener('abort', () =>
          reject(
            request.signal.reason instanceof Error
              ? request.signal.reason
              : new DOMException('This operation was aborted', 'AbortError'),
          ),
        );
      });
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=iso-8859-1' };
      if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
      const title =
        {
          429: 'Too Many Requests',
          500: 'Internal Server Error',
          502: 'Bad Gateway',
          503: 'Service Unavailable',
          504: 'Gateway Timeout',
        }[fault.status] ?? 'Error';
      return new Response(
        `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${fault.status} ${title}</title>\n</head><body>\n<h1>${title}</h1>\n</body></html>\n`,
        { status: fault.status, headers },
      );
    }
    const response = await app.fetch(request);
    if (fault?.kind === 'truncate' || fault?.kind === 'malformed') {
      const body = await response.text();
      const headers = new Headers(response.headers);
      headers.delete('Content-Length');
      headers.delete('Content-Sha1');
      const altered =
        fault.kind === 'truncate' ? body.slice(0, Math.floor(body.length / 2)) : PHP_NOTICE + body;
      return new Response(altered, { status: response.status, headers });
    }
    return response;
  };

  const inProcessFetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    return handle(request, () => {
      // What undici throws when the peer resets the connection.
      const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      throw new TypeError('fetch failed', { cause });
    });
  }) as typeof fetch;

  return {
    url,
    key: DEMO_KEY,
    fetch: inProcessFetch,
    app,
    data,
    faults,
    calls,
    addKey(key: WebserviceKey) {
      keys.add(key);
    },
    setWebserviceEnabled(value) {
      enabled = value;
    },
    setStripAuthorizationHeader(value) {
      strip = value;
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
                throw new Error('connection reset by the demo shop');
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

export interface DemoShopServerOptions extends DemoShopOptions {
  port?: number;
  hostname?: string;
}

/** Starts the demo shop on a port (used by `navette demo-shop`); prints nothing. */
export async function startDemoShopServer(
  options: DemoShopServerOptions = {},
): Promise<{ url: string; key: string; shop: DemoShop; close(): Promise<void> }> {
  const shop = createDemoShop(options);
  const server = await shop.listen(options.port ?? 8081, options.hostname ?? '127.0.0.1');
  return { url: server.url, key: shop.key, shop, close: () => server.close() };
}
