import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The largest form navette has (the state table) is a few KB: 256 KB leaves ample room. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Refuses a request body over MAX_BODY_BYTES with 413, on every route and before any session check: a
 * declared Content-Length is refused without reading a byte, a chunked body as soon as it passes the
 * limit (never more than that is held in memory). The connection is closed rather than drained.
 */
export const bodySizeLimit: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => {
    const message = `Requête trop volumineuse : navette n'accepte pas plus de ${MAX_BODY_BYTES / 1024} Ko par envoi.`;
    c.header('Connection', 'close');
    return c.req.path.startsWith('/api/')
      ? c.json({ error: 'body-too-large', message }, 413)
      : c.text(message, 413);
  },
});
