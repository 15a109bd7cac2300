import type { ColumnType, Generated } from 'kysely';

/**
 * The embedded GesCom's tables (gescom-model.md, "Embedded GesCom") and navette's own store tables, as
 * Kysely sees them. Both dialects share this shape:
 * - amounts are decimal text (TEXT on SQLite, NUMERIC on PostgreSQL, which `pg` also returns as text);
 * - flags are integers 0/1 (one representation that both dialects index the same way);
 * - instants are ISO-8601 UTC text and days `YYYY-MM-DD`, so that they sort as text and never pass
 *   through a driver's time-zone conversion.
 */

/** Decimal text: written with `toText`, read back exactly. */
export type DecimalText = string;
/** 0 or 1. */
export type Flag = number;
/** `serial` on PostgreSQL, `integer primary key autoincrement` on SQLite. */
type SerialId = Generated<number>;
/** A 64-bit id: `pg` returns bigint columns as text, SQLite as a number. Only used for ordering. */
type BigSerialId = ColumnType<number | string, never, never>;

export interface VatCodeTable {
  code: string;
  rate: DecimalText;
  label: string;
}

export interface PaymentModeTable {
  code: string;
  label: string;
}

export interface WarehouseTable {
  code: string;
  label: string;
  is_default: Flag;
}

export interface NumberingSeriesTable {
  prefix: string;
  document_type: string;
  counter: number;
  is_default: Flag;
}

export interface CustomerTable {
  code: string;
  name: string;
  company: string;
  email: string;
  vat_number: string;
  siret: string;
  phone: string;
  /** JSON of a DocumentAddress, or null. */
  billing_address: string | null;
  delivery_address: string | null;
  generic: Flag;
  created_at: string;
  updated_at: string;
}

export interface ArticleTable {
  reference: string;
  label: string;
  ean13: string;
  vat_code: string;
  special: Flag;
  created_at: string;
}

export interface DocumentTable {
  id: SerialId;
  number: string;
  type: string;
  status: string;
  date: string;
  customer_code: string;
  customer_name: string;
  billing_address: string | null;
  delivery_address: string | null;
  reference: string;
  remark: string;
  notes: string;
  currency: string;
  conversion_rate: DecimalText;
  total_tax_excl: DecimalText;
  total_tax: DecimalText;
  total_tax_incl: DecimalText;
  shop_total_tax_excl: DecimalText;
  shop_total_tax_incl: DecimalText;
  external_key: string;
  shop_reference: string;
  series: string;
  warehouse: string;
  shipping_mode: string;
  source_number: string | null;
  transformed_into: string | null;
  cancelled: Flag;
  cancel_reason: string;
  cancelled_at: string | null;
  created_at: string;
  /** The carrier's tracking number, on a delivery (bon de livraison); '' when none. */
  tracking_number: ColumnType<string, string | undefined, string>;
}

export interface DocumentLineTable {
  id: SerialId;
  document_id: number;
  position: number;
  kind: string;
  article_reference: string;
  label: string;
  quantity: DecimalText;
  unit_price_tax_excl: DecimalText;
  unit_price_tax_incl: DecimalText;
  discount_percent: DecimalText;
  discount_amount_tax_excl: DecimalText;
  vat_code: string;
  vat_rate: DecimalText;
  total_tax_excl: DecimalText;
  total_tax_incl: DecimalText;
  ecotax_tax_excl: DecimalText;
  /** The shop's order detail id. */
  source_line_id: number | null;
  /** The line of the source document this one was copied from by a transformation. */
  origin_line_id: number | null;
}

export interface DocumentPaymentTable {
  id: SerialId;
  document_id: number;
  mode_code: string;
  journal: string;
  amount: DecimalText;
  date: string;
  transaction_id: string;
  label: string;
}

export interface TransformationTable {
  id: SerialId;
  source_number: string;
  target_number: string;
  source_type: string;
  target_type: string;
  at: string;
}

export interface ImportLedgerTable {
  shop_id: number;
  order_id: number;
  order_reference: string;
  document_number: string;
  document_type: string;
  document_status: string;
  order_state_id: number;
  run_id: string;
  imported_at: string;
  updated_at: string;
}

export interface LedgerResetTable {
  id: SerialId;
  at: string;
  actor: string;
  /** `keys` or `shop`. */
  scope: string;
  shop_id: number | null;
  /** JSON array of `ps-<shop>-<order>` keys, for a reset by keys. */
  order_keys: string;
  reason: string;
  forgotten: number;
}

export interface OutboxTable {
  id: SerialId;
  shop_id: number;
  order_id: number;
  expected_state_id: number;
  new_state_id: number;
  send_email: Flag;
  /** pending, sent, skipped, failed. */
  status: string;
  attempts: number;
  lease_until: string | null;
  detail: string;
  run_id: string;
  created_at: string;
  resolved_at: string | null;
  /** Set for a tracking number to write on the order's shipment (then the state ids are unused). */
  tracking_number: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RunTable {
  id: string;
  trigger: string;
  dry_run: Flag;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  period_from: string | null;
  period_to: string | null;
  period_date_field: string | null;
  /** JSON array of shop ids. */
  shop_ids: string;
  read_count: number;
  imported_count: number;
  upgraded_count: number;
  skipped_count: number;
  failed_count: number;
  planned_count: number;
  state_changes_sent: number;
  state_changes_skipped: number;
  state_changes_failed: number;
  webservice_calls: number | null;
  /** JSON object, resource → calls; null for runs recorded before it was kept. */
  webservice_calls_by_resource: string | null;
  /** JSON `GescomCalls` (target, total, by resource); null for runs recorded before it was kept. */
  gescom_calls: string | null;
  fatal_code: string | null;
  fatal_message: string | null;
  status: string;
  /** The run lock's owner a real run ran under; null for dry runs and refused runs. */
  lock_owner: string | null;
}

export interface RunOutcomeTable {
  id: BigSerialId;
  run_id: string;
  shop_id: number;
  order_id: number;
  reference: string;
  order_date: string;
  state_id: number;
  state_name: string;
  customer_name: string;
  total_tax_incl: DecimalText;
  currency: string;
  status: string;
  document_number: string | null;
  document_type: string | null;
  document_status: string | null;
  code: string | null;
  reason: string | null;
  /** The reason's ReasonData as JSON (0008-outcome-reason-data); null without. */
  reason_data: string | null;
  /** JSON array of the notes: French texts, or `{ text, code, data }` for notes kept with their data. */
  notes: string;
}

export interface JournalTable {
  id: BigSerialId;
  /** Null for events outside a run (a ledger reset). */
  run_id: string | null;
  at: string;
  level: string;
  message: string;
  shop_id: number | null;
  order_id: number | null;
  /** The entry's JournalNote as JSON (0007-journal-notes): a StatusNote, an ImportNote or a RunStoppedNote; null otherwise. */
  note: string | null;
}

export interface LockTable {
  name: string;
  owner: string;
  acquired_at: string;
  expires_at: string;
}

export interface HighWaterMarkTable {
  shop_id: number;
  value: string;
  updated_at: string;
}

/** Where the status sweep stopped reading the GesCom's transformations. */
export interface SweepCursorTable {
  name: string;
  value: string;
  updated_at: string;
}

export interface Schema {
  vat_codes: VatCodeTable;
  payment_modes: PaymentModeTable;
  warehouses: WarehouseTable;
  numbering_series: NumberingSeriesTable;
  customers: CustomerTable;
  articles: ArticleTable;
  documents: DocumentTable;
  document_lines: DocumentLineTable;
  document_payments: DocumentPaymentTable;
  transformations: TransformationTable;
  import_ledger: ImportLedgerTable;
  ledger_resets: LedgerResetTable;
  outbox: OutboxTable;
  runs: RunTable;
  run_outcomes: RunOutcomeTable;
  journal: JournalTable;
  locks: LockTable;
  high_water_marks: HighWaterMarkTable;
  sweep_cursors: SweepCursorTable;
}
