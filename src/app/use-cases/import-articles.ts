import { FIELD_LIMITS } from '../../domain/sales-document.js';
import { truncateText } from '../../domain/truncate.js';
import type { CatalogueItem, CatalogueSource } from '../../ports/catalogue-source.js';

/** What `navette articles import` did. */
export interface ArticleImport {
  /** Products and combinations read from the shop. */
  readonly read: number;
  readonly added: number;
  /** References the GesCom already had (left as they are). */
  readonly alreadyKnown: number;
  /** Items without a reference: an article needs one, and an order line of them goes to DIVERS. */
  readonly skippedWithoutReference: number;
  /** Webservice calls the read cost. */
  readonly webserviceCalls: number;
}

/** The GesCom side: adds articles, leaves existing references as they are, says how many were new. */
export type AddArticles = (articles: readonly CatalogueItem[]) => Promise<number>;

/**
 * Loads the shop's catalogue into the GesCom's articles, a page at a time, so that the lines of the
 * next imports find their article instead of DIVERS. Running it again adds only what is new in the shop.
 */
export async function importArticles(
  source: CatalogueSource,
  addArticles: AddArticles,
  webserviceCalls: () => number,
): Promise<ArticleImport> {
  const callsBefore = webserviceCalls();
  let read = 0;
  let added = 0;
  let skippedWithoutReference = 0;
  for await (const page of source.readCatalogue()) {
    read += page.length;
    // Two combinations may share a reference once cut to the GesCom's length: the first one wins.
    const byReference = new Map<string, CatalogueItem>();
    for (const item of page) {
      const reference = truncateText(item.reference.trim(), FIELD_LIMITS.articleReference);
      if (reference === '') skippedWithoutReference += 1;
      else if (!byReference.has(reference)) byReference.set(reference, { ...item, reference });
    }
    added += await addArticles([...byReference.values()]);
  }
  return {
    read,
    added,
    alreadyKnown: read - skippedWithoutReference - added,
    skippedWithoutReference,
    webserviceCalls: webserviceCalls() - callsBefore,
  };
}
