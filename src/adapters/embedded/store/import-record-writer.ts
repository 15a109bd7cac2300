import type { Kysely } from 'kysely';
import type { DocumentStatus, DocumentType } from '../../../domain/sales-document.js';
import type { ImportRecord } from '../../../ports/gescom-target.js';
import type { Schema } from '../schema.js';
import { precompiled, precompiledInsert } from '../precompiled.js';

/** The ledger entry of an order, new or moved to its new document; compiled once (precompiled.ts). */
function ledgerUpsert(change: 'import' | 'transform') {
  return precompiled((db, argument) =>
    db
      .insertInto('import_ledger')
      .values({
        shop_id: argument(0),
        order_id: argument(1),
        order_reference: argument(2),
        document_number: argument(3),
        document_type: argument(4),
        document_status: argument(5),
        order_state_id: argument(6),
        run_id: argument(7),
        imported_at: argument(8),
        updated_at: argument(8),
      })
      .onConflict((oc) =>
        oc.columns(['shop_id', 'order_id']).doUpdateSet({
          order_reference: argument(2),
          document_number: argument(3),
          document_type: argument(4),
          document_status: argument(5),
          order_state_id: argument(6),
          run_id: argument(7),
          updated_at: argument(8),
          // A transformation moves the entry along the chain; the order was imported when it was.
          ...(change === 'import' ? { imported_at: argument(8) } : {}),
        }),
      ),
  );
}
const upsertOnImport = ledgerUpsert('import');
const upsertOnTransform = ledgerUpsert('transform');
const insertOutbox = precompiledInsert('outbox', [
  'shop_id',
  'order_id',
  'expected_state_id',
  'new_state_id',
  'send_email',
  'status',
  'attempts',
  'lease_until',
  'detail',
  'run_id',
  'created_at',
  'resolved_at',
]);

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
  await (change === 'import' ? upsertOnImport : upsertOnTransform)(db, [
    record.key.shopId,
    record.key.orderId,
    record.orderReference,
    document.number,
    document.type,
    document.status,
    record.orderStateId,
    record.runId,
    now,
  ]);
  if (record.stateChanges.length === 0) return;
  await insertOutbox(
    db,
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
  );
}
