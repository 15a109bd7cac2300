import { ExpectedFailure } from '../../domain/failure.js';
import { toText } from '../../domain/money.js';
import { FIELD_LIMITS, type DocumentLineDraft } from '../../domain/sales-document.js';
import { truncateText } from '../../domain/truncate.js';
import type { ArticleMatch } from '../../ports/gescom-target.js';
import type { DolibarrClient } from './dolibarr-client.js';
import { DolibarrFailure } from './errors.js';
import { OneAtATime } from './one-at-a-time.js';
import { anyOf } from './sqlfilters.js';
import type { WireProduct } from './wire-schemas.js';

export interface ProductRef {
  readonly id: number;
  readonly ref: string;
  readonly label: string;
  /** 0 product, 1 service. */
  readonly type: number;
}

/** The reference a line's article has in Dolibarr (cut as every target cuts it). */
export function articleReferenceOf(line: DocumentLineDraft): string {
  return truncateText(line.articleReference, FIELD_LIMITS.articleReference);
}

/**
 * Articles as Dolibarr products and services, looked up by ref a page at a time (one sqlfilters call
 * for the page's references) and remembered for the target's life. A line whose article Dolibarr lacks
 * is refused, unless the draft says to create it (the setting "créer l'article"); navette's special
 * articles (PORT, REMISE…, the generic article DIVERS) are created as services when missing.
 */
export class Products {
  readonly #byRef = new Map<string, ProductRef>();
  /** References asked for and absent: not asked again until created. */
  readonly #absent = new Set<string>();
  readonly #oneAtATime = new OneAtATime();

  /** Upper-cased references created when missing, whatever the line says (the generic article). */
  readonly #alwaysCreated: ReadonlySet<string>;

  constructor(
    private readonly client: DolibarrClient,
    alwaysCreated: readonly string[] = [],
  ) {
    this.#alwaysCreated = new Set(alwaysCreated.map((ref) => ref.toUpperCase()));
  }

  async find(references: readonly string[]): Promise<readonly ArticleMatch[]> {
    await this.lookUp(references);
    return [...new Set(references.map((ref) => ref.toUpperCase()))].flatMap((ref) => {
      const found = this.#byRef.get(ref);
      return found ? [{ reference: found.ref, ean13: '', label: found.label }] : [];
    });
  }

  /**
   * The product of each line (undefined for a line without article), creating those the draft allows
   * only once every line was checked: a refused line leaves nothing created.
   */
  async resolve(lines: readonly DocumentLineDraft[]): Promise<readonly (ProductRef | undefined)[]> {
    const references = lines.map(articleReferenceOf);
    const unknown = [
      ...new Set(references.filter((ref) => ref !== '').map((ref) => ref.toUpperCase())),
    ].filter((ref) => !this.#byRef.has(ref));
    // Orders written at once that lack the same article (the generic one, PORT…) look it up and create
    // it one after the other: the first creates it, the next find it remembered.
    if (unknown.length > 0)
      await this.#oneAtATime.run(
        unknown.map((ref) => `ref ${ref}`),
        () => this.lookUpOrCreate(lines, references),
      );
    return references.map((ref) => (ref === '' ? undefined : this.#byRef.get(ref.toUpperCase())));
  }

  private async lookUpOrCreate(
    lines: readonly DocumentLineDraft[],
    references: readonly string[],
  ): Promise<void> {
    await this.lookUp(references.filter((ref) => ref !== ''));
    const toCreate = new Map<string, DocumentLineDraft>();
    lines.forEach((line, index) => {
      const ref = references[index] ?? '';
      if (ref === '' || this.#byRef.has(ref.toUpperCase())) return;
      if (!line.createArticle && line.kind === 'product' && !this.#alwaysCreated.has(ref.toUpperCase()))
        throw new ExpectedFailure(
          'article-unknown',
          `L'article ${ref} n'existe pas dans Dolibarr : créez-le (Produits/Services), ou activez « Créer l'article » dans les réglages.`,
          { data: { case: 'article-missing', reference: ref } },
        );
      if (!toCreate.has(ref.toUpperCase())) toCreate.set(ref.toUpperCase(), line);
    });
    for (const [upper, line] of toCreate)
      this.remember(await this.create(line, references[lines.indexOf(line)] ?? upper));
  }

  private async lookUp(references: readonly string[]): Promise<void> {
    const missing = [...new Set(references.map((ref) => ref.toUpperCase()))].filter(
      (ref) => !this.#byRef.has(ref) && !this.#absent.has(ref),
    );
    const asked = [...new Set(references)].filter((ref) => missing.includes(ref.toUpperCase()));
    for (let start = 0; start < asked.length; start += 50) {
      const filter = anyOf('ref', asked.slice(start, start + 50));
      // A reference Dolibarr cannot search (a parenthesis) is simply not found.
      if (filter instanceof DolibarrFailure) continue;
      for (const product of await this.client.findProducts(filter)) this.remember(refOf(product));
    }
    for (const ref of missing) if (!this.#byRef.has(ref)) this.#absent.add(ref);
  }

  private remember(product: ProductRef): void {
    this.#byRef.set(product.ref.toUpperCase(), product);
    this.#absent.delete(product.ref.toUpperCase());
  }

  private async create(line: DocumentLineDraft, ref: string): Promise<ProductRef> {
    const label = truncateText(line.label || ref, FIELD_LIMITS.label);
    const type = line.kind === 'product' && !this.#alwaysCreated.has(ref.toUpperCase()) ? 0 : 1;
    const id = await this.client.create('products', {
      ref,
      label,
      type,
      status: 1,
      status_buy: type === 0 ? 1 : 0,
      price: line.kind === 'product' ? toText(line.unitPriceTaxExcl) : '0',
      price_base_type: 'HT',
      tva_tx: toText(line.vatRate),
    });
    return { id, ref, label, type };
  }
}

function refOf(product: WireProduct): ProductRef {
  return { id: product.id, ref: product.ref, label: product.label ?? product.ref, type: product.type };
}
