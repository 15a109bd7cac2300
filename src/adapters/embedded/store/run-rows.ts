import type { Insertable, Selectable } from 'kysely';
import {
  isJournalNote,
  type GescomCalls,
  type JournalNote,
  type ReasonData,
  type OutcomeNoteData,
  OUTCOME_NOTE_CODES,
  type OrderOutcome,
  type OutcomeCode,
  type OutcomeStatus,
  type RunSummary,
  type RunTrigger,
  type JournalEntry,
  type JournalLevel,
} from '../../../domain/import-report.js';
import type { DocumentStatus, DocumentType } from '../../../domain/sales-document.js';
import type { JournalTable, RunOutcomeTable, RunTable } from '../schema.js';

/** Rows of the runs tables ↔ the report shapes the CLI and the web UI render. */

export function toRunSummary(row: Selectable<RunTable>): RunSummary {
  return {
    runId: row.id,
    trigger: row.trigger as RunTrigger,
    dryRun: row.dry_run === 1,
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? undefined,
    durationMs: row.duration_ms ?? undefined,
    period:
      row.period_from === null || row.period_to === null
        ? undefined
        : { from: row.period_from, to: row.period_to, dateField: row.period_date_field ?? '' },
    shopIds: JSON.parse(row.shop_ids) as number[],
    counts: {
      read: row.read_count,
      imported: row.imported_count,
      upgraded: row.upgraded_count,
      skipped: row.skipped_count,
      failed: row.failed_count,
      planned: row.planned_count,
    },
    stateChanges: {
      sent: row.state_changes_sent,
      skipped: row.state_changes_skipped,
      failed: row.state_changes_failed,
    },
    webserviceCalls: row.webservice_calls ?? undefined,
    ...(row.webservice_calls_by_resource === null
      ? {}
      : {
          webserviceCallsByResource: JSON.parse(row.webservice_calls_by_resource) as Record<string, number>,
        }),
    ...(row.gescom_calls === null ? {} : { gescomCalls: JSON.parse(row.gescom_calls) as GescomCalls }),
    fatal: row.fatal_code === null ? undefined : { code: row.fatal_code, message: row.fatal_message ?? '' },
    status: row.status as RunSummary['status'],
  };
}

export function toOutcomeRow(runId: string, outcome: OrderOutcome): Insertable<RunOutcomeTable> {
  return {
    run_id: runId,
    shop_id: outcome.shopId,
    order_id: outcome.orderId,
    reference: outcome.reference,
    order_date: outcome.orderDate,
    state_id: outcome.stateId,
    state_name: outcome.stateName,
    customer_name: outcome.customerName,
    total_tax_incl: outcome.totalTaxIncl,
    currency: outcome.currency,
    status: outcome.status,
    document_number: outcome.document?.number ?? null,
    document_type: outcome.document?.type ?? null,
    document_status: outcome.document?.status ?? null,
    code: outcome.code ?? null,
    reason: outcome.reason ?? null,
    reason_data: outcome.reasonData === undefined ? null : JSON.stringify(outcome.reasonData),
    notes: notesJson(outcome),
  };
}

export function toOrderOutcome(row: Selectable<RunOutcomeTable>): OrderOutcome {
  return {
    shopId: row.shop_id,
    orderId: row.order_id,
    reference: row.reference,
    orderDate: row.order_date,
    stateId: row.state_id,
    stateName: row.state_name,
    customerName: row.customer_name,
    totalTaxIncl: row.total_tax_incl,
    currency: row.currency,
    status: row.status as OutcomeStatus,
    document:
      row.document_type === null
        ? undefined
        : {
            number: row.document_number ?? undefined,
            type: row.document_type as DocumentType,
            status: (row.document_status ?? 'draft') as DocumentStatus,
          },
    // Written from a typed outcome by toOutcomeRow.
    code: (row.code ?? undefined) as OutcomeCode | undefined,
    reason: row.reason ?? undefined,
    ...reasonDataOf(row.reason_data),
    ...notesOf(row.notes),
  };
}

export function toJournalEntry(row: Selectable<JournalTable>): JournalEntry {
  return {
    at: row.at,
    level: row.level as JournalLevel,
    message: row.message,
    shopId: row.shop_id ?? undefined,
    orderId: row.order_id ?? undefined,
    ...noteOf(row.note),
  };
}

/** The note kept beside the message, when it is one this version knows (else the message says it). */
function noteOf(json: string | null): { note?: JournalNote } {
  if (json === null) return {};
  try {
    const note: unknown = JSON.parse(json);
    return isJournalNote(note) ? { note } : {};
  } catch {
    return {};
  }
}

/**
 * The notes column: a JSON list of the notes' French texts, each with its data when the outcome has
 * them (`{ text, code, data }`), so that they need no column of their own. Rows written before notes had
 * data hold plain texts.
 */
function notesJson(outcome: OrderOutcome): string {
  const { notes, noteData } = outcome;
  if (noteData === undefined || noteData.length !== notes.length) return JSON.stringify(notes);
  return JSON.stringify(notes.map((text, index) => ({ text, ...noteData[index] })));
}

const NOTE_CODES: ReadonlySet<string> = new Set(OUTCOME_NOTE_CODES);

/** Read back by notesJson's rule: the data only when every note has data this version knows. */
function notesOf(json: string): Pick<OrderOutcome, 'notes' | 'noteData'> {
  const kept = JSON.parse(json) as readonly (string | { text: string; code?: unknown; data?: unknown })[];
  const notes = kept.map((note) => (typeof note === 'string' ? note : note.text));
  const noteData: OutcomeNoteData[] = [];
  for (const note of kept) {
    if (typeof note === 'string' || typeof note.code !== 'string' || !NOTE_CODES.has(note.code)) break;
    const { data } = note;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) break;
    noteData.push({ code: note.code as OutcomeNoteData['code'], data: data as ReasonData });
  }
  return noteData.length > 0 && noteData.length === notes.length ? { notes, noteData } : { notes };
}

/** Written by toOutcomeRow from a ReasonData; anything else read back is left out (the reason says it). */
function reasonDataOf(json: string | null): { reasonData?: ReasonData } {
  if (json === null) return {};
  try {
    const data: unknown = JSON.parse(json);
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? { reasonData: data as ReasonData }
      : {};
  } catch {
    return {};
  }
}
