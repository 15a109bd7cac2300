import { readKeyFile } from '../config/key-file.js';
import type { NavetteConfig } from '../config/config-schema.js';

const MASK = '••••••';

/** As hono/jsx escapes text and attribute values. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Last line of defence for "no secret ever sent to the browser": every text the web app sends goes
 * through `redact`, which masks the webservice key, Dolibarr's API key and the web token wherever they might have slipped in
 * (an error message quoting a URL with the key, say). The pages never put them there on purpose.
 */
export class SecretRedactor {
  #secrets: readonly string[];

  constructor(private readonly env: NodeJS.ProcessEnv) {
    this.#secrets = this.#writtenSecrets([]);
  }

  /** Learns the key files' content, if the config has any (the env secrets are always known). */
  async learn(config: NavetteConfig): Promise<void> {
    const read = (path: string | undefined): Promise<string | undefined> =>
      path === undefined
        ? Promise.resolve(undefined)
        : readKeyFile(path).then(
            (file) => file.key,
            // A file that holds no key is never sent anywhere: nothing to mask.
            () => undefined,
          );
    const fromFiles = await Promise.all([read(config.shop.keyFile), read(config.gescom.dolibarr?.keyFile)]);
    this.#secrets = this.#writtenSecrets(fromFiles);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) result = result.split(secret).join(MASK);
    return result;
  }

  /** True when a text holds a secret (the response middleware then rewrites it). */
  leaks(text: string): boolean {
    return this.#secrets.some((secret) => text.includes(secret));
  }

  /** Every way the secrets can be written, longest first. */
  #writtenSecrets(fromFiles: readonly (string | undefined)[]): string[] {
    const candidates = [
      this.env['NAVETTE_PS_KEY'],
      this.env['NAVETTE_DOLIBARR_KEY'],
      this.env['NAVETTE_WEB_TOKEN'],
      ...fromFiles,
    ];
    // Very short values would mask ordinary words; real keys are 32 characters.
    const secrets = candidates
      .map((value) => value?.trim())
      .filter((value): value is string => value !== undefined && value.length >= 8);
    // A secret with special characters is written differently in HTML, a URL or JSON: mask each form.
    const written = secrets.flatMap((secret) => [
      secret,
      escapeHtml(secret),
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
    ]);
    return [...new Set(written)].sort((a, b) => b.length - a.length);
  }
}
