import type { ImportRules } from '../../domain/rules.js';
import type { ReconciliationReport } from '../../domain/reconciliation.js';
import { reconcile, type ReconcileDeps, type ReconcileOptions } from '../../sync/reconcile.js';
import { checkRunRequest } from './run-request.js';

/**
 * "Rapprochement": the same checks as an import asked for a period or shops (an impossible period or an
 * unknown shop is refused with what to type), then the report. Reads only: no run lock, no run recorded.
 */
export async function reconciliation(
  deps: ReconcileDeps,
  config: ImportRules,
  options: ReconcileOptions,
): Promise<ReconciliationReport> {
  await checkRunRequest(options, deps.source);
  return reconcile(deps, config, options);
}
