import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isExpectedFailure, isGescomFailureCode, type GescomFailureCode } from '../../src/domain/failure.js';
import { amount, format, toText, type Amount } from '../../src/domain/money.js';
import { FIELD_LIMITS } from '../../src/domain/sales-document.js';
import type { GescomTarget } from '../../src/ports/gescom-target.js';
import type { SyncStore } from '../../src/ports/sync-store.js';
import { customer, draft, line, record } from './sample-documents.js';

export interface GescomTargetUnderTest {
  readonly target: GescomTarget;
  /** The store the target writes its import records to. */
  readonly store: SyncStore;
  /**
   * False for a target whose documents are transformed in the GesCom's own screens (Dolibarr): it refuses
   * a transformation by hand, plainly, and reads back what the GesCom did (test/dolibarr for the cases).
   */
  readonly transformsByHand?: boolean;
  close(): Promise<void>;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function text(value: Amount): string {
  return toText(value);
}

/** To the cent, as every target's totals must equal the shop's. */
function cents(value: Amount): string {
  return format(value);
}

/** A refusal of the target: an ExpectedFailure with one of the codes every target shares. */
async function expectFailure(promise: Promise<unknown>, code?: GescomFailureCode): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isExpectedFailure(error), `expected an ExpectedFailure, got ${String(error)}`).toBe(true);
  if (!isExpectedFailure(error)) return;
  expect(isGescomFailureCode(error.code), `${error.code} is not a GescomFailureCode (${error.message})`).toBe(
    true,
  );
  if (code !== undefined) expect(error.code).toBe(code);
}

/**
 * The suite every GesCom target passes (SPEC §4): the embedded GesCom on SQLite and PostgreSQL, and
 * Dolibarr (its simulator). Amounts are compared to the cent where a target computes its own totals. `open` gives a fresh, empty target each time (special articles PORT, REMISE,
 * EMBALLAGE, DIVERS present) with the store it records imports in.
 */
export function describeGescomTargetContract(name: string, open: () => Promise<GescomTargetUnderTest>): void {
  describe(`GescomTarget contract: ${name}`, () => {
    let target: GescomTarget;
    let store: SyncStore;
    let close: () => Promise<void>;
    let transformsByHand: boolean;

    beforeEach(async () => {
      const opened = await open();
      ({ target, store } = opened);
      transformsByHand = opened.transformsByHand ?? true;
      close = () => opened.close();
    });
    afterEach(async () => {
      await close();
    });

    it("imports a document with its lines and payments and reads it back with the shop's amounts", async () => {
      const key = { shopId: 1, orderId: 42 };
      const created = await target.importDocument(
        draft(key, {
          type: 'invoice',
          status: 'confirmed',
          payments: [
            {
              modeCode: 'CHQ',
              journal: 'BQ1',
              amount: amount('10.00'),
              date: '2025-03-11',
              transactionId: 'T-0001',
              label: 'Chèque n° 1234567',
            },
          ],
        }),
        record(key),
      );
      expect(created.number.length).toBeGreaterThan(0);
      expect(created.number.length).toBeLessThanOrEqual(FIELD_LIMITS.documentNumber);
      expect(created.type).toBe('invoice');
      expect(created.status).toBe('confirmed');
      expect(created.externalKey).toBe('ps-1-42');
      expect(cents(created.totals.taxIncl)).toBe('23.95');

      const document = await target.getDocument(created.number);
      expect(document).toBeDefined();
      if (document === undefined) return;
      expect(document.customerCode).toBe('WEB000042');
      expect(document.date).toBe('2025-03-10');
      expect(document.reference).toBe('XKBKNABJK-42');
      expect(document.externalKey).toBe('ps-1-42');
      // Each target's own totals (Dolibarr rounds per line) equal the shop's to the cent.
      expect(cents(document.totals.taxExcl)).toBe('22.02');
      expect(cents(document.totals.tax)).toBe('1.93');
      expect(cents(document.totals.taxIncl)).toBe('23.95');
      expect(cents(document.shopTotals.taxExcl)).toBe('22.02');
      // Unit prices to 5 decimals: Dolibarr keeps no more (MAIN_MAX_DECIMALS_UNIT).
      const unit = (price: Amount) => text(price.toDecimalPlaces(5));
      expect(
        document.lines.map((l) => [l.kind, l.articleReference, unit(l.unitPriceTaxExcl), text(l.vatRate)]),
      ).toEqual([
        ['product', 'THE-VERT-100', '9.47867', '5.5'],
        ['shipping', 'PORT', '4.95833', '20'],
        ['discount', 'REMISE', '-1.89574', '5.5'],
      ]);
      expect(cents(document.lines[0]?.totalTaxExcl ?? amount(0))).toBe('18.96');
      expect(document.lines.every((l) => l.vatCode !== '')).toBe(true);
      expect(document.lines[0]?.vatCode).toBe(document.lines[2]?.vatCode);
      expect(document.lines[0]?.vatCode).not.toBe(document.lines[1]?.vatCode);
      expect(document.payments).toHaveLength(1);
      expect(document.payments[0]?.modeCode).toBe('CHQ');
      expect(text(document.payments[0]?.amount ?? amount(0))).toBe('10');
      expect(document.sourceNumber).toBeUndefined();
      expect(document.transformedInto).toBeUndefined();
      expect(document.cancelled).toBe(false);
    });

    it('creates the customer account once, finds it by code, and by e-mail when asked', async () => {
      const first = await target.importDocument(
        draft({ shopId: 1, orderId: 1 }),
        record({ shopId: 1, orderId: 1 }),
      );
      const second = await target.importDocument(
        draft({ shopId: 1, orderId: 2 }, { customer: customer({ name: 'Camille Dupré-Martin' }) }),
        record({ shopId: 1, orderId: 2 }),
      );
      expect(first.customerCode).toBe('WEB000042');
      expect(second.customerCode).toBe('WEB000042');
      const byEmail = await target.importDocument(
        draft({ shopId: 1, orderId: 3 }, { customer: customer({ code: 'WEB000999', matchByEmail: true }) }),
        record({ shopId: 1, orderId: 3 }),
      );
      expect(byEmail.customerCode).toBe('WEB000042');
      const withoutEmailMatch = await target.importDocument(
        draft({ shopId: 1, orderId: 4 }, { customer: customer({ code: 'WEB000998' }) }),
        record({ shopId: 1, orderId: 4 }),
      );
      expect(withoutEmailMatch.customerCode).toBe('WEB000998');
    });

    it('puts orders on the generic web account without making it theirs', async () => {
      const generic = customer({
        code: 'CLIENTWEB',
        name: 'Jean Martin',
        email: 'jean@example.fr',
        generic: true,
      });
      const first = await target.importDocument(
        draft({ shopId: 1, orderId: 5 }, { customer: generic }),
        record({ shopId: 1, orderId: 5 }),
      );
      const second = await target.importDocument(
        draft(
          { shopId: 1, orderId: 6 },
          { customer: { ...generic, name: 'Léa Petit', email: 'lea@example.fr' } },
        ),
        record({ shopId: 1, orderId: 6 }),
      );
      expect(first.customerCode).toBe('CLIENTWEB');
      expect(second.customerCode).toBe('CLIENTWEB');
      expect((await target.getDocument(second.number))?.customerCode).toBe('CLIENTWEB');
    });

    it('numbers each document in its series, never twice', async () => {
      const numbers = [];
      for (const orderId of [10, 11, 12]) {
        numbers.push(
          (await target.importDocument(draft({ shopId: 1, orderId }), record({ shopId: 1, orderId }))).number,
        );
      }
      const order = await target.importDocument(
        draft({ shopId: 1, orderId: 13 }, { type: 'order', status: 'confirmed' }),
        record({ shopId: 1, orderId: 13 }),
      );
      expect(new Set([...numbers, order.number]).size).toBe(4);
      expect([...numbers].sort()).toEqual(numbers);
    });

    it('refuses a second document for an order already imported', async () => {
      const key = { shopId: 2, orderId: 7 };
      const first = await target.importDocument(draft(key), record(key));
      await expectFailure(target.importDocument(draft(key), record(key)), 'already-imported');
      await expectFailure(
        target.importDocument(draft(key, { type: 'order', status: 'confirmed' }), record(key)),
        'already-imported',
      );
      expect((await target.listDocuments({})).total).toBe(1);
      expect((await target.findByExternalKey('ps-2-7'))?.number).toBe(first.number);
      expect(await target.findByExternalKey('ps-2-8')).toBeUndefined();
      const heads = await target.findByExternalKeys(['ps-2-7', 'ps-2-8']);
      expect([...heads.keys()]).toEqual(['ps-2-7']);
      expect(heads.get('ps-2-7')?.number).toBe(first.number);
    });

    it('releases the external keys of reset orders, so that they can be imported again', async () => {
      const first = await target.importDocument(
        draft({ shopId: 2, orderId: 7 }),
        record({ shopId: 2, orderId: 7 }),
      );
      await target.importDocument(draft({ shopId: 2, orderId: 8 }), record({ shopId: 2, orderId: 8 }));
      await target.importDocument(draft({ shopId: 3, orderId: 1 }), record({ shopId: 3, orderId: 1 }));
      expect(await target.releaseExternalKeys({ externalKeys: ['ps-2-7'] })).toBe(1);
      expect(await target.findByExternalKey('ps-2-7')).toBeUndefined();
      expect((await target.getDocument(first.number))?.externalKey).toMatch(/^ps-2-7#reset-/);
      const second = await target.importDocument(
        draft({ shopId: 2, orderId: 7 }),
        record({ shopId: 2, orderId: 7 }),
      );
      expect(second.number).not.toBe(first.number);
      expect(await target.releaseExternalKeys({ shopId: 2 })).toBe(2);
      expect(await target.findByExternalKey('ps-2-8')).toBeUndefined();
      expect(await target.findByExternalKey('ps-3-1')).toBeDefined();
    });

    it('records the ledger entry and the state changes with the document', async () => {
      const key = { shopId: 1, orderId: 77 };
      const created = await target.importDocument(
        draft(key),
        record(key, {
          orderStateId: 10,
          runId: 'run-77',
          stateChanges: [{ expectedStateId: 10, newStateId: 3, sendEmail: true }],
        }),
      );
      const ledger = await store.findImports([key, { shopId: 1, orderId: 78 }]);
      expect(ledger.size).toBe(1);
      expect(ledger.get('ps-1-77')).toMatchObject({
        key,
        documentNumber: created.number,
        documentType: 'quote',
        documentStatus: 'draft',
        orderStateId: 10,
        runId: 'run-77',
        orderReference: 'XKBKNABJK-77',
      });
      const pending = await store.claimStateChanges(10, 60_000);
      expect(pending).toEqual([
        expect.objectContaining({ key, expectedStateId: 10, newStateId: 3, sendEmail: true, attempts: 0 }),
      ]);
    });

    it('writes nothing when the import fails half-way', async () => {
      const key = { shopId: 1, orderId: 88 };
      const broken = draft(key, {
        customer: customer({ code: 'WEB000088' }),
        lines: [line(), line({ articleReference: 'NOT-IN-GESCOM', createArticle: false })],
      });
      await expect(
        target.importDocument(
          broken,
          record(key, { stateChanges: [{ expectedStateId: 1, newStateId: 2, sendEmail: false }] }),
        ),
      ).rejects.toThrow();
      expect(await target.findByExternalKey('ps-1-88')).toBeUndefined();
      expect((await store.findImports([key])).size).toBe(0);
      expect(await store.countPendingStateChanges()).toBe(0);
      expect((await target.findArticles({ references: ['THE-VERT-100'], ean13s: [] })).length).toBe(0);
      expect((await target.listDocuments({ customer: 'WEB000088' })).total).toBe(0);
    });

    it('transforms a quote into an order, keeping its lines and the link, and moves the ledger along', async () => {
      const key = { shopId: 1, orderId: 90 };
      const quote = await target.importDocument(draft(key), record(key));
      const order = await target.transformDocument(
        quote.number,
        { type: 'order', status: 'confirmed' },
        record(key, {
          orderStateId: 2,
          runId: 'run-upgrade',
          stateChanges: [{ expectedStateId: 2, newStateId: 3, sendEmail: true }],
        }),
      );
      expect(order.type).toBe('order');
      expect(order.status).toBe('confirmed');
      expect(order.number).not.toBe(quote.number);
      expect(order.externalKey).toBe('ps-1-90');
      expect(text(order.totals.taxIncl)).toBe('23.95');

      const source = await target.getDocument(quote.number);
      const copy = await target.getDocument(order.number);
      expect(source?.transformedInto).toBe(order.number);
      // A GesCom may number the quote when it closes it: the link is to its number now.
      expect(copy?.sourceNumber).toBe(source?.number);
      expect(copy?.customerCode).toBe(source?.customerCode);
      expect(
        copy?.lines.map((l) => [l.articleReference, l.label, text(l.quantity), text(l.totalTaxIncl)]),
      ).toEqual(
        source?.lines.map((l) => [l.articleReference, l.label, text(l.quantity), text(l.totalTaxIncl)]),
      );
      expect((await target.findByExternalKey('ps-1-90'))?.number).toBe(order.number);

      const ledger = (await store.findImports([key])).get('ps-1-90');
      expect(ledger).toMatchObject({
        documentNumber: order.number,
        documentType: 'order',
        documentStatus: 'confirmed',
        orderStateId: 2,
      });
      const pending = await store.claimStateChanges(10, 60_000);
      expect(pending.map((change) => change.newStateId)).toEqual([3]);

      const invoice = await target.transformDocument(
        order.number,
        { type: 'invoice', status: 'draft' },
        record(key),
      );
      expect((await target.findByExternalKey('ps-1-90'))?.number).toBe(invoice.number);
      expect((await target.findByExternalKeys(['ps-1-90'])).get('ps-1-90')?.number).toBe(invoice.number);
      await expectFailure(
        target.transformDocument(quote.number, { type: 'order', status: 'draft' }, record(key)),
      );
    });

    it('transforms by hand along the chain, each type in its series, the tracking number on the delivery, and lists the transformations from a cursor', async () => {
      const key = { shopId: 1, orderId: 94 };
      if (!transformsByHand) {
        const imported = await target.importDocument(
          draft(key, { type: 'order', status: 'confirmed' }),
          record(key),
        );
        await expectFailure(
          target.transformDocument(imported.number, { type: 'delivery', status: 'confirmed' }),
          'transform-in-gescom',
        );
        // Its transformations are Dolibarr's own (shipments, invoices): an import alone is none of them.
        const start = await target.transformationsSince(undefined, 1_000);
        expect(start.items).toEqual([]);
        expect((await target.transformationsSince(start.cursor, 1_000)).items).toEqual([]);
        return;
      }
      const start = await target.transformationsSince(undefined, 1_000);
      const order = await target.importDocument(
        draft(key, { type: 'order', status: 'confirmed' }),
        record(key),
      );
      await expectFailure(
        target.transformDocument(order.number, {
          type: 'invoice',
          status: 'confirmed',
          trackingNumber: '6A1',
        }),
        'transform-unsupported',
      );
      const delivery = await target.transformDocument(order.number, {
        type: 'delivery',
        status: 'confirmed',
        trackingNumber: ' 6A12345678901 ',
      });
      expect(delivery.number).toMatch(/^BL\d{5}$/);
      expect(delivery.trackingNumber).toBe('6A12345678901');
      expect((await target.getDocument(delivery.number))?.trackingNumber).toBe('6A12345678901');
      const invoice = await target.transformDocument(delivery.number, {
        type: 'invoice',
        status: 'confirmed',
      });
      expect(invoice.number).toMatch(/^FA\d{5}$/);
      // No record given: no outbox entry, but the ledger follows the document.
      expect(await store.countPendingStateChanges()).toBe(0);
      expect((await store.findImports([key])).get('ps-1-94')?.documentNumber).toBe(invoice.number);

      const since = await target.transformationsSince(start.cursor, 1_000);
      expect(
        since.items.map((t) => [
          t.sourceNumber,
          t.sourceType,
          t.number,
          t.type,
          t.externalKey,
          t.trackingNumber,
        ]),
      ).toEqual([
        [order.number, 'order', delivery.number, 'delivery', 'ps-1-94', '6A12345678901'],
        [delivery.number, 'delivery', invoice.number, 'invoice', 'ps-1-94', ''],
      ]);
      const firstOnly = await target.transformationsSince(start.cursor, 1);
      expect(firstOnly.items.map((t) => t.number)).toEqual([delivery.number]);
      const rest = await target.transformationsSince(firstOnly.cursor, 10);
      expect(rest.items.map((t) => t.number)).toEqual([invoice.number]);
      const nothing = await target.transformationsSince(since.cursor, 10);
      expect(nothing).toEqual({ items: [], cursor: since.cursor });
    });

    it('never transforms backwards, nor into the same type', async () => {
      const key = { shopId: 1, orderId: 91 };
      const order = await target.importDocument(
        draft(key, { type: 'order', status: 'confirmed' }),
        record(key),
      );
      await expectFailure(
        target.transformDocument(order.number, { type: 'quote', status: 'draft' }, record(key)),
        'transform-backwards',
      );
      await expectFailure(
        target.transformDocument(order.number, { type: 'order', status: 'accepted' }, record(key)),
        'transform-backwards',
      );
      expect((await target.getDocument(order.number))?.transformedInto).toBeUndefined();
      expect((await store.findImports([key])).get('ps-1-91')?.documentNumber).toBe(order.number);
    });

    it('cancels a draft, and only a draft', async () => {
      const draftKey = { shopId: 1, orderId: 92 };
      const confirmedKey = { shopId: 1, orderId: 93 };
      const saisi = await target.importDocument(draft(draftKey), record(draftKey));
      const confirmed = await target.importDocument(
        draft(confirmedKey, { status: 'confirmed' }),
        record(confirmedKey),
      );
      await target.cancelDocument(saisi.number, 'Commande annulée dans la boutique');
      // Cancelled, or deleted where the GesCom only deletes a draft (Dolibarr).
      expect((await target.getDocument(saisi.number))?.cancelled ?? true).toBe(true);
      expect(await target.findByExternalKey('ps-1-92')).toSatisfy(
        (head: { cancelled: boolean } | undefined) => head === undefined || head.cancelled,
      );
      await expectFailure(target.cancelDocument(confirmed.number, 'Commande annulée'));
      expect((await target.getDocument(confirmed.number))?.cancelled).toBe(false);
      await expectFailure(target.cancelDocument('NOPE0001', 'absent'));
    });

    it('cuts long texts cleanly to the field limits, accents and emoji included', async () => {
      const key = { shopId: 1, orderId: 94 };
      const longLabel = `Théière « Grand Cru » en fonte émaillée 🫖🍵 ${'é'.repeat(20)} 👨‍👩‍👧‍👦 édition spéciale 2025 ✨`;
      const longName = `Établissements Côté Jardin & Fils 🌿 — société à responsabilité limitée ${'ô'.repeat(40)}`;
      const created = await target.importDocument(
        draft(key, {
          reference: 'RÉFÉRENCE-TRÈS-LONGUE-🎁-2025',
          customer: customer({ code: 'WEB000094', name: longName }),
          lines: [
            line({ label: longLabel, articleReference: 'ART-REFERENCE-BEAUCOUP-TROP-LONGUE-POUR-SAGE' }),
          ],
          totals: { taxExcl: amount('25'), tax: amount('5'), taxIncl: amount('30') },
          shopTotals: { taxExcl: amount('25'), taxIncl: amount('30') },
        }),
        record(key),
      );
      const document = await target.getDocument(created.number);
      const fits = (value: string | undefined, limit: number, original: string) => {
        expect(value).toBeDefined();
        const cut = value ?? '';
        expect([...cut].length).toBeLessThanOrEqual(limit);
        expect(cut.length).toBeGreaterThan(0);
        expect(LONE_SURROGATE.test(cut)).toBe(false);
        // A target may drop what its storage cannot hold beyond U+FFFF (Dolibarr's utf8 connection).
        expect(
          beyondBasicPlaneDropped(original.normalize('NFC')).startsWith(beyondBasicPlaneDropped(cut)),
        ).toBe(true);
      };
      fits(document?.lines[0]?.label, FIELD_LIMITS.label, longLabel);
      fits(
        document?.lines[0]?.articleReference,
        FIELD_LIMITS.articleReference,
        'ART-REFERENCE-BEAUCOUP-TROP-LONGUE-POUR-SAGE',
      );
      fits(document?.reference, FIELD_LIMITS.reference, 'RÉFÉRENCE-TRÈS-LONGUE-🎁-2025');
      fits(document?.customerName, FIELD_LIMITS.accountName, longName);
    });

    it('lists documents by type, status, dates, customer and text, page by page', async () => {
      await target.importDocument(
        draft({ shopId: 1, orderId: 101 }, { date: '2025-03-01' }),
        record({ shopId: 1, orderId: 101 }),
      );
      await target.importDocument(
        draft(
          { shopId: 1, orderId: 102 },
          {
            date: '2025-03-05',
            type: 'order',
            status: 'confirmed',
            customer: customer({ code: 'WEB000102', name: 'Léa Petit', email: 'lea@example.fr' }),
          },
        ),
        record({ shopId: 1, orderId: 102 }),
      );
      await target.importDocument(
        draft({ shopId: 1, orderId: 103 }, { date: '2025-03-09' }),
        record({ shopId: 1, orderId: 103 }),
      );

      const all = await target.listDocuments({});
      expect(all.total).toBe(3);
      expect(all.items.map((d) => d.date)).toEqual(['2025-03-09', '2025-03-05', '2025-03-01']);
      expect((await target.listDocuments({ type: 'quote' })).total).toBe(2);
      expect((await target.listDocuments({ status: 'confirmed' })).items.map((d) => d.externalKey)).toEqual([
        'ps-1-102',
      ]);
      expect((await target.listDocuments({ from: '2025-03-02', to: '2025-03-09' })).total).toBe(2);
      expect((await target.listDocuments({ customer: 'léa' })).total).toBe(1);
      expect((await target.listDocuments({ customer: 'WEB000102' })).total).toBe(1);
      expect((await target.listDocuments({ search: 'ps-1-103' })).items.map((d) => d.externalKey)).toEqual([
        'ps-1-103',
      ]);
      expect((await target.listDocuments({ search: '%' })).total).toBe(0);
      const page = await target.listDocuments({ limit: 2, offset: 2 });
      expect(page.total).toBe(3);
      expect(page.items.map((d) => d.externalKey)).toEqual(['ps-1-101']);
    });

    it('finds the articles it knows by reference', async () => {
      await target.importDocument(draft({ shopId: 1, orderId: 120 }), record({ shopId: 1, orderId: 120 }));
      const found = await target.findArticles({
        references: ['THE-VERT-100', 'PORT', 'INCONNU'],
        ean13s: ['0000000000000'],
      });
      expect(found.map((article) => article.reference).sort()).toEqual(['PORT', 'THE-VERT-100']);
      expect(found.find((article) => article.reference === 'THE-VERT-100')?.label).toBe(
        'Thé vert Sencha 100 g',
      );
    });
  });
}

function beyondBasicPlaneDropped(text: string): string {
  return text.replace(/[\u{10000}-\u{10FFFF}]/gu, '');
}
