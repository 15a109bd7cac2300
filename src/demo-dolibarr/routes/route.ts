import type { ApiUser } from '../store.js';

export interface ApiRequest {
  readonly method: string;
  /** The captured groups of the route's pattern, decoded. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  /** The decoded JSON body (`{}` when empty). */
  readonly body: Record<string, unknown>;
  readonly user: ApiUser;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched against the path after `/api/index.php/`, e.g. `^orders/(\d+)$`. */
  readonly pattern: RegExp;
  /** The right the key needs, as `module:read` or `module:write`; undefined: any valid key. */
  readonly right?: string;
  /** Whether the endpoint reads a JSON body (`request_data`), which must then be an object. */
  readonly takesBody?: boolean;
  /** A JSON value answered with 200, or a whole Response (304, errors that are not Restler's…). */
  handle(request: ApiRequest): unknown;
}
