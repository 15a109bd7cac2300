import { stat } from 'node:fs/promises';
import type { NavetteConfig } from '../config/config-schema.js';
import { loadConfig, resolveConfigPaths, saveConfig } from '../config/load-config.js';

/**
 * The configuration the web UI shows and edits. It is read from the file again when the file changes on
 * disk (someone edited it, or ran `navette init`), and written atomically through saveConfig. `version`
 * changes whenever the config does, so that the Navette built from it is rebuilt.
 */
export class ConfigHolder {
  #config: NavetteConfig | undefined;
  #mtimeMs = -1;
  #version = 0;

  constructor(readonly path: string) {}

  get version(): number {
    return this.#version;
  }

  /** The current config; throws the ExpectedFailure of loadConfig when the file is missing or invalid. */
  async current(): Promise<NavetteConfig> {
    const mtimeMs = await stat(this.path).then(
      (stats) => stats.mtimeMs,
      () => -1,
    );
    if (this.#config === undefined || mtimeMs !== this.#mtimeMs) {
      this.#config = await loadConfig(this.path);
      this.#mtimeMs = mtimeMs;
      this.#version += 1;
    }
    return this.#config;
  }

  async save(config: NavetteConfig): Promise<void> {
    await saveConfig(this.path, config);
    // As a fresh loadConfig would read it: a relative path typed in a form is the config folder's.
    this.#config = resolveConfigPaths(config, this.path);
    this.#mtimeMs = await stat(this.path).then(
      (stats) => stats.mtimeMs,
      () => -1,
    );
    this.#version += 1;
  }
}
