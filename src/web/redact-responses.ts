import type { MiddlewareHandler } from 'hono';
import type { SecretRedactor } from './secret-redactor.js';

const TEXT_TYPES = /^(text\/html|text\/plain|text\/csv|application\/json)/;

/** Masks any secret in a text answer before it leaves (live streams redact message by message). */
export function redactResponses(secrets: SecretRedactor): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    // Downloads are streamed and redact themselves line by line.
    if (!TEXT_TYPES.test(type) || c.res.body === null || c.res.headers.has('content-disposition')) return;
    const text = await c.res.clone().text();
    if (!secrets.leaks(text)) return;
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(secrets.redact(text), { status: c.res.status, headers });
  };
}
