import type { Navette } from '../app/navette.js';
import type { NavetteConfig } from '../config/config-schema.js';
import type { ConfigHolder } from './config-holder.js';

interface Opened {
  readonly configVersion: number;
  readonly navette: Promise<Navette>;
  users: number;
  retired: boolean;
}

/**
 * Opens the Navette lazily (a page that only shows settings must work while the shop is down) and
 * reopens it after the config changes. An instance still in use by a running import is closed only when
 * that import ends.
 */
export class NavetteHolder {
  #current: Opened | undefined;

  constructor(
    private readonly configs: ConfigHolder,
    private readonly open: (config: NavetteConfig) => Promise<Navette>,
  ) {}

  async use<T>(work: (navette: Navette) => Promise<T>): Promise<T> {
    const opened = await this.#acquire();
    opened.users += 1;
    try {
      return await work(await opened.navette);
    } finally {
      opened.users -= 1;
      if (opened.retired && opened.users === 0) await this.#close(opened);
    }
  }

  async close(): Promise<void> {
    const opened = this.#current;
    this.#current = undefined;
    if (opened !== undefined) {
      opened.retired = true;
      if (opened.users === 0) await this.#close(opened);
    }
  }

  async #acquire(): Promise<Opened> {
    const config = await this.configs.current();
    const version = this.configs.version;
    const current = this.#current;
    if (current !== undefined && current.configVersion === version) return current;
    if (current !== undefined) {
      current.retired = true;
      if (current.users === 0) await this.#close(current);
    }
    const opened: Opened = { configVersion: version, navette: this.open(config), users: 0, retired: false };
    this.#current = opened;
    // A failed open is forgotten so that the next request tries again (the shop may be back).
    opened.navette.catch(() => {
      if (this.#current === opened) this.#current = undefined;
    });
    return opened;
  }

  async #close(opened: Opened): Promise<void> {
    try {
      await (await opened.navette).close();
    } catch {
      // It never opened, or closing failed: nothing more to release.
    }
  }
}
