import { pino, type DestinationStream, type Logger } from 'pino';
import type { AttemptEvent } from '../adapters/prestashop/webservice-client.js';

export type { Logger };

const MASK = '[secret masqué]';

/**
 * navette's technical log (JSON lines on stderr; `NAVETTE_LOG_LEVEL=debug` shows every webservice call).
 * Whatever a line holds, the secrets given here (the webservice key, the web token) are masked in the
 * written text itself: no field, message or error stack can carry them out.
 */
export function createLogger(options: {
  readonly level?: string;
  readonly secrets: readonly string[];
  readonly destination?: { write(line: string): unknown };
}): Logger {
  const secrets = options.secrets.filter((secret) => secret.length >= 8);
  const target = options.destination ?? process.stderr;
  const destination: DestinationStream = {
    write: (line: string) => {
      target.write(secrets.reduce((text, secret) => text.replaceAll(secret, MASK), line));
    },
  };
  return pino({ level: options.level ?? 'warn', base: { app: 'navette' } }, destination);
}

/** The webservice client's attempts: every call at debug, the retried and failed ones as warnings. */
export function logAttempt(logger: Logger, event: AttemptEvent): void {
  if (event.outcome === 'ok') logger.debug({ webservice: event }, 'appel webservice');
  else logger.warn({ webservice: event }, 'appel webservice en échec');
}
