import type { OrderOutcome } from '../domain/import-report.js';
import { DOCUMENT_STATUS_NAMES, DOCUMENT_TYPE_NAMES, OUTCOME_STATUS_NAMES } from '../domain/labels.js';
import { withoutControlCharacters } from '../domain/truncate.js';

/**
 * The run report as CSV for French Excel: UTF-8 with a BOM (else Excel reads it as Windows-1252), `;`
 * between cells (the French list separator), decimal commas, CRLF line ends. Shop data is untrusted: a
 * cell that Excel would take for a formula (= + - @, tab, CR) is prefixed with a quote so it stays text,
 * and control characters (ESC, BEL…) are removed, as on a terminal. Results, types and statuses are
 * their French labels; the Code column keeps the stable code for programs.
 */

export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : withoutControlCharacters(String(value));
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | undefined)[]): string {
  return `${values.map(csvCell).join(SEPARATOR)}\r\n`;
}

export const REPORT_HEADER = [
  'Boutique',
  'Commande',
  'Référence',
  'Date',
  'Statut',
  'Client',
  'Total TTC',
  'Devise',
  'Résultat',
  'Document',
  'Type',
  'Statut du document',
  'Code',
  'Motif',
  'Notes',
] as const;

export function outcomeRow(outcome: OrderOutcome): string {
  const cells = [
    outcome.shopId,
    outcome.orderId,
    outcome.reference,
    outcome.orderDate,
    outcome.stateName,
    outcome.customerName,
    undefined,
    outcome.currency,
    OUTCOME_STATUS_NAMES[outcome.status],
    outcome.document?.number,
    outcome.document === undefined ? undefined : DOCUMENT_TYPE_NAMES[outcome.document.type],
    outcome.document === undefined ? undefined : DOCUMENT_STATUS_NAMES[outcome.document.status],
    outcome.code,
    outcome.reason,
    outcome.notes.join(' | '),
  ];
  // The amount is written apart: a decimal with a decimal comma, and a negative amount is a number,
  // not a formula, so it keeps its sign. Anything else there is a cell like the others.
  const row = cells.map(csvCell);
  const frenchAmount = outcome.totalTaxIncl.replace('.', ',');
  row[6] = /^-?\d+(,\d+)?$/.test(frenchAmount) ? frenchAmount : csvCell(outcome.totalTaxIncl);
  return `${row.join(SEPARATOR)}\r\n`;
}

/** The whole report, line by line (a run of 100,000 orders is streamed, never held in memory). */
export async function* reportCsvLines(outcomes: AsyncIterable<OrderOutcome>): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(REPORT_HEADER);
  for await (const outcome of outcomes) yield outcomeRow(outcome);
}
