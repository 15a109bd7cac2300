import { amount, dbAmount, dbQuantity, dbRate, lineTotals, sum, type Amount } from './amounts.js';
import { RestError } from './errors.js';
import { PAYMENT_TERMS, PAYMENT_TYPES } from './reference-data.js';
import type { Row } from './render.js';
import { KINDS } from './document-kinds.js';
import { DolibarrStore, type DocumentKind, type DocumentRecord, type LineRecord } from './store.js';
import { asText } from './text.js';

export type Body = Record<string, unknown>;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function integer(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

function decimal(value: unknown, fallback = '0'): Amount {
  if (value === undefined || value === null || value === '') return amount(fallback);
  try {
    return amount(typeof value === 'number' || typeof value === 'string' ? value : fallback);
  } catch {
    return amount(fallback);
  }
}

/** The payment mode and terms fields Dolibarr fills from its dictionaries. */
function paymentFields(modeId: number | null, termId: number | null): Row {
  const mode = PAYMENT_TYPES.find((p) => p.id === modeId);
  const term = PAYMENT_TERMS.find((t) => t.id === termId);
  return {
    mode_reglement_id: mode ? String(mode.id) : null,
    mode_reglement_code: mode ? mode.code : null,
    cond_reglement_id: term ? String(term.id) : null,
    cond_reglement_code: term ? term.code : null,
    cond_reglement_doc: term ? term.description : null,
  };
}

export class Documents {
  constructor(
    private readonly store: DolibarrStore,
    private readonly baseUrl: string,
  ) {}

  get(kind: DocumentKind, id: number): DocumentRecord {
    const doc = this.store.documents[kind].get(id);
    if (!doc) throw new RestError(404, KINDS[kind].notFound);
    return doc;
  }

  /** POST /proposals|orders|invoices: mandatory fields, the third party's foreign key, inline lines. */
  create(kind: DocumentKind, body: Body): number {
    const info = KINDS[kind];
    if (body.socid === undefined || body.socid === null) throw new RestError(400, 'socid field missing');
    if (kind !== 'facture' && (body.date === undefined || body.date === null))
      throw new RestError(400, 'date field missing');
    // The row is inserted before MySQL checks the foreign key: the id is used up even on failure.
    const id = this.store.nextId(info.table);
    const socid = integer(body.socid) ?? 0;
    if (!this.store.thirdparties.has(socid))
      throw new RestError(
        500,
        info.createError,
        `Cannot add or update a child row: a foreign key constraint fails (\`dolibarr\`.\`llx_${info.table}\`, CONSTRAINT \`fk_${info.table}_fk_soc\` FOREIGN KEY (\`fk_soc\`) REFERENCES \`llx_societe\` (\`rowid\`))`,
      );
    const now = this.store.timestamp();
    const sentDate = integer(body.date) ?? now;
    const day = DolibarrStore.dayOf(sentDate);
    const currency = this.currencyOf(body);
    const row: Row = {
      id: String(id),
      entity: '1',
      ref: `(PROV${id})`,
      ref_ext: text(body.ref_ext),
      ref_client: text(body.ref_client),
      ref_customer: text(body.ref_client),
      socid: String(socid),
      statut: '0',
      status: '0',
      date: day,
      date_creation: now,
      date_validation: null,
      date_modification: now,
      user_creation_id: '1',
      user_author_id: '1',
      user_validation_id: null,
      user_modification_id: null,
      note_public: text(body.note_public) ?? '',
      // An invoice keeps an absent private note as NULL; proposals and orders store ''.
      note_private: text(body.note_private) ?? (kind === 'facture' ? null : ''),
      multicurrency_code: currency.code,
      multicurrency_tx: dbAmount(currency.rate),
      fk_multicurrency: String(currency.id),
      linkedObjectsIds: {},
      contacts_ids: [],
      ...paymentFields(integer(body.mode_reglement_id), integer(body.cond_reglement_id)),
    };
    if (kind === 'propal') {
      const validity = integer(body.duree_validite) ?? 15;
      Object.assign(row, {
        datep: day,
        fin_validite: sentDate + validity * 86400,
        duree_validite: String(validity),
        datev: null,
        date_signature: null,
        date_cloture: null,
        user_closing_id: null,
      });
    }
    if (kind === 'commande') Object.assign(row, { date_commande: day, billed: '0' });
    if (kind === 'facture') {
      const type = integer(body.type) ?? 0;
      const source = integer(body.fk_facture_source);
      Object.assign(row, {
        type: String(type),
        paye: '0',
        fk_facture_source: source === null ? null : String(source),
        fk_user_author: '1',
        fk_user_valid: null,
        fk_user_modif: null,
        datem: now,
        date_lim_reglement: this.dueDate(day, integer(body.cond_reglement_id)),
        totalpaid: 0,
      });
    }
    const doc: DocumentRecord = { kind, id, row, lines: [] };
    this.store.documents[kind].set(id, doc);
    // Inline lines are taken as HT whatever price_base_type says (recorded on 23.0.0-beta). Only an
    // invoice's create() passes their multicurrency_subprice on to addline(); an order's or a
    // proposal's passes 0, and their price in the document's currency is the price × the rate.
    const lines = Array.isArray(body.lines) ? (body.lines as unknown[]) : [];
    for (const line of lines)
      if (typeof line === 'object' && line !== null)
        this.insertLine(doc, line as Body, false, kind === 'facture');
    this.recompute(doc);
    return id;
  }

  /**
   * `create()`: a currency the multicurrency setup declares is kept, with the rate given or else its
   * latest one; any other (undeclared, or the module off) silently becomes the company's at 1.
   */
  private currencyOf(body: Body): { code: string; rate: Amount; id: number } {
    const code = typeof body.multicurrency_code === 'string' ? body.multicurrency_code : '';
    const declared = [...this.store.currencies.keys()].indexOf(code);
    if (this.store.moduleOn('multicurrency') && declared >= 0) {
      const given = decimal(body.multicurrency_tx, '0');
      const rate = given.isZero() ? (this.store.currencies.get(code) ?? amount(1)) : given;
      return { code, rate, id: declared + 1 };
    }
    return { code: 'EUR', rate: amount(1), id: 0 };
  }

  private dueDate(day: number, termId: number | null): number {
    const term = PAYMENT_TERMS.find((t) => t.id === termId);
    return day + (term ? term.days : 0) * 86400;
  }

  /**
   * POST …/lines: only on a draft; `honourTtc` is what the line endpoints do with price_base_type. The
   * orders' and proposals' endpoints pass multicurrency_subprice on; the invoices' one passes 0.
   */
  addLine(doc: DocumentRecord, body: Body): number {
    if (doc.row.status !== '0') throw new RestError(400);
    const line = this.insertLine(doc, body, true, doc.kind !== 'facture');
    this.recompute(doc);
    doc.row.date_modification = this.store.timestamp();
    return line.id;
  }

  private insertLine(
    doc: DocumentRecord,
    body: Body,
    honourTtc: boolean,
    takesCurrencyPrice: boolean,
  ): LineRecord {
    const info = KINDS[doc.kind];
    const id = this.store.nextId(info.lineTable);
    const productId = integer(body.fk_product);
    const product = productId === null ? undefined : this.store.products.get(productId);
    const priceBase = honourTtc && body.price_base_type === 'TTC' ? 'TTC' : 'HT';
    const vatRate = decimal(body.tva_tx);
    const qty = decimal(body.qty, '1');
    const discount = decimal(body.remise_percent);
    const rate = amount(asText(doc.row.multicurrency_tx ?? '1'));
    const totals = lineTotals(
      {
        qty,
        unitPrice: decimal(body.subprice),
        vatRate,
        discountPercent: discount,
        priceBase,
        currencyRate: rate,
        ...(takesCurrencyPrice && { currencyUnitPrice: decimal(body.multicurrency_subprice) }),
      },
      this.store.rounding,
    );
    const description = text(body.desc) ?? (product ? asText(product.description) : '');
    const row: Row = {
      id: String(id),
      rowid: String(id),
      [info.lineParent]: String(doc.id),
      ...(doc.kind === 'commande' ? { commande_id: String(doc.id) } : {}),
      fk_product: product ? String(product.id) : null,
      product_type: String(integer(body.product_type) ?? (product ? Number(product.type) : 0)),
      fk_product_type: product ? String(product.type) : null,
      product_ref: product ? product.ref : null,
      ref: product ? product.ref : null,
      product_label: product ? product.label : null,
      libelle: product ? product.label : null,
      product_desc: product ? product.description : null,
      product_tosell: product ? product.status : null,
      product_tobuy: product ? product.status_buy : null,
      product_tobatch: product ? '0' : null,
      product_custom_code: product ? '' : null,
      label: text(body.label),
      desc: description,
      description,
      qty: dbQuantity(qty),
      subprice: dbAmount(totals.subprice),
      price: null,
      tva_tx: dbRate(vatRate),
      remise_percent: discount.toString(),
      total_ht: dbAmount(totals.totalHt),
      total_tva: dbAmount(totals.totalVat),
      total_ttc: dbAmount(totals.totalTtc),
      multicurrency_code: doc.row.multicurrency_code,
      multicurrency_subprice: dbAmount(totals.currencySubprice),
      multicurrency_total_ht: dbAmount(totals.currencyTotalHt),
      multicurrency_total_tva: dbAmount(totals.currencyTotalVat),
      multicurrency_total_ttc: dbAmount(totals.currencyTotalTtc),
      rang: String(doc.lines.length + 1),
      localtax1_tx: '0.0000',
      localtax2_tx: '0.0000',
      localtax1_type: '0',
      localtax2_type: '0',
      pa_ht: '0.00000000',
      fk_parent_line: null,
      total_localtax1: '0.00000000',
      total_localtax2: '0.00000000',
      info_bits: '0',
      special_code: '0',
    };
    const line: LineRecord = {
      id,
      row,
      totals: {
        ht: totals.totalHt,
        vat: totals.totalVat,
        ttc: totals.totalTtc,
        cht: totals.currencyTotalHt,
        cvat: totals.currencyTotalVat,
        cttc: totals.currencyTotalTtc,
      },
    };
    doc.lines.push(line);
    return line;
  }

  /** `update_price()`: the document's totals are the sums of its lines' rounded totals. */
  recompute(doc: DocumentRecord): void {
    const lines = doc.lines;
    Object.assign(doc.row, {
      total_ht: dbAmount(sum(lines.map((l) => l.totals.ht))),
      total_tva: dbAmount(sum(lines.map((l) => l.totals.vat))),
      total_ttc: dbAmount(sum(lines.map((l) => l.totals.ttc))),
      total_localtax1: dbAmount(amount(0)),
      total_localtax2: dbAmount(amount(0)),
      multicurrency_total_ht: dbAmount(sum(lines.map((l) => l.totals.cht))),
      multicurrency_total_tva: dbAmount(sum(lines.map((l) => l.totals.cvat))),
      multicurrency_total_ttc: dbAmount(sum(lines.map((l) => l.totals.cttc))),
    });
    if (doc.kind === 'facture') this.refreshPaid(doc);
  }

  totalTtc(doc: DocumentRecord): Amount {
    return amount(String(doc.row.total_ttc));
  }

  paidOn(invoiceId: number): Amount {
    return sum(
      this.store.payments.flatMap((p) => [...p.amounts].filter(([id]) => id === invoiceId).map(([, a]) => a)),
    );
  }

  remainToPay(doc: DocumentRecord): Amount {
    return this.totalTtc(doc).minus(this.paidOn(doc.id));
  }

  /** What remains to pay in the invoice's currency (`getSommePaiement(1)`). */
  currencyRemainToPay(doc: DocumentRecord): Amount {
    const paid = sum(
      this.store.payments.flatMap((p) => {
        const paidHere = (p.currencyAmounts ?? p.amounts).get(doc.id);
        return paidHere === undefined ? [] : [paidHere];
      }),
    );
    return amount(String(doc.row.multicurrency_total_ttc)).minus(paid);
  }

  refreshPaid(doc: DocumentRecord): void {
    const paid = this.paidOn(doc.id);
    doc.row.totalpaid = paid.isInteger() ? paid.toNumber() : paid.toNumber();
    doc.row.remaintopay = this.remainToPay(doc).toString();
  }

  /** Returns false when the document is not a draft (the API answers 304 then). */
  validate(doc: DocumentRecord): boolean {
    if (doc.row.status !== '0') return false;
    const isCreditNote = doc.kind === 'facture' && doc.row.type === '2';
    if (String(doc.row.ref).startsWith('(PROV'))
      doc.row.ref = this.store.nextNumber(isCreditNote ? 'AV' : KINDS[doc.kind].prefix);
    const now = this.store.timestamp();
    Object.assign(doc.row, {
      status: '1',
      statut: '1',
      date_validation: doc.kind === 'facture' ? DolibarrStore.dayOf(now) : now,
      user_validation_id: '1',
      date_modification: now,
    });
    // Validating an invoice does not count as modifying it; it does for proposals and orders.
    if (doc.kind !== 'facture') doc.row.user_modification_id = '1';
    if (doc.kind === 'propal') doc.row.datev = now;
    if (doc.kind === 'facture') doc.row.fk_user_valid = '1';
    if (doc.kind !== 'propal') doc.row.online_payment_url = this.paymentUrl(doc);
    return true;
  }

  private paymentUrl(doc: DocumentRecord): string {
    const source = doc.kind === 'commande' ? 'order' : 'invoice';
    return `${this.baseUrl}/public/payment/newpayment.php?source=${source}&ref=${String(doc.row.ref)}`;
  }

  setStatus(doc: DocumentRecord, status: number): void {
    Object.assign(doc.row, { status: String(status), statut: String(status) });
    if (doc.kind !== 'facture') doc.row.user_modification_id = '1';
    doc.row.date_modification = this.store.timestamp();
  }

  update(doc: DocumentRecord, body: Body): void {
    for (const field of ['ref_ext', 'ref_client', 'note_public', 'note_private'] as const)
      if (field in body) doc.row[field] = text(body[field]) ?? (field.startsWith('note') ? '' : null);
    if ('ref_client' in body) doc.row.ref_customer = doc.row.ref_client;
    if ('mode_reglement_id' in body || 'cond_reglement_id' in body)
      Object.assign(
        doc.row,
        paymentFields(
          integer(body.mode_reglement_id ?? doc.row.mode_reglement_id),
          integer(body.cond_reglement_id ?? doc.row.cond_reglement_id),
        ),
      );
    doc.row.user_modification_id = '1';
    if (doc.kind === 'facture') doc.row.fk_user_modif = '1';
    doc.row.date_modification = this.store.timestamp();
  }

  delete(doc: DocumentRecord): void {
    this.store.documents[doc.kind].delete(doc.id);
  }

  /**
   * createfromproposal / createfromorder: a new draft with the source's customer, references but
   * ref_ext, notes, terms and lines, linked to its source; and its contacts' roles while
   * `MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN` is on — Dolibarr 23 takes it as `*` when unset (real
   * exchanges 028–033: with `0`, the order is made without the proposal's shipping contact).
   */
  createFrom(source: DocumentRecord, kind: DocumentKind): DocumentRecord {
    const now = this.store.timestamp();
    const body: Body = {
      socid: Number(source.row.socid),
      date: now,
      ref_client: source.row.ref_client,
      note_public: source.row.note_public,
      note_private: source.row.note_private,
      mode_reglement_id: source.row.mode_reglement_id,
      cond_reglement_id: source.row.cond_reglement_id,
      ...(kind === 'facture' ? { type: 0 } : {}),
    };
    const id = this.create(kind, body);
    const doc = this.get(kind, id);
    doc.row.source = '0';
    // createFromProposal keeps the currency and (here) the rate, but prices the lines from their company
    // price × rate; createFromOrder keeps no currency: the invoice is in the company's at 1 (both seen on
    // 23.0.0-beta).
    if (kind === 'commande') {
      doc.row.multicurrency_code = source.row.multicurrency_code;
      doc.row.multicurrency_tx = source.row.multicurrency_tx;
      doc.row.fk_multicurrency = source.row.fk_multicurrency;
    }
    for (const line of source.lines) {
      const copy = this.insertLine(
        doc,
        {
          fk_product: line.row.fk_product,
          desc: line.row.desc,
          qty: line.row.qty,
          subprice: line.row.subprice,
          tva_tx: line.row.tva_tx,
          remise_percent: line.row.remise_percent,
          product_type: line.row.product_type,
          label: line.row.label,
        },
        false,
        false,
      );
      copy.row.origin_id = line.row.id;
    }
    this.recompute(doc);
    this.store.addLink(source.kind, source.id, kind, doc.id);
    if (this.store.propagatesContacts()) this.store.copyContactRoles(source, doc);
    return doc;
  }
}
