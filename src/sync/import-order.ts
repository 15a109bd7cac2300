import { documentOf, outcomeFor, outcomeNotes, type OrderOutcome } from '../domain/import-report.js';
import type { StateRule } from '../domain/rules.js';
import type { DocumentSummary } from '../domain/sales-document.js';
import type { ShopOrder } from '../domain/shop-order.js';
import type { ImportItem, ImportRecord } from '../ports/gescom-target.js';
import type { LedgerEntry } from '../ports/sync-store.js';
import { decide, isCancellationState, type Decision } from './decide.js';
import type { PageContext } from './import-page.js';
import { stateChangesForImport, stateChangesForUpgrade } from './state-changes.js';
import { toSalesDocument } from './to-sales-document.js';

export interface OrderContext extends PageContext {
  /** Article references the GesCom knows, upper-cased. */
  readonly knownArticles: ReadonlySet<string>;
  /** EAN13 → GesCom article reference. */
  readonly knownEan13: ReadonlyMap<string, string>;
}

/**
 * What one order comes to, decided and mapped but not yet written: its outcome at once (skip, aperçu,
 * refused mapping), a write of its own (cancel a draft, upgrade), or a new document to import — which
 * the page writes together with the next ones (`GescomTarget.importDocuments`).
 */
export type OrderStep =
  | { readonly kind: 'outcome'; readonly outcome: OrderOutcome | undefined }
  | { readonly kind: 'write'; run(): Promise<OrderOutcome> }
  | {
      readonly kind: 'import';
      readonly item: ImportItem;
      outcome(created: DocumentSummary): OrderOutcome;
    };

/**
 * One order: decide, then do it — import, upgrade, cancel the draft, or skip — or, in an aperçu, say
 * what would be done. `undefined` for an order of a cancellation state that concerns nothing imported.
 * Throws what the GesCom throws: the page turns it into the order's failed outcome.
 */
export async function importOrder(
  order: ShopOrder,
  ledgerEntry: LedgerEntry | undefined,
  /** The order's document found in the GesCom itself, by its external key. */
  head: DocumentSummary | undefined,
  context: OrderContext,
): Promise<OrderOutcome | undefined> {
  const step = planOrder(order, ledgerEntry, head, context);
  switch (step.kind) {
    case 'outcome':
      return step.outcome;
    case 'write':
      return step.run();
    case 'import':
      return step.outcome(await context.target.importDocument(step.item.draft, step.item.record));
  }
}

/** `importOrder` up to the write: decided and mapped, nothing written yet. Throws what mapping throws. */
export function planOrder(
  order: ShopOrder,
  ledgerEntry: LedgerEntry | undefined,
  head: DocumentSummary | undefined,
  context: OrderContext,
): OrderStep {
  const rule = context.rules.get(order.state.id);
  // Orders of a cancellation state are read only to notice imported orders that were cancelled.
  if (!rule?.selected && head === undefined && ledgerEntry === undefined && isCancellationState(order.state))
    return { kind: 'outcome', outcome: undefined };
  const decision = decide({ order, rule, ledgerEntry, head, config: context.config });
  switch (decision.action) {
    case 'skip':
      return {
        kind: 'outcome',
        outcome: outcomeFor(order, {
          status: 'skipped',
          code: decision.code,
          reason: decision.reason,
          reasonData: decision.data,
          document: head && documentOf(head),
        }),
      };
    case 'cancel-draft': {
      const outcome = outcomeFor(order, {
        status: 'skipped',
        code: 'cancelled-in-shop',
        reason: decision.reason,
        reasonData: decision.data,
        document: documentOf(decision.document),
      });
      if (context.dryRun) return { kind: 'outcome', outcome };
      return {
        kind: 'write',
        run: async () => {
          await context.target.cancelDocument(decision.document.number, decision.reason);
          return outcome;
        },
      };
    }
    case 'upgrade':
      return planUpgrade(order, decision, context);
    case 'import':
      return planImport(order, decision.rule, context);
  }
}

function recordOf(order: ShopOrder, context: OrderContext): Omit<ImportRecord, 'stateChanges'> {
  return {
    key: order.key,
    orderReference: order.reference,
    orderStateId: order.state.id,
    runId: context.runId,
  };
}

function planUpgrade(
  order: ShopOrder,
  decision: Extract<Decision, { action: 'upgrade' }>,
  context: OrderContext,
): OrderStep {
  const { into, reason, data: reasonData } = decision;
  if (context.dryRun) {
    const planned = { number: undefined, ...into };
    return {
      kind: 'outcome',
      outcome: outcomeFor(order, { status: 'would-upgrade', document: planned, reason, reasonData }),
    };
  }
  return {
    kind: 'write',
    run: async () => {
      const upgraded = await context.target.transformDocument(decision.from.number, into, {
        ...recordOf(order, context),
        stateChanges: upgradeStateChanges(order, into.type, context),
      });
      return outcomeFor(order, { status: 'upgraded', document: documentOf(upgraded), reason, reasonData });
    },
  };
}

/**
 * The "Changer le statut en" of the rule that made the upgrade follows the document it created, as it does
 * on an import (seen on PrestaShop 8.1.2: 10 → 2 upgraded DE → BC, and 2's "changer en 3" never sent),
 * then §6's state for the new type. Both are guarded by the state read: only the first can pass.
 */
function upgradeStateChanges(
  order: ShopOrder,
  into: DocumentSummary['type'],
  context: OrderContext,
): ReturnType<typeof stateChangesForUpgrade> {
  const rule = context.rules.get(order.state.id);
  const changes = [
    ...(rule === undefined ? [] : stateChangesForImport(order, rule, context.config)),
    ...stateChangesForUpgrade(order, into, context.config),
  ];
  return changes.filter(
    (change, index) => changes.findIndex((other) => other.newStateId === change.newStateId) === index,
  );
}

function planImport(order: ShopOrder, rule: StateRule, context: OrderContext): OrderStep {
  const mapped = toSalesDocument(order, {
    config: context.config,
    rule,
    knownArticles: context.knownArticles,
    knownEan13: context.knownEan13,
    today: context.today,
  });
  if (!mapped.ok)
    return {
      kind: 'outcome',
      outcome: outcomeFor(order, {
        status: 'failed',
        code: mapped.code,
        reason: mapped.message,
        reasonData: mapped.data,
      }),
    };
  const { draft, notes } = mapped;
  if (context.dryRun) {
    const planned = { number: undefined, type: draft.type, status: draft.status };
    return {
      kind: 'outcome',
      outcome: outcomeFor(order, { status: 'would-import', document: planned, ...outcomeNotes(notes) }),
    };
  }
  const record = {
    ...recordOf(order, context),
    stateChanges: stateChangesForImport(order, rule, context.config),
  };
  return {
    kind: 'import',
    item: { draft, record },
    outcome: (created) =>
      outcomeFor(order, { status: 'imported', document: documentOf(created), ...outcomeNotes(notes) }),
  };
}
