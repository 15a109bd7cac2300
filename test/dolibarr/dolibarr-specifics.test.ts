import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isExpectedFailure } from '../../src/domain/failure.js';
import { amount } from '../../src/domain/money.js';
import type { DocumentAddress } from '../../src/domain/sales-document.js';
import { ADDRESS, draft, line, payment, record } from '../contract/sample-documents.js';
import { openDolibarrUnderTest } from './dolibarr-harness.js';

type Subject = Awaited<ReturnType<typeof openDolibarrUnderTest>>;

async function failureCode(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return isExpectedFailure(error) ? error.code : `not an expected failure: ${String(error)}`;
}

/** How many documents of each kind Dolibarr holds for a key. */
function documentsFor(subject: Subject, key: string): number {
  const { documents } = subject.dolibarr.store;
  return [...documents.propal.values(), ...documents.commande.values(), ...documents.facture.values()].filter(
    (doc) => doc.row.ref_ext === key,
  ).length;
}

describe('Dolibarr target specifics (simulator)', () => {
  let subject: Subject;
  beforeEach(async () => {
    subject = await openDolibarrUnderTest();
  });
  afterEach(async () => {
    await subject.close();
  });

  it('imports a page of confirmed orders in at most 4 calls each once its customer and articles are known, one more when delivered elsewhere', async () => {
    // The first order meets a new customer, new articles and the delivery address.
    await subject.target.importDocument(
      draft({ shopId: 1, orderId: 1 }, { type: 'order', status: 'confirmed' }),
      record({ shopId: 1, orderId: 1 }),
    );
    const perOrder = async (firstId: number, deliveryAddress: DocumentAddress) => {
      const keys = Array.from({ length: 10 }, (_, index) => ({ shopId: 1, orderId: firstId + index }));
      subject.dolibarr.calls.reset();
      await subject.target.findByExternalKeys(keys.map((key) => `ps-1-${key.orderId}`));
      await subject.target.findArticles({ references: ['THE-VERT-100', 'PORT', 'REMISE'], ean13s: [] });
      for (const key of keys)
        await subject.target.importDocument(
          draft(key, { type: 'order', status: 'confirmed', deliveryAddress }),
          record(key),
        );
      expect(subject.dolibarr.calls.byResourceAndMethod()['orders']?.['POST']).toBe(10);
      return subject.dolibarr.calls.total() / keys.length;
    };
    const billedThere = await perOrder(100, ADDRESS);
    expect(billedThere).toBeLessThanOrEqual(4);
    // Delivered elsewhere: the contact is known, each order gives it its SHIPPING role.
    const elsewhere = await perOrder(200, { ...ADDRESS, line2: '' });
    expect(elsewhere).toBe(billedThere + 1);
    expect(subject.dolibarr.calls.byResourceAndMethod()['orders/{id}/contact/{id}/SHIPPING']).toEqual({
      POST: 10,
    });
    expect(subject.dolibarr.store.contacts.size).toBe(1);
  });

  it('adopts the draft a crash left before the ledger was written, never creating a second one', async () => {
    const key = { shopId: 1, orderId: 7 };
    // A run wrote the draft, then died before its ledger entry.
    const thirdParty = await subject.client.create('thirdparties', {
      name: 'Camille',
      client: 1,
      code_client: 'WEB000042',
    });
    await subject.client.createDocument('orders', {
      socid: thirdParty,
      date: 1741608000,
      ref_ext: 'ps-1-7',
      ref_client: draft(key).reference,
      lines: [{ desc: 'Thé', qty: 1, subprice: '5', tva_tx: '20' }],
    });
    expect(await subject.target.findByExternalKeys(['ps-1-7'])).toEqual(new Map());
    const adopted = await subject.target.importDocument(
      draft(key, { type: 'order', status: 'confirmed' }),
      record(key),
    );
    expect(documentsFor(subject, 'ps-1-7')).toBe(1);
    expect(adopted.status).toBe('confirmed');
    expect(adopted.totals.taxIncl.toFixed(2)).toBe('23.95');
    expect((await subject.store.findImports([key])).get('ps-1-7')?.documentNumber).toBe(adopted.number);
  });

  it('never adopts, changes or deletes a document of another order that carries the same key', async () => {
    // Two shops writing into one Dolibarr, each with a shop 1: both have an order 1/8 (seen for real).
    const key = { shopId: 1, orderId: 8 };
    const thirdParty = await subject.client.create('thirdparties', { name: 'Autre boutique', client: 1 });
    const theirs = await subject.client.createDocument('orders', {
      socid: thirdParty,
      date: 1741608000,
      ref_ext: 'ps-1-8',
      ref_client: 'AUTREBOUT',
      lines: [{ desc: 'Lampe', qty: 1, subprice: '50', tva_tx: '20' }],
    });
    const failure = await subject.target
      .importDocument(draft(key, { type: 'order', status: 'confirmed' }), record(key))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isExpectedFailure(failure) && failure.code).toBe('external-key-taken');
    expect(isExpectedFailure(failure) && failure.message).toContain('AUTREBOUT');
    expect(isExpectedFailure(failure) && failure.data).toMatchObject({
      case: 'external-key-taken',
      externalKey: 'ps-1-8',
      documentReference: 'AUTREBOUT',
      documentIncl: '60.00',
    });
    expect(documentsFor(subject, 'ps-1-8')).toBe(1);
    expect(subject.dolibarr.store.documents.commande.get(theirs)?.row.ref_client).toBe('AUTREBOUT');
    expect((await subject.store.findImports([key])).size).toBe(0);
  });

  it('gives a document delivered elsewhere its shipping contact once: a run adopting it adds the missing role, never a second contact', async () => {
    const key = { shopId: 1, orderId: 30 };
    const elsewhere = { ...ADDRESS, name: 'Marc Dupré', line1: '3 quai Saint-Vincent', line2: '' };
    const orderDraft = draft(key, { type: 'order', status: 'confirmed', deliveryAddress: elsewhere });
    await subject.target.importDocument(orderDraft, record(key));
    expect(subject.dolibarr.store.contacts.size).toBe(1);
    expect(subject.dolibarr.store.contactLinks).toHaveLength(1);
    // A run stopped after the document, before its contact's role and its ledger entry: another
    // navette (its own empty ledger, nothing remembered) adopts the document and adds the role.
    subject.dolibarr.store.contactLinks.length = 0;
    const other = await openDolibarrUnderTest({ dolibarr: subject.dolibarr });
    try {
      expect(await other.target.findByExternalKeys(['ps-1-30'])).toEqual(new Map());
      await other.target.importDocument(orderDraft, record(key));
      // And once more from scratch: the role is there already, Dolibarr says so, nothing is added.
      const third = await openDolibarrUnderTest({ dolibarr: subject.dolibarr });
      await third.target.findByExternalKeys(['ps-1-30']);
      await third.target.importDocument(orderDraft, record(key));
      await third.close();
    } finally {
      await other.close();
    }
    expect(documentsFor(subject, 'ps-1-30')).toBe(1);
    expect(subject.dolibarr.store.contacts.size).toBe(1);
    expect(subject.dolibarr.store.contactLinks).toMatchObject([{ kind: 'commande', type: 'SHIPPING' }]);
  });

  it('closes a gap within the tolerance with an écart line at a real rate, and refuses beyond it', async () => {
    const near = { shopId: 1, orderId: 8 };
    const created = await subject.target.importDocument(
      draft(near, { shopTotals: { taxExcl: amount('22.03'), taxIncl: amount('23.96') } }),
      record(near),
    );
    expect(created.totals.taxIncl.toFixed(2)).toBe('23.96');
    expect(created.totals.taxExcl.toFixed(2)).toBe('22.03');
    const lines = (await subject.target.getDocument(created.number))?.lines ?? [];
    expect(lines.at(-1)).toMatchObject({ kind: 'rounding', articleReference: 'ECART' });

    const far = { shopId: 1, orderId: 9 };
    const code = await failureCode(
      subject.target.importDocument(
        draft(far, { shopTotals: { taxExcl: amount('22.02'), taxIncl: amount('25.00') } }),
        record(far),
      ),
    );
    expect(code).toBe('totals-mismatch');
    expect(documentsFor(subject, 'ps-1-9')).toBe(0);
    expect((await subject.store.findImports([far])).size).toBe(0);
  });

  describe('an order in a foreign currency', () => {
    const paid = (value: string) => [payment({ amount: amount(value) })];
    const inDollars = (overrides: Partial<Parameters<typeof draft>[1]> = {}) => ({
      currency: 'USD',
      conversionRate: amount('1.1'),
      ...overrides,
    });

    it('is written in its currency and rate with the multicurrency module, its totals the shop’s to the cent, its payment closing the invoice', async () => {
      subject.dolibarr.setModule('multicurrency', true);
      const key = { shopId: 1, orderId: 30 };
      const summary = await subject.target.importDocument(
        draft(key, inDollars({ type: 'invoice', status: 'confirmed', payments: paid('23.95') })),
        record(key),
      );
      expect(summary.currency).toBe('USD');
      expect(summary.totals.taxIncl.toFixed(2)).toBe('23.95');
      expect(summary.totals.taxExcl.toFixed(2)).toBe('22.02');
      const [invoice] = [...subject.dolibarr.store.documents.facture.values()];
      expect(invoice?.row).toMatchObject({
        multicurrency_code: 'USD',
        multicurrency_tx: '1.10000000',
        multicurrency_total_ttc: '23.95000000',
        paye: '1',
      });
      // Its company-currency total is Dolibarr's own, line by line, near 23.95 / 1.1.
      expect(Number(invoice?.row.total_ttc)).toBeCloseTo(21.77, 1);
      const read = await subject.target.getDocument(summary.number);
      expect(read?.lines.map((l) => l.totalTaxIncl.toFixed(2))).toEqual(['20.00', '5.95', '-2.00']);
    });

    it('has an order’s lines sent one by one, which keeps their price in the order’s currency', async () => {
      subject.dolibarr.setModule('multicurrency', true);
      const key = { shopId: 1, orderId: 31 };
      subject.dolibarr.calls.reset();
      const summary = await subject.target.importDocument(
        draft(key, inDollars({ type: 'order', status: 'confirmed' })),
        record(key),
      );
      expect(summary.currency).toBe('USD');
      expect(summary.totals.taxIncl.toFixed(2)).toBe('23.95');
      expect(subject.dolibarr.calls.byResourceAndMethod()['orders/{id}/lines']?.['POST']).toBe(3);
    });

    it('is upgraded by createfromproposal, its totals kept; not by createfromorder, which drops its currency: the copy deleted, the order failed', async () => {
      subject.dolibarr.setModule('multicurrency', true);
      const key = { shopId: 1, orderId: 34 };
      const quote = await subject.target.importDocument(draft(key, inDollars()), record(key));
      const order = await subject.target.transformDocument(
        quote.number,
        { type: 'order', status: 'confirmed' },
        record(key),
      );
      expect(order.currency).toBe('USD');
      expect(order.totals.taxIncl.toFixed(2)).toBe('23.95');
      const error: unknown = await subject.target
        .transformDocument(order.number, { type: 'invoice', status: 'confirmed' }, record(key))
        .catch((caught: unknown) => caught);
      expect(isExpectedFailure(error) && error.code).toBe('transform-currency');
      expect(String((error as Error).message)).toContain('Transformez-le dans Dolibarr');
      expect(subject.dolibarr.store.documents.facture.size).toBe(0);
    });

    it('in a currency Dolibarr does not declare, is failed with where to declare it, its draft deleted', async () => {
      subject.dolibarr.setModule('multicurrency', true);
      const key = { shopId: 1, orderId: 32 };
      const error: unknown = await subject.target
        .importDocument(draft(key, { currency: 'CHF', conversionRate: amount('0.94') }), record(key))
        .catch((caught: unknown) => caught);
      expect(isExpectedFailure(error) && error.code).toBe('currency-undeclared');
      expect(String((error as Error).message)).toContain('Modules/Applications > Multi-devise');
      expect(documentsFor(subject, 'ps-1-32')).toBe(0);
    });

    it('without the module, is converted into the company’s currency when the setting says so, the original kept in the remark', async () => {
      const converting = await openDolibarrUnderTest({ foreignCurrencyWithoutModule: 'convert' });
      try {
        const key = { shopId: 1, orderId: 33 };
        const summary = await converting.target.importDocument(
          draft(key, inDollars({ type: 'invoice', status: 'confirmed', payments: paid('23.95') })),
          record(key),
        );
        expect(summary.currency).toBe('EUR');
        expect(summary.totals.taxIncl.toFixed(2)).toBe('21.77');
        expect(summary.totals.taxExcl.toFixed(2)).toBe('20.02');
        const [invoice] = [...converting.dolibarr.store.documents.facture.values()];
        expect(invoice?.row.paye).toBe('1');
        expect(String(invoice?.row.note_private)).toContain(
          'Commande en USD au taux 1,1 : total TTC 23,95 USD',
        );
      } finally {
        await converting.close();
      }
    });
  });

  it('refuses an order in a currency other than the company’s before writing anything', async () => {
    const key = { shopId: 1, orderId: 17 };
    expect(
      await failureCode(
        subject.target.importDocument(
          draft(key, { currency: 'USD', conversionRate: amount('1.08') }),
          record(key),
        ),
      ),
    ).toBe('currency-unsupported');
    expect(documentsFor(subject, 'ps-1-17')).toBe(0);
    expect(subject.dolibarr.store.thirdparties.size).toBe(0);
  });

  it('refuses an order without lines and a VAT rate Dolibarr lacks before writing anything', async () => {
    const empty = { shopId: 1, orderId: 10 };
    expect(await failureCode(subject.target.importDocument(draft(empty, { lines: [] }), record(empty)))).toBe(
      'no-lines',
    );
    const odd = { shopId: 1, orderId: 11 };
    expect(
      await failureCode(
        subject.target.importDocument(
          draft(odd, {
            // Amounts at 7 % (25.00 HT, 26.75 TTC): no active rate gives these cents.
            lines: [
              line({
                vatRate: amount('7'),
                unitPriceTaxIncl: amount('13.375'),
                totalTaxIncl: amount('26.75'),
              }),
            ],
          }),
          record(odd),
        ),
      ),
    ).toBe('vat-rate-inactive');
    expect(subject.dolibarr.store.documents.propal.size).toBe(0);
  });

  it('writes a product name with an emoji without it, as a default Dolibarr cannot store it', async () => {
    const key = { shopId: 1, orderId: 15 };
    const lines = draft(key).lines.map((each, index) =>
      index === 0 ? { ...each, label: 'Savon de Marseille à l’huile d’olive 🫒' } : each,
    );
    const written = await subject.target.importDocument(draft(key, { lines }), record(key));
    const stored = [...subject.dolibarr.store.documents.propal.values()].find(
      (doc) => doc.row.ref_ext === 'ps-1-15',
    );
    expect(written.number).not.toBe('');
    expect(JSON.stringify(stored?.lines)).toContain('Savon de Marseille à l’huile d’olive');
    expect(JSON.stringify(stored?.lines)).not.toContain('🫒');
  });

  it('fails only the order of a new customer when Dolibarr refuses navette’s code, and takes its numbering when told', async () => {
    subject.dolibarr.store.constants.set('SOCIETE_CODECLIENT_ADDON', 'mod_codeclient_monkey');
    const key = { shopId: 1, orderId: 16 };
    expect(await failureCode(subject.target.importDocument(draft(key), record(key)))).toBe('data-refused');
    expect(documentsFor(subject, 'ps-1-16')).toBe(0);
    const numbered = await openDolibarrUnderTest({ dolibarr: subject.dolibarr, customerCode: 'dolibarr' });
    try {
      const written = await numbered.target.importDocument(draft(key), record(key));
      expect(written.customerCode).toMatch(/^CU\d{4}-\d{5}$/);
    } finally {
      await numbered.close();
    }
  });

  it('stops on a Dolibarr out of reach: the failure says so and nothing is recorded', async () => {
    const key = { shopId: 1, orderId: 12 };
    subject.dolibarr.faults.failNext('*', 10, 503);
    expect(await failureCode(subject.target.importDocument(draft(key), record(key)))).toBe(
      'gescom-unavailable',
    );
    subject.dolibarr.faults.clear();
    expect((await subject.store.findImports([key])).size).toBe(0);
    // The next run writes it once.
    await subject.target.importDocument(draft(key), record(key));
    expect(documentsFor(subject, 'ps-1-12')).toBe(1);
  });

  it('upgrades a quote into an order: ref_ext set again, the order validated, the proposal signed', async () => {
    const key = { shopId: 1, orderId: 13 };
    const quote = await subject.target.importDocument(draft(key, { status: 'confirmed' }), record(key));
    const order = await subject.target.transformDocument(
      quote.number,
      { type: 'order', status: 'confirmed' },
      record(key),
    );
    expect(order.number).toMatch(/^CO/);
    const proposal = [...subject.dolibarr.store.documents.propal.values()][0];
    expect(proposal?.row.status).toBe('2');
    expect(documentsFor(subject, 'ps-1-13')).toBe(2);
  });

  it('keeps a quote’s shipping contact on the order made from it, whether Dolibarr copies contacts (its default) or not', async () => {
    const elsewhere = { ...ADDRESS, name: 'Marc Dupré', line1: '3 quai Saint-Vincent', line2: '' };
    const upgrade = async (orderId: number) => {
      const key = { shopId: 1, orderId };
      const quote = await subject.target.importDocument(
        draft(key, { status: 'confirmed', deliveryAddress: elsewhere }),
        record(key),
      );
      subject.dolibarr.calls.reset();
      const order = await subject.target.transformDocument(
        quote.number,
        { type: 'order', status: 'confirmed' },
        record(key),
      );
      const id = Number(order.id.replace(/\D/g, ''));
      const links = subject.dolibarr.store.contactLinks.filter(
        (l) => l.kind === 'commande' && l.documentId === id,
      );
      return { links, calls: subject.dolibarr.calls.byResourceAndMethod() };
    };
    // Dolibarr's default (MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN unset = *): copied, navette's role is "Already exists".
    const copied = await upgrade(40);
    expect(copied.links).toMatchObject([{ type: 'SHIPPING' }]);
    expect(copied.calls['proposals/{id}/contacts']).toEqual({ GET: 1 });
    // Switched off (real exchanges 032–033: the order is made without it): navette gives it the role.
    subject.dolibarr.store.constants.set('MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN', '0');
    const given = await upgrade(41);
    expect(given.links).toMatchObject([{ type: 'SHIPPING' }]);
    expect(given.calls['orders/{id}/contact/{id}/SHIPPING']).toEqual({ POST: 1 });
    expect(subject.dolibarr.store.contacts.size).toBe(1);
    // Billed and delivered at one address: one call to see the quote has no shipping contact, none more.
    const key = { shopId: 1, orderId: 42 };
    const plain = await subject.target.importDocument(
      draft(key, { status: 'confirmed', deliveryAddress: ADDRESS }),
      record(key),
    );
    subject.dolibarr.calls.reset();
    await subject.target.transformDocument(plain.number, { type: 'order', status: 'confirmed' }, record(key));
    expect(subject.dolibarr.calls.byResourceAndMethod()['orders/{id}/contact/{id}/SHIPPING']).toBeUndefined();
  });

  it('pays an invoice once, however many times it is met again', async () => {
    const key = { shopId: 1, orderId: 14 };
    const paidByCard = payment({ date: '2025-03-11', transactionId: 'TX-14', label: 'Carte' });
    const invoice = await subject.target.importDocument(
      draft(key, { type: 'invoice', status: 'confirmed', payments: [paidByCard] }),
      record(key),
    );
    await subject.store.resetImports({ keys: [key] }, 'test: the ledger lost');
    const again = await subject.target.importDocument(
      draft(key, { type: 'invoice', status: 'confirmed', payments: [paidByCard] }),
      record(key),
    );
    expect(again.number).toBe(invoice.number);
    expect(subject.dolibarr.store.payments).toHaveLength(1);
    expect((await subject.target.getDocument(invoice.number))?.status).toBe('accepted');
  });

  it('refuses an invoice whose payment type Dolibarr lacks before writing it, not after validating it', async () => {
    const key = { shopId: 1, orderId: 15 };
    const cashOnDelivery = payment({ modeCode: 'CRBT', date: '2025-03-11', label: 'Contre-remboursement' });
    expect(
      await failureCode(
        subject.target.importDocument(
          draft(key, { type: 'invoice', status: 'confirmed', payments: [cashOnDelivery] }),
          record(key),
        ),
      ),
    ).toBe('payment-type-unknown');
    expect(documentsFor(subject, 'ps-1-15')).toBe(0);
    // A draft invoice carries no payment: its type is not asked for.
    await subject.target.importDocument(
      draft(key, { type: 'invoice', payments: [cashOnDelivery] }),
      record(key),
    );
    expect(documentsFor(subject, 'ps-1-15')).toBe(1);
  });

  it('writes a carrier whose rate was derived from the shop’s cents (19.96 %) at the active rate they allow', async () => {
    const key = { shopId: 1, orderId: 16 };
    const carrier = line({
      kind: 'shipping',
      articleReference: 'PORT',
      label: 'Transport',
      quantity: amount(1),
      unitPriceTaxExcl: amount('4.96'),
      unitPriceTaxIncl: amount('5.95'),
      totalTaxExcl: amount('4.96'),
      totalTaxIncl: amount('5.95'),
      vatRate: amount('19.96'),
      sourceLineId: undefined,
    });
    const order = draft(key, {
      status: 'confirmed',
      lines: [line(), carrier],
      totals: { taxExcl: amount('29.96'), tax: amount('5.99'), taxIncl: amount('35.95') },
      shopTotals: { taxExcl: amount('29.96'), taxIncl: amount('35.95') },
    });
    const summary = await subject.target.importDocument(order, record(key));
    const document = await subject.target.getDocument(summary.number);
    expect(document?.totals.taxIncl.toFixed(2)).toBe('35.95');
    expect(document?.totals.taxExcl.toFixed(2)).toBe('29.96');
    expect(document?.lines.map((each) => each.vatRate.toString())).toEqual(['20', '20']);
  });
});
