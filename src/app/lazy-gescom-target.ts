import type { GescomTarget } from '../ports/gescom-target.js';

/**
 * A GesCom target opened on first use (Dolibarr: its key is resolved only when Dolibarr is really
 * called, so that runs, reports and a reset of navette's own data work without it). A failed opening
 * (no key) is thrown to that caller and tried again by the next one.
 */
export class LazyGescomTarget implements GescomTarget {
  #opening: Promise<GescomTarget> | undefined;

  constructor(
    private readonly openTarget: () => Promise<GescomTarget>,
    /** What the target will say, known before it is opened (the sync reads it before the first write). */
    readonly writeConcurrency: number,
  ) {}

  open(): Promise<GescomTarget> {
    this.#opening ??= this.openTarget().catch((error: unknown) => {
      this.#opening = undefined;
      throw error;
    });
    return this.#opening;
  }

  async findByExternalKey(...args: Parameters<GescomTarget['findByExternalKey']>) {
    return (await this.open()).findByExternalKey(...args);
  }

  async findByExternalKeys(...args: Parameters<GescomTarget['findByExternalKeys']>) {
    return (await this.open()).findByExternalKeys(...args);
  }

  async findArticles(...args: Parameters<GescomTarget['findArticles']>) {
    return (await this.open()).findArticles(...args);
  }

  async importDocument(...args: Parameters<GescomTarget['importDocument']>) {
    return (await this.open()).importDocument(...args);
  }

  async transformDocument(...args: Parameters<GescomTarget['transformDocument']>) {
    return (await this.open()).transformDocument(...args);
  }

  async transformationsSince(...args: Parameters<GescomTarget['transformationsSince']>) {
    return (await this.open()).transformationsSince(...args);
  }

  async releaseExternalKeys(...args: Parameters<GescomTarget['releaseExternalKeys']>) {
    return (await this.open()).releaseExternalKeys(...args);
  }

  async cancelDocument(...args: Parameters<GescomTarget['cancelDocument']>) {
    return (await this.open()).cancelDocument(...args);
  }

  async getDocument(...args: Parameters<GescomTarget['getDocument']>) {
    return (await this.open()).getDocument(...args);
  }

  async listDocuments(...args: Parameters<GescomTarget['listDocuments']>) {
    return (await this.open()).listDocuments(...args);
  }

  async close(): Promise<void> {
    if (this.#opening === undefined) return;
    await (await this.#opening.catch(() => undefined))?.close();
  }
}
