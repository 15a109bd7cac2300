import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { WebEnv } from '../web-env.js';

/** Who is asking, and how the browser reached navette. */
export interface ClientInfo {
  /** The client's address (for the rate limits); "unknown" without a socket. */
  readonly address: string;
  /** True when the browser used https (only a trusted proxy can say so: navette itself speaks http). */
  readonly https: boolean;
  /** The origin the browser sees, e.g. https://navette.example.org, to compare with `Origin`. */
  readonly origin: string;
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/** The last value of a comma-separated forwarding header: the one the nearest proxy wrote. */
function lastForwarded(value: string | undefined): string | undefined {
  const last = value?.split(',').at(-1)?.trim();
  return last === '' ? undefined : last;
}

/**
 * Sets `client` for every request. With `trustProxy` (navette behind a reverse proxy on the same
 * computer or network), X-Forwarded-Proto and X-Forwarded-For count; without it they are ignored, since
 * any client could send them.
 */
export function clientInfo(trustProxy: boolean): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const forwardedProto = trustProxy ? lastForwarded(c.req.header('x-forwarded-proto')) : undefined;
    const forwardedFor = trustProxy ? lastForwarded(c.req.header('x-forwarded-for')) : undefined;
    const https = forwardedProto === undefined ? url.protocol === 'https:' : forwardedProto === 'https';
    c.set('client', {
      address: forwardedFor ?? socketAddress(c),
      https,
      origin: `${https ? 'https' : 'http'}://${url.host}`,
    });
    await next();
  };
}
