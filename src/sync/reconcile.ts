import type { ImportRules } from '../domain/rules.js';
import { type Difference, type ReconciliationReport, differenceAction } from '../domain/reconciliation.js';
import type { DocumentSummary } from '../domain/sales-document.js';
import { formatShopOrderKey, parseShopOrderKey, type ShopOrderKey } from '../domain/shop-order.js';
import type { Clock } from '../ports/clock.js';
import type { GescomTarget } from '../ports/gescom-target.js';
import type { OrderSource } from '../ports/order-source.js';
import type { SyncStore } from '../ports/sync-store.js';
import { differencesOf, documentOf } from './reconcile-order.js';
import { selectOrders, type Selection } from './select-orders.js';

export interface ReconcileDeps {
  readonly source: OrderSource;
  readonly target: GescomTarget;
  readonly store: SyncStore;
  readonly clock: Clock;
  /** The webservice calls made so far, to report the ones the reconciliation made. */
  readonly webserviceCalls?: () => number;
}

export interface ReconcileOptions {
  /** Inclusive days (`YYYY-MM-DD`) or shop-local datetimes; default the configured period. */
  readonly period?: { readonly from: string; readonly to: string };
  readonly shopIds?: readonly number[];
}

/** Documents asked of the GesCom at a time, and orders asked of the shop at a time. */
const DOCUMENT_PAGE = 500;
const ORDER_BATCH = 100;

/**
 * The reconciliation report (issue 11): the orders of the period read as an import reads them — the same
 * selection (selected states and cancellations), a page at a time — but without their related records
 * (`ordersOnly`), each page compared with the import ledger and the GesCom's documents; then the
 * GesCom's documents of the period whose order was not read are looked up in the shop, to find those
 * whose order no longer exists. Writes nothing, takes no run lock.
 *
 * Cheap on the shop: one call per 100 orders, plus the reference data once, plus one call per 100
 * documents whose order was not among those read (usually none).
 */
export async function reconcile(
  deps: ReconcileDeps,
  config: ImportRules,
  options: ReconcileOptions,
): Promise<ReconciliationReport> {
  const callsAtStart = deps.webserviceCalls?.() ?? 0;
  const selection = await selectOrders(deps, periodForReconciliation(config), options);
  const seen = new Set<string>();
  const differences: Difference[] = [];
  let ordersChecked = 0;
  for await (const page of deps.source.readOrders({
    ...selection.query,
    withMessages: false,
    ordersOnly: true,
  })) {
    const keys = page.map((sourced) => (sourced.ok ? sourced.order.key : sourced.key));
    const externalKeys = keys.map(formatShopOrderKey);
    const [ledger, heads] = await Promise.all([
      deps.store.findImports(keys),
      deps.target.findByExternalKeys(externalKeys),
    ]);
    for (const sourced of page) {
      const externalKey = formatShopOrderKey(sourced.ok ? sourced.order.key : sourced.key);
      if (seen.has(externalKey)) continue;
      seen.add(externalKey);
      ordersChecked += 1;
      differences.push(...differencesOf(sourced, ledger.get(externalKey), heads.get(externalKey), selection));
    }
  }
  const orphans = await documentsWithoutOrder(deps, selection, seen);
  differences.push(...orphans.differences);
  return {
    period: {
      from: selection.query.from,
      to: selection.query.to,
      dateField: selection.query.dateField,
    },
    shopIds: selection.shopIds,
    ordersChecked,
    documentsChecked: orphans.documentsChecked,
    differences,
    webserviceCalls: deps.webserviceCalls ? deps.webserviceCalls() - callsAtStart : undefined,
  };
}

/**
 * "Depuis le dernier import" is a window of minutes: reconciling it would tell nothing. The report then
 * looks at the last 30 days, as a first import does.
 */
function periodForReconciliation(config: ImportRules): ImportRules {
  if (config.period.kind !== 'since-last-import') return config;
  return { ...config, period: { ...config.period, kind: 'last-30-days' } };
}

/**
 * The GesCom's live documents of the period (by their date) whose order was not read: those the shop no
 * longer has. An order that exists but is no longer in a state the report reads is not a difference.
 */
async function documentsWithoutOrder(
  deps: ReconcileDeps,
  selection: Selection,
  seen: ReadonlySet<string>,
): Promise<{ documentsChecked: number; differences: Difference[] }> {
  const shops = new Set(selection.shopIds);
  const unread = new Map<string, { key: ShopOrderKey; head: DocumentSummary }>();
  let documentsChecked = 0;
  const from = selection.query.from.slice(0, 10);
  const to = selection.query.to.slice(0, 10);
  for (let offset = 0; ; offset += DOCUMENT_PAGE) {
    const { items, total } = await deps.target.listDocuments({ from, to, limit: DOCUMENT_PAGE, offset });
    for (const document of items) {
      const key = parseShopOrderKey(document.externalKey);
      // A closed link of a chain is not the order's document: its newest one is.
      if (key === undefined || !shops.has(key.shopId) || document.transformedInto !== undefined) continue;
      documentsChecked += 1;
      if (document.cancelled || seen.has(document.externalKey)) continue;
      unread.set(document.externalKey, { key, head: document });
    }
    if (items.length === 0 || offset + DOCUMENT_PAGE >= total) break;
  }
  const differences: Difference[] = [];
  const candidates = [...unread.values()];
  for (let start = 0; start < candidates.length; start += ORDER_BATCH) {
    const batch = candidates.slice(start, start + ORDER_BATCH);
    const keys = batch.map((candidate) => candidate.key);
    const [states, ledger] = await Promise.all([
      deps.source.currentStates(keys),
      deps.store.findImports(keys),
    ]);
    for (const { key, head } of batch) {
      if (states.has(key.orderId)) continue;
      const document = documentOf(head);
      differences.push({
        kind: 'order-missing',
        key,
        order: undefined,
        document,
        runId: ledger.get(head.externalKey)?.runId,
        action: differenceAction('order-missing', { key, document }),
      });
    }
  }
  return { documentsChecked, differences };
}
