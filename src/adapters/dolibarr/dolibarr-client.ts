import type { z } from 'zod';
import { DolibarrFailure, unsafePathValue } from './errors.js';
import { type ActionResult, DolibarrRestCalls } from './rest-calls.js';
import { type SqlFilter, anyOf, equals } from './sqlfilters.js';
import {
  accountLinkSchema,
  bankAccountSchema,
  contactSchema,
  companySchema,
  documentContactsSchema,
  documentKeySchema,
  documentSchema,
  invoiceSchema,
  maybeThirdPartySchema,
  modulesSchema,
  orderSchema,
  paymentSchema,
  paymentTypeSchema,
  productSchema,
  statusSchema,
  thirdPartySchema,
  vatRateSchema,
  wireInt,
  type WireContact,
  type WireDocumentKey,
  type WireThirdParty,
} from './wire-schemas.js';

export type DocumentResource = 'proposals' | 'orders' | 'invoices';

/** Characters Dolibarr's injection filter refuses in a URL path (a `:` gives a 403 HTML page). */
const WAF_UNSAFE = /[:<>"'\\]/;

/** A value placed in a URL path, checked against Dolibarr's WAF and encoded. */
export function pathSegment(value: string | number): string {
  const text = String(value);
  if (text === '' || WAF_UNSAFE.test(text) || text.includes('/')) throw unsafePathValue(text);
  return encodeURIComponent(text);
}

/**
 * What navette reads and writes in one Dolibarr: setup, third parties, products, documents and
 * payments, over the typed calls of rest-calls.ts and the transport of dolibarr-transport.ts. The
 * 23.0.0-beta quirks of these resources are handled here once: a third-party list with no match
 * answers 404 (read as `[]`), validating twice answers 304 (read as "already done"), creates answer
 * a bare id.
 */
export class DolibarrClient extends DolibarrRestCalls {
  status(): Promise<z.infer<typeof statusSchema>> {
    return this.get('status', statusSchema);
  }

  modules(): Promise<string[]> {
    return this.get('setup/modules', modulesSchema);
  }

  company(): Promise<z.infer<typeof companySchema>> {
    return this.get('setup/company', companySchema);
  }

  /** Active VAT rates of the company's country. */
  vatRates(): Promise<z.infer<typeof vatRateSchema>[]> {
    return this.list('setup/dictionary/vat', vatRateSchema);
  }

  paymentTypes(): Promise<z.infer<typeof paymentTypeSchema>[]> {
    return this.list('setup/dictionary/payment_types', paymentTypeSchema);
  }

  bankAccounts(): Promise<z.infer<typeof bankAccountSchema>[]> {
    return this.list('bankaccounts', bankAccountSchema);
  }

  /**
   * A euro bank account, as Dolibarr's user makes one in « Banques et caisses » (the demo, benches and
   * tests): its id is `gescom.dolibarr.bankAccountId`.
   */
  createBankAccount(label = 'Banque'): Promise<number> {
    return this.create('bankaccounts', { ref: 'BQ', label, type: 1, currency_code: 'EUR', country_id: 1 });
  }

  /** The third party linked to a shop customer (`site`, `key`); undefined when none or several. */
  async thirdPartyByAccount(site: string, key: string | number): Promise<WireThirdParty | undefined> {
    try {
      return await this.get(
        `thirdparties/accounts/${pathSegment(site)}/${pathSegment(key)}`,
        thirdPartySchema,
      );
    } catch (error) {
      // 23.0.0-beta answers 404 alike for "no link" and "linked to several third parties".
      if (error instanceof DolibarrFailure && error.code === 'not-found') return undefined;
      throw error;
    }
  }

  linkAccount(
    thirdPartyId: number,
    site: string,
    key: string | number,
  ): Promise<z.infer<typeof accountLinkSchema>> {
    return this.request('POST', `thirdparties/${thirdPartyId}/accounts`, {
      body: { site, key_account: String(key) },
    }).then((answer) =>
      this.parse(accountLinkSchema, answer.body, { method: 'POST', endpoint: 'thirdparties/{id}/accounts' }),
    );
  }

  /** Third parties matching a filter (e-mail, VAT number…), never `/thirdparties/email/` (see its 25th case). */
  findThirdParties(filter: SqlFilter): Promise<WireThirdParty[]> {
    return this.list('thirdparties', thirdPartySchema, { sqlfilters: filter, limit: 100 });
  }

  getThirdParty(id: number): Promise<WireThirdParty> {
    return this.get(`thirdparties/${id}`, thirdPartySchema);
  }

  /** `/thirdparties/email/{e}`: kept for diagnosis only; it answers an empty object for a shared e-mail. */
  async thirdPartyByEmailPath(email: string): Promise<number | undefined> {
    try {
      const found = await this.get(`thirdparties/email/${pathSegment(email)}`, maybeThirdPartySchema);
      return found.id ?? undefined;
    } catch (error) {
      if (error instanceof DolibarrFailure && error.code === 'not-found') return undefined;
      throw error;
    }
  }

  /** Every contact of a third party (Dolibarr 23's contact list answers 200 `[]` when it has none). */
  async contactsOf(thirdPartyId: number): Promise<WireContact[]> {
    const filter = equals('fk_soc', thirdPartyId);
    if (filter instanceof DolibarrFailure) throw filter;
    const found: WireContact[] = [];
    for await (const page of this.pages('contacts', contactSchema, { sqlfilters: filter }))
      found.push(...page);
    return found;
  }

  /**
   * A contact given a role on a document (`SHIPPING`: the delivery contact). False when it already had
   * it: Dolibarr 23 answers 400 "Already exists: Contact=… is already linked…" then.
   */
  async addDocumentContact(
    resource: DocumentResource,
    id: number,
    contactId: number,
    role: 'SHIPPING' | 'BILLING',
  ): Promise<boolean> {
    try {
      await this.request('POST', `${resource}/${id}/contact/${contactId}/${role}`);
      return true;
    } catch (error) {
      if (error instanceof DolibarrFailure && /^Already exists/.test(error.detail ?? '')) return false;
      throw error;
    }
  }

  /** The contacts a document has in `role`, external or internal (`[]` when none). */
  documentContacts(
    resource: DocumentResource,
    id: number,
    role: 'SHIPPING' | 'BILLING',
  ): Promise<z.infer<typeof documentContactsSchema>> {
    return this.get(
      `${resource}/${id}/contacts`,
      documentContactsSchema,
      new URLSearchParams({ type: role }),
    );
  }

  findProducts(filter: SqlFilter): Promise<z.infer<typeof productSchema>[]> {
    return this.list('products', productSchema, { sqlfilters: filter });
  }

  /**
   * The documents whose `ref_ext` is one of `keys`, in one call per page of keys (never the
   * `/…/ref_ext/{x}` path endpoints, which answer 400 in 23.0.0-beta). Several may share a key.
   */
  async documentsByRefExt(
    resource: DocumentResource,
    keys: readonly string[],
    perCall = 50,
  ): Promise<WireDocumentKey[]> {
    const found: WireDocumentKey[] = [];
    for (let start = 0; start < keys.length; start += perCall) {
      const filter = anyOf('ref_ext', keys.slice(start, start + perCall));
      if (filter instanceof DolibarrFailure) throw filter;
      for await (const page of this.pages(resource, documentKeySchema, {
        sqlfilters: filter,
        properties: ['id', 'ref', 'ref_ext', 'status'],
        sortfield: 't.rowid',
        sortorder: 'ASC',
      }))
        found.push(...page);
    }
    return found;
  }

  getProposal(id: number): Promise<z.infer<typeof documentSchema>> {
    return this.get(`proposals/${id}`, documentSchema);
  }

  getOrder(id: number): Promise<z.infer<typeof orderSchema>> {
    return this.get(`orders/${id}`, orderSchema);
  }

  getInvoice(id: number): Promise<z.infer<typeof invoiceSchema>> {
    return this.get(`invoices/${id}`, invoiceSchema);
  }

  createDocument(resource: DocumentResource, body: Record<string, unknown>): Promise<number> {
    return this.create(resource, body);
  }

  /** One line through the line endpoint, which (unlike inline lines) honours `price_base_type: "TTC"`. */
  addLine(resource: DocumentResource, id: number, line: Record<string, unknown>): Promise<number> {
    return this.create(`${resource}/${id}/${resource === 'proposals' ? 'line' : 'lines'}`, line);
  }

  validate(resource: DocumentResource, id: number): Promise<ActionResult<z.infer<typeof documentSchema>>> {
    return this.action(`${resource}/${id}/validate`, documentSchema, {
      notrigger: 0,
      ...(resource === 'proposals' ? {} : { idwarehouse: 0 }),
    });
  }

  /** Proposal closed as signed (2) or refused (3). */
  closeProposal(
    id: number,
    status: 2 | 3,
    note?: string,
  ): Promise<ActionResult<z.infer<typeof documentSchema>>> {
    return this.action(`proposals/${id}/close`, documentSchema, {
      status,
      notrigger: 0,
      ...(note === undefined ? {} : { note_private: note }),
    });
  }

  /** The order made from a proposal. Its reply is unreliable (doubled lines, no status): re-read it. */
  async createOrderFromProposal(proposalId: number): Promise<number> {
    const answer = await this.request('POST', `orders/createfromproposal/${proposalId}`);
    return this.parse(wireInt, (answer.body as { id?: unknown } | null)?.id, {
      method: 'POST',
      endpoint: 'orders/createfromproposal/{id}',
    });
  }

  async createInvoiceFromOrder(orderId: number): Promise<number> {
    const answer = await this.request('POST', `invoices/createfromorder/${orderId}`);
    return this.parse(wireInt, (answer.body as { id?: unknown } | null)?.id, {
      method: 'POST',
      endpoint: 'invoices/createfromorder/{id}',
    });
  }

  /** createfrom* do not copy `ref_ext`: set it again while the document is a draft. */
  setRefExt(resource: DocumentResource, id: number, refExt: string): Promise<z.infer<typeof documentSchema>> {
    return this.update(`${resource}/${id}`, documentSchema, { ref_ext: refExt });
  }

  deleteDocument(resource: DocumentResource, id: number): Promise<void> {
    return this.delete(`${resource}/${id}`);
  }

  /**
   * A payment of `amount` on one invoice, with its own `ref_ext` (the idempotency key), through
   * `paymentsdistributed`: `/invoices/{id}/payments` takes no amount and always pays the whole remainder.
   */
  payInvoice(payment: {
    readonly invoiceId: number;
    /** Decimal text (`"50.00"`), or `remain` for what remains to pay; empty when paid in the invoice's currency. */
    readonly amount: string;
    /** In the invoice's currency (multicurrency module): Dolibarr converts it into the company's. */
    readonly multicurrencyAmount?: string;
    readonly date: number;
    readonly paymentTypeId: number;
    readonly bankAccountId: number;
    readonly refExt: string;
    readonly number?: string;
    /** Who wrote the cheque: Dolibarr requires it for CHQ. */
    readonly issuer?: string;
    readonly closeWhenPaid?: boolean;
  }): Promise<number> {
    return this.create('invoices/paymentsdistributed', {
      arrayofamounts: {
        [String(payment.invoiceId)]: {
          amount: payment.amount,
          multicurrency_amount: payment.multicurrencyAmount ?? '',
        },
      },
      datepaye: payment.date,
      paymentid: payment.paymentTypeId,
      closepaidinvoices: payment.closeWhenPaid === false ? 'no' : 'yes',
      accountid: payment.bankAccountId,
      ref_ext: payment.refExt,
      ...(payment.number === undefined ? {} : { num_payment: payment.number }),
      ...(payment.issuer === undefined ? {} : { chqemetteur: payment.issuer }),
    });
  }

  /** The order marked billed once its invoice is made (its status stays validated). */
  async setOrderBilled(id: number): Promise<void> {
    await this.request('POST', `orders/${id}/setinvoiced`);
  }

  invoicePayments(id: number): Promise<z.infer<typeof paymentSchema>[]> {
    return this.list(`invoices/${id}/payments`, paymentSchema);
  }
}
