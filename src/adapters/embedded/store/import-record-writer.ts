import type { Kysely } from 'kysely';
import type { DocumentStatus, DocumentType } from '../../../domain/sales-document.js';
import type { ImportRecord } from '../../../ports/gescom-target.js';
import type { Schema } from '../schema.js';

/**
 * Writes what the sync records with a document — the ledger entry and the outbox of shop state changes —
 * inside the document's own transaction: after a crash, both exist or neither does.
 */
export async function writeImportRecord(
  db: Kysely<Schema>,
  record: ImportRecord,
  document: { readonly number: string; readonly type: DocumentType; readonly status: DocumentStatus },
  now: string,
  change: 'import' | 'transform',
): Promise<void> {
  const entry = {
    shop_id: record.key.shopId,
    order_id: record.key.orderId,
    order_reference: record.orderReference,
    document_number: document.number,
    document_type: document.type,
    document_status: document.status,
    order_state_id: record.orderStateId,
    run_id: record.runId,
    imported_at: now,
    updated_at: now,
  };
  await db
    .insertInto('import_ledger')
    .values(entry)
    .onConflict((oc) =>
      oc.columns(['shop_id', 'order_id']).doUpdateSet({
        order_reference: entry.order_reference,
        document_number: entry.document_number,
        document_type: entry.document_type,
        document_status: entry.document_status,
        order_state_id: entry.order_state_id,
        run_id: entry.run_id,
        updated_at: now,
        // A transformation moves the entry along the chain; the order was imported when it was.
        ...(change === 'import' ? { imported_at: now } : {}),
      }),
    )
    .execute();
  if (record.stateChanges.length === 0) return;
  await db
    .insertInto('outbox')
    .values(
      record.stateChanges.map((stateChange) => ({
        shop_id: record.key.shopId,
        order_id: record.key.orderId,
        expected_state_id: stateChange.expectedStateId,
        new_state_id: stateChange.newStateId,
        send_email: stateChange.sendEmail ? 1 : 0,
        status: 'pending',
        attempts: 0,
        lease_until: null,
        detail: '',
        run_id: record.runId,
        created_at: now,
        resolved_at: null,
      })),
    )
    .execute();
}
