import { randomBytes } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { Language } from '../i18n.js';

/** A signed-in browser. Lives only in the server's memory: a restart signs everyone out, by design. */
export interface Session {
  readonly id: string;
  /** Sent in every form and in the X-CSRF-Token header of API calls; checked on every state change. */
  readonly csrfToken: string;
  readonly createdAt: number;
  lastSeenAt: number;
  language: Language;
  /** Orders unticked in the aperçu (`ps-1-42` keys), left out of the next real run. */
  readonly excludedOrders: Set<string>;
  /** The run id of this browser's last aperçu. */
  lastPreviewRunId: string | undefined;
}

export interface SessionOptions {
  /** Signed out after this long without a request. */
  readonly idleMs: number;
  /** Signed out after this long whatever happens. */
  readonly absoluteMs: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  idleMs: 2 * 60 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
};

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly options: SessionOptions = DEFAULT_SESSION_OPTIONS,
  ) {}

  create(language: Language): Session {
    this.#sweep();
    const now = this.clock.now().getTime();
    const session: Session = {
      id: randomToken(),
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
      language,
      excludedOrders: new Set(),
      lastPreviewRunId: undefined,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, touched; undefined when unknown or expired. */
  get(id: string | undefined): Session | undefined {
    if (id === undefined) return undefined;
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    const now = this.clock.now().getTime();
    if (this.#expired(session, now)) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  destroy(id: string | undefined): void {
    if (id !== undefined) this.#sessions.delete(id);
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** Cookie lifetime in seconds: the absolute limit, the server enforces the idle one. */
  get maxAgeSeconds(): number {
    return Math.floor(this.options.absoluteMs / 1000);
  }

  #expired(session: Session, now: number): boolean {
    return (
      now - session.lastSeenAt > this.options.idleMs || now - session.createdAt > this.options.absoluteMs
    );
  }

  #sweep(): void {
    const now = this.clock.now().getTime();
    for (const [id, session] of this.#sessions) if (this.#expired(session, now)) this.#sessions.delete(id);
  }
}
