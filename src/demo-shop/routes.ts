import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { XMLParser } from 'fast-xml-parser';
import {
  authorize,
  type KeyStore,
  methodsOf,
  readCredentials,
  ALL_METHODS,
  type WebserviceKey,
} from './auth.js';
import { SHOPS } from './data/catalogue.js';
import type { DemoShopData } from './data/shop-data.js';
import { historyWire, orderCarrierWire } from './data/order-wire.js';
import { WebserviceError } from './errors.js';
import { answerList } from './list-answer.js';
import { parseListQuery } from './query-language.js';
import {
  escapeAttribute,
  jsonErrors,
  jsonList,
  jsonSingle,
  xmlErrors,
  xmlList,
  xmlSingle,
  XML_HEAD,
  XML_TAIL,
  type RenderContext,
} from './render.js';
import { resourceInfo, resourcesOf, schemaOf } from './shapes/resources.js';
import { createSources } from './sources.js';
import { PSWS_VERSION, type PrestaShopVersion } from './version.js';

export interface AppOptions {
  readonly version: PrestaShopVersion;
  readonly data: DemoShopData;
  readonly keys: KeyStore;
  readonly stripAuthorizationHeader: () => boolean;
  readonly webserviceEnabled: () => boolean;
}

const REALM =
  'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."';
const XML_TYPE = 'text/xml;charset=utf-8';
const JSON_TYPE = 'application/json';

// Request bodies are XML only (PrestaShop issue #11099); no DOCTYPE or entity expansion beyond the five.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

/** The cookie PrestaShop sets on every webservice answer (a front-office cookie; clients ignore it). */
function cookie(): string {
  const value = `def502${createHash('sha256').update(String(Math.random())).digest('hex')}`;
  const expires = new Date(Date.now() + 1_728_000_000).toUTCString();
  return `PrestaShop-25f57fa575b416702f0bb6ac806d61e0=${value}; expires=${expires}; Max-Age=1728000; path=/; HttpOnly; SameSite=Lax`;
}

/** Resource path segment → the name the counter and the fault injector use. */
export function resourceOfPath(pathname: string): string {
  const m = /^\/api\/?([^/?]*)/.exec(pathname);
  return m?.[1] ?? '';
}

export function createWebserviceApp(options: AppOptions): Hono {
  const { version, data, keys } = options;
  const sources = createSources(data);
  const app = new Hono();

  const respond = (
    c: Context,
    status: number,
    body: string,
    type: string,
    extra: Record<string, string> = {},
  ): Response => {
    const headers: Record<string, string> = {
      'Access-Time': String(Math.floor(Date.now() / 1000)),
      'X-Powered-By': 'PrestaShop Webservice',
      'Execution-Time': '0.004',
      'Set-Cookie': cookie(),
      ...extra,
    };
    if (body !== '') {
      headers['Content-Type'] = type;
      headers['Content-Sha1'] = createHash('sha1').update(body).digest('hex');
    }
    const method = c.req.method;
    return new Response(method === 'HEAD' || body === '' ? null : body, { status, headers });
  };

  const handle = async (c: Context): Promise<Response> => {
    const url = new URL(c.req.url);
    const params = url.searchParams;
    const json = params.get('output_format') === 'JSON';
    const apiBase = `${url.origin}/api/`;
    const method = c.req.method;
    let authenticated = false;
    const fail = (error: WebserviceError): Response => {
      const extra: Record<string, string> = { 'PSWS-Version': authenticated ? PSWS_VERSION[version] : '0' };
      if (error.status === 401 && !authenticated) extra['WWW-Authenticate'] = REALM;
      const body = json ? jsonErrors(error.errors) : xmlErrors(error.errors);
      return respond(c, error.status, body, json ? JSON_TYPE : XML_TYPE, extra);
    };
    try {
      if (!options.webserviceEnabled())
        throw new WebserviceError(503, [
          {
            code: 22,
            message:
              'The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office',
          },
        ]);
      const authorization = options.stripAuthorizationHeader() ? undefined : c.req.header('authorization');
      const credentials = readCredentials(authorization, params.get('ws_key'));
      if (credentials.kind === 'none')
        // Plain text, whatever output_format says (recorded 66_error_no_credentials_401.txt).
        return respond(c, 401, '401 Unauthorized', 'text/html; charset=utf-8', { 'WWW-Authenticate': REALM });
      const key = keys.authenticate(credentials.key);
      authenticated = true;
      const ok = { 'PSWS-Version': PSWS_VERSION[version] };

      const shopIds = requestedShops(params);
      const resource = resourceOfPath(url.pathname);
      if (resource === '') {
        authorize(key, '*', 'GET', shopIds);
        return respond(c, 200, apiRoot(version, key, apiBase), XML_TYPE, ok);
      }
      const info = resourceInfo(version, resource);
      const source = sources.get(resource);
      if (!info || !source)
        throw new WebserviceError(401, [
          { code: 26, message: `Resource of type "${resource}" is not allowed with this authentication key` },
        ]);
      authorize(key, resource, method === 'HEAD' ? 'HEAD' : method, shopIds);
      const schema = schemaOf(version, resource);
      const ctx: RenderContext = { version, apiBase, resource, singular: info.singular, schema };
      const idText = /^\/api\/[^/]+\/([^/?]+)/.exec(url.pathname)?.[1];

      if (method === 'GET' || method === 'HEAD') {
        if (idText !== undefined) {
          const entry = /^\d+$/.test(idText) ? source.get(Number(idText)) : undefined;
          // A missing id is a 404 with an empty body (recorded 75/76).
          if (!entry) return respond(c, 404, '', '', ok);
          return respond(
            c,
            200,
            json ? jsonSingle(ctx, entry.wire()) : xmlSingle(ctx, entry.wire()),
            json ? JSON_TYPE : XML_TYPE,
            ok,
          );
        }
        const query = parseListQuery(params, schema, version);
        const records = answerList(source, query, schema, shopIds).map((e) => e.wire());
        return respond(
          c,
          200,
          json ? jsonList(ctx, records, query.display) : xmlList(ctx, records, query.display),
          json ? JSON_TYPE : XML_TYPE,
          ok,
        );
      }

      const body = await c.req.text();
      if (method === 'POST' && resource === 'order_histories') {
        const fields = readBody(body, 'order_history');
        const orderId = Number(fields['id_order']);
        const stateId = Number(fields['id_order_state']);
        if (!data.order(orderId)) throw validation('OrderHistory', 'id_order');
        if (!Number.isInteger(stateId) || stateId <= 0 || !data.table('order_states').has(stateId))
          throw validation('OrderHistory', 'id_order_state');
        const history = data.setOrderState(orderId, stateId, { employeeId: 0 });
        const wire = historyWire(history);
        // The answer shows id_employee empty: the object was created without one.
        const shown = { row: { ...wire.row, id_employee: '' } };
        return respond(
          c,
          201,
          json ? jsonSingle(ctx, shown, { allText: true }) : xmlSingle(ctx, shown),
          json ? JSON_TYPE : XML_TYPE,
          ok,
        );
      }
      if ((method === 'PUT' || (method === 'PATCH' && version === '8')) && resource === 'order_carriers') {
        const fields = readBody(body, 'order_carrier');
        const id = Number(idText ?? fields['id']);
        if (!data.ownerOf('orderCarrier', id)) return respond(c, 404, '', '', ok);
        const partial = method === 'PATCH';
        if (!partial) {
          if (!fields['id_order']) throw validation('OrderCarrier', 'id_order');
          if (!fields['id_carrier']) throw validation('OrderCarrier', 'id_carrier');
        }
        const text = (name: string): string | undefined => fields[name];
        const num = (name: string): number | undefined =>
          fields[name] === undefined || fields[name] === '' ? undefined : Number(fields[name]);
        const updated = data.replaceOrderCarrier(
          id,
          {
            ...(num('id_carrier') !== undefined ? { carrierId: num('id_carrier') as number } : {}),
            ...(num('id_order_invoice') !== undefined
              ? { orderInvoiceId: num('id_order_invoice') as number }
              : {}),
            ...(text('weight') ? { weight: text('weight') as string } : {}),
            ...(text('shipping_cost_tax_excl')
              ? { shippingTaxExcl: text('shipping_cost_tax_excl') as string }
              : {}),
            ...(text('shipping_cost_tax_incl')
              ? { shippingTaxIncl: text('shipping_cost_tax_incl') as string }
              : {}),
            ...(text('tracking_number') !== undefined
              ? { trackingNumber: text('tracking_number') as string }
              : {}),
          },
          partial,
        );
        const owner = data.ownerOf('orderCarrier', id);
        if (!updated || !owner) return respond(c, 404, '', '', ok);
        const wire = orderCarrierWire(owner, updated);
        return respond(
          c,
          200,
          json ? jsonSingle(ctx, wire, { allText: true }) : xmlSingle(ctx, wire),
          json ? JSON_TYPE : XML_TYPE,
          ok,
        );
      }
      throw new WebserviceError(405, [
        { code: 25, message: `Method ${method} is not allowed for resource ${resource}` },
      ]);
    } catch (error) {
      if (error instanceof WebserviceError) return fail(error);
      throw error;
    }
  };

  app.all('/api', handle);
  app.all('/api/*', handle);
  return app;
}

function validation(entity: string, field: string): WebserviceError {
  return new WebserviceError(400, [
    { code: 41, message: `Validation error: "Property ${entity}->${field} is empty or not valid."` },
  ]);
}

function readBody(body: string, element: string): Record<string, string> {
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    throw new WebserviceError(400, [{ code: 127, message: 'XML error: DOCTYPE is not allowed' }]);
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch {
    throw new WebserviceError(400, [{ code: 127, message: 'XML error : the XML is not valid' }]);
  }
  const root = (parsed as { prestashop?: Record<string, unknown> }).prestashop?.[element];
  if (!root || typeof root !== 'object')
    throw new WebserviceError(400, [{ code: 127, message: `XML error: <${element}> is missing` }]);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(root as Record<string, unknown>))
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  return out;
}

/** Shops a request reads: the default shop unless `id_shop`/`id_shop_group` says otherwise. */
function requestedShops(params: URLSearchParams): number[] {
  const idShop = params.get('id_shop');
  if (idShop === 'all') return SHOPS.map((s) => s.id);
  if (idShop && /^\d+$/.test(idShop)) return [Number(idShop)];
  const group = params.get('id_shop_group');
  if (group && /^\d+$/.test(group))
    return SHOPS.filter((s) => s.shopGroupId === Number(group)).map((s) => s.id);
  return [1];
}

function apiRoot(version: PrestaShopVersion, key: WebserviceKey, apiBase: string): string {
  let out = `${XML_HEAD}<api shopName="${escapeAttribute(SHOPS[0]?.name ?? '')}">\n`;
  for (const info of resourcesOf(version)) {
    const methods = methodsOf(key, info.name);
    if (methods.length === 0) continue;
    const verbs = (version === '8' ? ALL_METHODS : ALL_METHODS.filter((m) => m !== 'PATCH'))
      .map((m) => `${m.toLowerCase()}="${methods.includes(m) ? 'true' : 'false'}"`)
      .join(' ');
    const href = `${apiBase}${info.name}`;
    out += `<${info.name} xlink:href="${escapeAttribute(href)}" ${verbs}>\n`;
    out += `<description xlink:href="${escapeAttribute(href)}" ${verbs}>\n${escapeAttribute(info.description)}</description>\n`;
    out += `<schema xlink:href="${escapeAttribute(`${href}?schema=blank`)}" type="blank"/>\n`;
    out += `<schema xlink:href="${escapeAttribute(`${href}?schema=synopsis`)}" type="synopsis"/>\n`;
    out += `</${info.name}>\n`;
  }
  return `${out}</api>\n${XML_TAIL}`;
}
