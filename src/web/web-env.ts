import type { ClientInfo } from './auth/client-info.js';
import type { Session } from './auth/sessions.js';
import type { Language, Translate } from './i18n.js';

/** What the middlewares put on each request's context for the routes. */
export interface WebEnv {
  Variables: {
    /** Set for every request: its address and whether the browser used https. */
    client: ClientInfo;
    /** Set for every request past requireSession. */
    session: Session;
    /** True when the request authenticated with `Authorization: Bearer` (no cookie, so no CSRF risk). */
    viaBearer: boolean;
    language: Language;
    t: Translate;
  };
}
