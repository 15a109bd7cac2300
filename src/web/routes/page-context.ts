import type { Context } from 'hono';
import { formBody, type FormBody } from '../config-form.js';
import type { PageContext } from '../views/layout.js';
import type { WebEnv } from '../web-env.js';

export function pageContext(c: Context<WebEnv>): PageContext {
  const url = new URL(c.req.url);
  return {
    t: c.get('t'),
    language: c.get('language'),
    csrfToken: c.get('session').csrfToken,
    path: `${url.pathname}${url.search}`,
  };
}

/** The submitted form, every field as a list of strings (checkbox groups, repeated names). */
export async function readForm(c: Context<WebEnv>): Promise<FormBody> {
  return formBody(await c.req.parseBody({ all: true }));
}

export { localPath } from '../auth/local-path.js';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
