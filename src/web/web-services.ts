import type { Navette } from '../app/navette.js';
import type { NavetteConfig } from '../config/config-schema.js';
import type { Clock } from '../ports/clock.js';
import type { LoginRateLimit } from './auth/login-rate-limit.js';
import type { SessionStore } from './auth/sessions.js';
import type { ConfigHolder } from './config-holder.js';
import type { NavetteHolder } from './navette-holder.js';
import type { RunManager } from './run-manager.js';
import type { SecretRedactor } from './secret-redactor.js';

/** What createWebApp needs from the outside world. */
export interface WebDeps {
  readonly configPath: string;
  /** Builds navette for a config (src/app/compose.ts in production). */
  openNavette(config: NavetteConfig): Promise<Navette>;
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: Clock;
}

/** The long-lived parts of the web app, shared by the routes. */
export interface WebServices {
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  readonly configs: ConfigHolder;
  readonly navettes: NavetteHolder;
  readonly sessions: SessionStore;
  readonly loginLimit: LoginRateLimit;
  readonly runs: RunManager;
  readonly secrets: SecretRedactor;
}
