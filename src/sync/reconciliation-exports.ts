import { DOCUMENT_STATUS_NAMES, DOCUMENT_TYPE_NAMES } from '../domain/labels.js';
import { toText } from '../domain/money.js';
import {
  DIFFERENCE_NAMES,
  type Difference,
  type ReconciledTotals,
  type ReconciliationReport,
} from '../domain/reconciliation.js';
import { frenchAmount } from '../domain/french-format.js';
import { frenchDate } from '../domain/templates.js';
import { CSV_BOM, csvRow } from './report-csv.js';

/** The reconciliation report for programs: amounts as exact decimal text, dates as the shop writes them. */
export function reconciliationJson(report: ReconciliationReport): unknown {
  const totals = (value: ReconciledTotals | undefined) =>
    value && { taxExcl: toText(value.taxExcl), taxIncl: toText(value.taxIncl) };
  return {
    period: report.period,
    shopIds: report.shopIds,
    ordersChecked: report.ordersChecked,
    documentsChecked: report.documentsChecked,
    webserviceCalls: report.webserviceCalls,
    differences: report.differences.map((difference) => ({
      kind: difference.kind,
      label: DIFFERENCE_NAMES[difference.kind],
      shopId: difference.key.shopId,
      orderId: difference.key.orderId,
      order: difference.order && { ...difference.order, totals: totals(difference.order.totals) },
      document: difference.document && {
        ...difference.document,
        totals: totals(difference.document.totals),
      },
      runId: difference.runId,
      action: difference.action,
    })),
  };
}

export const RECONCILIATION_HEADER = [
  'Boutique',
  'Commande',
  'Référence',
  'Date',
  'Statut',
  'Total HT boutique',
  'Total TTC boutique',
  'Document',
  'Type',
  'Statut du document',
  'Total HT GesCom',
  'Total TTC GesCom',
  'Écart',
  'Code',
  'À faire',
] as const;

/** The report as CSV for French Excel, as the run report (report-csv.ts): BOM, `;`, decimal commas. */
export function* reconciliationCsvLines(report: ReconciliationReport): Generator<string> {
  yield CSV_BOM + csvRow(RECONCILIATION_HEADER);
  for (const difference of report.differences) yield csvRow(csvCells(difference));
}

function csvCells(difference: Difference): (string | number | undefined)[] {
  const { order, document } = difference;
  return [
    difference.key.shopId,
    difference.key.orderId,
    order?.reference,
    frenchDate(order?.dateAdd ?? ''),
    order?.stateName,
    order?.totals && frenchAmount(order.totals.taxExcl),
    order?.totals && frenchAmount(order.totals.taxIncl),
    document?.number,
    document && DOCUMENT_TYPE_NAMES[document.type],
    document && DOCUMENT_STATUS_NAMES[document.status],
    document && frenchAmount(document.totals.taxExcl),
    document && frenchAmount(document.totals.taxIncl),
    DIFFERENCE_NAMES[difference.kind],
    difference.kind,
    difference.action,
  ];
}
