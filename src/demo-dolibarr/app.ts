import { Hono } from 'hono';
import type { Documents } from './documents.js';
import { apiNotFoundResponse, jsonResponse, RestError, restErrorResponse, wafResponse } from './errors.js';
import { contactRoutes } from './routes/contacts.js';
import { documentRoutes } from './routes/documents.js';
import { paymentRoutes } from './routes/payments.js';
import { productRoutes } from './routes/products.js';
import type { Route } from './routes/route.js';
import { setupRoutes } from './routes/setup.js';
import { shipmentRoutes } from './routes/shipments.js';
import { thirdpartyRoutes } from './routes/thirdparties.js';
import type { ApiUser, DolibarrStore } from './store.js';

export const API_BASE = '/api/index.php/';

/** Each API resource and the module that must be on for Dolibarr to load its API file. */
const RESOURCE_MODULES: Readonly<Record<string, string | null>> = {
  status: null,
  setup: null,
  thirdparties: 'societe',
  contacts: 'societe',
  products: 'product',
  proposals: 'propal',
  orders: 'commande',
  invoices: 'facture',
  bankaccounts: 'banque',
  shipments: 'expedition',
  multicurrencies: 'multicurrency',
};

/** The path after `/api/index.php/`, ids replaced by `{id}`: what calls and faults are counted by. */
export function endpointOfPath(pathname: string): string {
  const index = pathname.indexOf(API_BASE);
  const rest = index < 0 ? pathname : pathname.slice(index + API_BASE.length);
  return rest.replace(/\/+$/, '').replace(/(^|\/)\d+(?=\/|$)/g, '$1{id}');
}

const NO_KEY =
  "Failed to login to API. Neither parameter 'HTTP_DOLAPIKEY' nor 'Authentication: Bearer' found on HTTP header (and no parameter DOLAPIKEY in URL).";
const BAD_KEY =
  'Error user not valid (not found with api key or bad status or bad validity dates) (conf->entity=1)';

/** What Dolibarr's injection filter refuses in the URL's path. */
const WAF_PATTERN = /[:<>"]|javascript/i;

/**
 * Dolibarr's installer opens the database connection in `utf8` (3 bytes): a character beyond U+FFFF in
 * what is written makes MariaDB refuse the row (real exchange 004 of test/fixtures/dolibarr/real-23.0.0-beta).
 */
const BEYOND_BASIC_PLANE = /[\u{10000}-\u{10FFFF}]/u;

function unstorableText(resource: string, character: string): RestError {
  const bytes = [...Buffer.from(character, 'utf8')].map((byte) => `\\x${byte.toString(16).toUpperCase()}`);
  return new RestError(
    500,
    `Error creating ${resource}`,
    `Incorrect string value: '${bytes.join('')}' for column \`dolibarr\`.\`llx_${resource}\` at row 1`,
  );
}

function keyOf(request: Request, query: URLSearchParams): string | undefined {
  const header = request.headers.get('DOLAPIKEY');
  if (header) return header;
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('Authorization') ?? '');
  if (bearer) return bearer[1];
  return query.get('DOLAPIKEY') ?? undefined;
}

export interface DolibarrAppOptions {
  readonly store: DolibarrStore;
  readonly documents: Documents;
  readonly version: string;
}

/** The Hono app of the simulated Dolibarr REST API. */
export function createDolibarrApp(options: DolibarrAppOptions): Hono {
  const { store, documents } = options;
  const routes: Route[] = [
    ...setupRoutes(store, options.version),
    ...thirdpartyRoutes(store),
    ...contactRoutes(store),
    ...productRoutes(store),
    ...documentRoutes(store, documents, 'propal'),
    ...documentRoutes(store, documents, 'commande'),
    ...documentRoutes(store, documents, 'facture'),
    ...paymentRoutes(store, documents),
    ...shipmentRoutes(store, documents),
  ];
  const app = new Hono();
  // Apache's `Date` header, from the simulator's clock: what a status sweep measures its cursor in.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Date', store.now().toUTCString());
  });
  app.all('*', async (c) => {
    const request = c.req.raw;
    const url = new URL(request.url);
    const rawPath = url.pathname;
    if (!rawPath.startsWith(API_BASE)) return new Response('Not Found', { status: 404 });
    let path: string;
    try {
      path = decodeURIComponent(rawPath.slice(API_BASE.length)).replace(/\/+$/, '');
    } catch {
      return wafResponse(rawPath);
    }
    if (WAF_PATTERN.test(path)) return wafResponse(decodeURIComponent(rawPath));
    const resource = path.split('/')[0] ?? '';
    const module = RESOURCE_MODULES[resource];
    if (module === undefined || (module !== null && !store.moduleOn(module))) return apiNotFoundResponse();
    try {
      const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
      if (!route) throw new RestError(404, undefined, undefined, 'route');
      const params = (route.pattern.exec(path) ?? []).slice(1).map((p) => p ?? '');
      const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
      let parsed: unknown = {};
      if (text.trim() !== '') {
        try {
          parsed = JSON.parse(text) as unknown;
        } catch {
          throw new RestError(400, 'Error encoding/decoding JSON: Syntax error', undefined, 'setup');
        }
      }
      const key = keyOf(request, url.searchParams);
      if (key === undefined) throw new RestError(401, NO_KEY, undefined, 'authenticate');
      const user: ApiUser | undefined = store.users.get(key);
      if (!user || !user.active) throw new RestError(401, BAD_KEY, undefined, 'authenticate');
      if (route.takesBody && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)))
        throw new RestError(400, 'Invalid value specified for `request_data`', undefined, 'validate');
      if (route.right && user.rights && !user.rights.has(route.right)) throw new RestError(403);
      const unstorable = BEYOND_BASIC_PLANE.exec(text)?.[0];
      if (unstorable !== undefined) throw unstorableText(resource, unstorable);
      const reply = await route.handle({
        method: request.method,
        params,
        query: url.searchParams,
        body: (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>,
        user,
      });
      return reply instanceof Response ? reply : jsonResponse(reply);
    } catch (error) {
      if (error instanceof RestError) return restErrorResponse(error);
      throw error;
    }
  });
  return app;
}
