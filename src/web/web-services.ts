import type { Navette } from '../app/navette.js';
import type { NavetteConfig } from '../config/config-schema.js';
import type { Clock } from '../ports/clock.js';
import type { AllowedHosts } from './auth/allowed-hosts.js';
import type { AuthLimiter } from './auth/auth-limiter.js';
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
  /** The Host names served (startWebServer gives its own; by default the loopback names). */
  readonly allowedHosts?: AllowedHosts;
  /** Believe X-Forwarded-Proto/-For from a reverse proxy (`--trust-proxy`). Off by default. */
  readonly trustProxy?: boolean;
}

/** The long-lived parts of the web app, shared by the routes. */
export interface WebServices {
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  readonly configs: ConfigHolder;
  readonly navettes: NavetteHolder;
  readonly sessions: SessionStore;
  readonly authLimit: AuthLimiter;
  readonly runs: RunManager;
  readonly secrets: SecretRedactor;
}
