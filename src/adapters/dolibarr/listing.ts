import type { DocumentFilter } from '../../ports/gescom-target.js';
import type { DocumentSummary } from '../../domain/sales-document.js';
import type { DolibarrClient } from './dolibarr-client.js';
import { documentNumber } from './document-kinds.js';
import type { DocumentReads } from './document-reads.js';
import { DolibarrFailure } from './errors.js';
import { summaryOf } from './read-back.js';
import { like, type SqlFilter } from './sqlfilters.js';

function filterOrThrow(filter: SqlFilter | DolibarrFailure): SqlFilter {
  if (filter instanceof DolibarrFailure) throw filter;
  return filter;
}

/** Every document navette wrote (its `ref_ext` an order key, released or not). */
async function navetteDocuments(reads: DocumentReads, pattern = 'ps-%'): Promise<DocumentSummary[]> {
  const chains = await reads.chainsWhere([filterOrThrow(like('ref_ext', pattern))]);
  return [...chains.values()].flat().map(summaryOf);
}

function matches(summary: DocumentSummary, filter: DocumentFilter): boolean {
  const contains = (value: string, part: string) => value.toLowerCase().includes(part.toLowerCase());
  if (filter.type !== undefined && summary.type !== filter.type) return false;
  if (filter.status !== undefined && summary.status !== filter.status) return false;
  if (filter.from !== undefined && summary.date < filter.from) return false;
  if (filter.to !== undefined && summary.date > filter.to) return false;
  if (
    filter.customer !== undefined &&
    !contains(summary.customerCode, filter.customer) &&
    !contains(summary.customerName, filter.customer)
  )
    return false;
  if (
    filter.search !== undefined &&
    ![summary.number, summary.reference, summary.externalKey].some((value) =>
      contains(value, filter.search ?? ''),
    )
  )
    return false;
  return true;
}

/**
 * The documents navette wrote, filtered and paged here: Dolibarr's lists cannot join the three
 * resources nor the third parties' names. Meant for the web's pages, not for runs.
 */
export async function listDocuments(
  reads: DocumentReads,
  filter: DocumentFilter,
): Promise<{ readonly items: readonly DocumentSummary[]; readonly total: number }> {
  const all = (await navetteDocuments(reads))
    .filter((summary) => matches(summary, filter))
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id, 'en', { numeric: true }));
  const offset = Math.max(0, Math.trunc(filter.offset ?? 0));
  const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? 50)), 500);
  return { items: all.slice(offset, offset + limit), total: all.length };
}

/**
 * `navette reset`: each document of these orders keeps its number and content, its `ref_ext` becoming
 * `ps-1-42#reset-<number>`, so that the next import creates a new one. A key released before stays.
 */
export async function releaseExternalKeys(
  client: DolibarrClient,
  reads: DocumentReads,
  orders: { readonly externalKeys: readonly string[] } | { readonly shopId: number },
): Promise<number> {
  const chains =
    'shopId' in orders
      ? await reads.chainsWhere([filterOrThrow(like('ref_ext', `ps-${orders.shopId}-%`))])
      : await reads.chainsOf(orders.externalKeys);
  let released = 0;
  for (const [key, chain] of chains) {
    if (key.includes('#reset-')) continue;
    for (const doc of chain) {
      // No parenthesis (a draft's `(PROVn)`): sqlfilters could not search the key then.
      const number = documentNumber(doc.resource, doc.wire.ref).replace(/[()]/g, '');
      await client.setRefExt(doc.resource, doc.wire.id, `${key}#reset-${number}`);
      released += 1;
    }
  }
  return released;
}
