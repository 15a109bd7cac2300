/**
 * How PrestaShop's webservice must be spoken to, from 1.6 to 9.x: the query syntax of reads, the
 * parameters that change what an answer holds, and the error codes navette acts on — every quirk in
 * this one catalogue. Each names what shows it: a recorded answer (paths under
 * test/fixtures/prestashop/), PrestaShop's own source (classes/webservice/WebserviceRequest.php) or an
 * upstream issue.
 */

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
  /**
   * `full`, or the fields to return. Without display a list gives ids only (8.1.2/05_orders_full.json
   * against the id-only lists of 1.6.1/test_import_sale_batch/001_GET_orders.response.xml).
   */
  readonly display?: 'full' | readonly string[];
  readonly filter?: Readonly<Record<string, FilterValue>>;
  /** e.g. `['date_add_ASC', 'id_ASC']`. */
  readonly sort?: readonly string[];
  readonly limit?: { readonly offset: number; readonly count: number };
  readonly shop?: ShopScope;
}

/**
 * The codes of PrestaShop's `errors` list that navette tells apart, as WebserviceRequest sets them.
 * The code, not the HTTP status, says what went wrong: the status of one error differs between
 * versions (see `unknownFilter`). Each says the request itself is wrong: none is worth retrying.
 */
export const ERROR_CODE = {
  /** No key sent at all (16) or an empty one (17). */
  noKey: 16,
  emptyKey: 17,
  /** Not 32 characters. */
  keyFormat: 18,
  /**
   * The key is off. An unknown key gets 20 *and* 21 (no permission loaded), recorded in
   * 8.1.2/67_error_bad_key_401.json.
   */
  keyInactive: 20,
  noPermission: 21,
  /** The webservice is switched off in the back office: HTTP 503. */
  webserviceDisabled: 22,
  /** The key may not use this resource at all: 8.1.2/69_error_resource_not_allowed_401.json. */
  resourceNotAllowed: 26,
  /**
   * Unknown filter or sort field. HTTP 400 in PrestaShop's sources, but a real 8.1.2 on PHP 8.2 trips
   * on its own error path and answers **HTTP 500**, with PHP warnings appended as errors of code 3
   * (8.1.2/71_error_unknown_filter_field.json, 72_….xml): retrying it gives the same answer.
   */
  unknownFilter: 32,
  /** The key is not enabled for the shop asked for (`id_shop`): HTTP 403. */
  shopNotAllowedForKey: 132,
  /** Treated as 132. */
  shopNotAllowedForKeyAlt: 133,
  /** PrestaShop's catch-all, among others for "This shop id does not exist" (HTTP 404) and an empty shop group. */
  catchAll: 999,
} as const;

/**
 * `date_add`/`date_upd` can be filtered or sorted only with `date=1`; without it PrestaShop answers
 * error 32 as if the field did not exist (8.1.2/73_error_date_filter_without_date1.json, 74_….xml; with
 * it, 8.1.2/33_orders_by_date_upd_page1.json). 1.6 reads it too
 * (1.6.1/test_import_sale_batch/001_GET_orders.response.xml).
 */
const FIELDS_NEEDING_DATE_PARAM = new Set(['date_add', 'date_upd']);

/** The query string of a read. */
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
  if (needsDateParam) query.set('date', '1');
  // No total count exists: a list is read until a page comes back short (8.1.2/34_orders_by_date_upd_page2.json).
  if (limit !== undefined) query.set('limit', `${limit.offset},${limit.count}`);
  if (shop !== undefined) {
    // Multistore: lists of orders and customers cover only the shop of the request's host unless
    // id_shop (or id_shop_group) says otherwise (8.1.2/05_orders_full.json against
    // 07_orders_full_all_shops.json and 09_orders_shop2.json); a filter[id_shop] alone returns [] for
    // any other shop (8.1.2/11_orders_filter_id_shop_2_without_shop_param.json).
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

/** The shop of a read as a failure message names it. */
export function shopLabel(shop: ShopScope | undefined): string | undefined {
  if (shop === undefined) return undefined;
  if (shop === 'all') return 'toutes';
  return 'shopId' in shop ? String(shop.shopId) : `du groupe ${shop.shopGroupId}`;
}

/**
 * Whether to ask for JSON (lighter to parse) with `output_format=JSON` — case-sensitive: `json` gives
 * XML. Not from 1.6, which answers XML whatever is asked and whose JSON is unreliable (every
 * 1.6.1/*.response.xml is XML); not from the `/api/` root, which ignores it on 8.1.2
 * (8.1.2/01_api_root.xml) and fails with HTTP 500 on 8.1.x when it does read it (PrestaShop issue
 * #32179); not for writes, which answer in either format and are read either way.
 */
export function asksForJson(path: string, method: string, version: string | undefined): boolean {
  return path !== '' && method === 'GET' && !version?.startsWith('1.6');
}

/**
 * Some hostings (PHP as CGI/FastCGI) strip the Authorization header: PrestaShop then answers a plain
 * 401 without its XML/JSON body (8.1.2/66_error_no_credentials_401.txt; PrestaShop issues #19290 and
 * #17392). The key then travels as this query parameter.
 */
export const QUERY_KEY_PARAM = 'ws_key';

/** The key as HTTP Basic user name with an empty password (every 8.1.2 fixture was read that way). */
export function basicAuthorization(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}

/**
 * A write's e-mail flag is a query parameter, not a field of the record: PrestaShop's
 * OrderHistory::addWs reads `sendemail` from the URL (classes/order/OrderHistory.php). The PUT of a
 * tracking number sends it the same way, for the in-transit mail.
 */
export function sendEmailQuery(sendEmail: boolean): Readonly<Record<string, string>> {
  return { sendemail: sendEmail ? '1' : '0' };
}

/**
 * Vouchers of an order: `order_cart_rules` from 1.7 (8.1.2/29_order_cart_rules_full.json), 1.6 calls
 * them `order_discounts` (1.6.1/test_import_sale_record_5/007_GET_order_discounts.response.xml).
 */
export function cartRulesResource(version: string | undefined): 'order_discounts' | 'order_cart_rules' {
  return version?.startsWith('1.6') ? 'order_discounts' : 'order_cart_rules';
}

/**
 * The shop's version from an answer's `PSWS-Version` header, e.g. `8.1.2`. Only authenticated answers
 * give it: a refused key gets `PSWS-Version: 0` (8.1.2/67_error_bad_key_401.json.headers), a request
 * without key none at all (8.1.2/66_error_no_credentials_401.txt.headers).
 */
export function versionFromHeader(header: string | undefined): string | undefined {
  return header === '' || header === '0' ? undefined : header;
}
