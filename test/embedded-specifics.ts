import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCustomer, listCustomers } from '../src/adapters/embedded/gescom/customer-accounts.js';
import type { EmbeddedDatabase } from '../src/adapters/embedded/database.js';
import { isExpectedFailure } from '../src/domain/failure.js';
import { amount } from '../src/domain/money.js';
import type { GescomTarget } from '../src/ports/gescom-target.js';
import type { SyncStore } from '../src/ports/sync-store.js';
import { ManualClock } from './contract/manual-clock.js';
import { customer, draft, line, record } from './contract/sample-documents.js';

interface Embedded {
  readonly database: EmbeddedDatabase;
  readonly target: GescomTarget;
  readonly store: SyncStore;
  close(): Promise<void>;
}

/** What only the embedded GesCom promises (its numbering, VAT codes, reference data, reset log). */
export function embeddedSpecifics(name: string, open: (clock: ManualClock) => Promise<Embedded>): void {
  describe(`embedded GesCom specifics on ${name}`, () => {
    let subject: Embedded;
    let clock: ManualClock;
    beforeEach(async () => {
      clock = new ManualClock();
      subject = await open(clock);
    });
    afterEach(async () => {
      await subject.close();
    });

    it('numbers documents in the souche of their type, Sage style', async () => {
      const { target } = subject;
      const numbers = [];
      for (const orderId of [1, 2])
        numbers.push(
          (await target.importDocument(draft({ shopId: 1, orderId }), record({ shopId: 1, orderId }))).number,
        );
      numbers.push(
        (
          await target.importDocument(
            draft({ shopId: 1, orderId: 3 }, { type: 'order' }),
            record({ shopId: 1, orderId: 3 }),
          )
        ).number,
      );
      numbers.push(
        (
          await target.importDocument(
            draft({ shopId: 1, orderId: 4 }, { type: 'order', series: 'BCW' }),
            record({ shopId: 1, orderId: 4 }),
          )
        ).number,
      );
      const transformed = await target.transformDocument(
        numbers[0] ?? '',
        { type: 'order', status: 'confirmed' },
        record({ shopId: 1, orderId: 1 }),
      );
      expect([...numbers, transformed.number]).toEqual([
        'DE00001',
        'DE00002',
        'BC00001',
        'BCW00001',
        'BC00002',
      ]);
      expect(transformed.type).toBe('order');
    });

    it('maps VAT rates to codes, creating the code of a rate it did not know', async () => {
      const created = await subject.target.importDocument(
        draft(
          { shopId: 1, orderId: 5 },
          {
            lines: [
              line({ vatRate: amount('20.000') }),
              line({ articleReference: 'VIN-BLANC', vatRate: amount('8.5') }),
              line({ articleReference: 'LIVRE', vatRate: amount('21') }),
            ],
          },
        ),
        record({ shopId: 1, orderId: 5 }),
      );
      const document = await subject.target.getDocument(created.number);
      expect(document?.lines.map((l) => l.vatCode)).toEqual(['C20', 'C85', 'C21A']);
    });

    it('creates an unknown payment mode and keeps the generic account untouched', async () => {
      const generic = customer({
        code: 'CLIENTWEB',
        name: 'Jean Martin',
        email: 'jean@example.fr',
        generic: true,
      });
      const created = await subject.target.importDocument(
        draft(
          { shopId: 1, orderId: 6 },
          {
            customer: generic,
            payments: [
              {
                modeCode: 'STRIPE',
                journal: '',
                amount: amount('23.95'),
                date: '2025-03-10',
                transactionId: 'pi_1',
                label: 'Stripe',
              },
            ],
          },
        ),
        record({ shopId: 1, orderId: 6 }),
      );
      expect(created.customerName).toBe('Jean Martin');
      const account = await getCustomer(subject.database, 'CLIENTWEB');
      expect(account).toMatchObject({
        code: 'CLIENTWEB',
        name: 'Clients web',
        email: '',
        generic: true,
        billingAddress: undefined,
      });
      const mode = await subject.database.db
        .selectFrom('payment_modes')
        .selectAll()
        .where('code', '=', 'STRIPE')
        .executeTakeFirst();
      expect(mode?.label).toBe('STRIPE');
      const personal = await getCustomer(subject.database, 'WEB000042');
      expect(personal).toBeUndefined();
      await subject.target.importDocument(
        draft({ shopId: 1, orderId: 7 }),
        record({ shopId: 1, orderId: 7 }),
      );
      expect(await getCustomer(subject.database, 'WEB000042')).toMatchObject({
        email: 'camille.dupre@example.fr',
        generic: false,
        billingAddress: { city: 'Lyon' },
      });
      const listed = await listCustomers(subject.database, { search: 'dupré' });
      expect(listed.items.map((c) => c.code)).toEqual(['WEB000042']);
      expect((await listCustomers(subject.database)).total).toBe(2);
    });

    it('finds articles by EAN13', async () => {
      await subject.database.db
        .insertInto('articles')
        .values({
          reference: 'MUG-01',
          label: 'Mug',
          ean13: '3700000000017',
          vat_code: 'C20',
          special: 0,
          created_at: 'x',
        })
        .execute();
      const found = await subject.target.findArticles({ references: [], ean13s: ['3700000000017', ''] });
      expect(found).toEqual([{ reference: 'MUG-01', ean13: '3700000000017', label: 'Mug' }]);
    });

    it('links each transformed line to the line it came from, and the payments follow the document', async () => {
      const key = { shopId: 1, orderId: 8 };
      const quote = await subject.target.importDocument(
        draft(key, {
          payments: [
            {
              modeCode: 'CB',
              journal: 'BQ',
              amount: amount('23.95'),
              date: '2025-03-10',
              transactionId: 't',
              label: 'CB',
            },
          ],
        }),
        record(key),
      );
      const order = await subject.target.transformDocument(
        quote.number,
        { type: 'order', status: 'accepted' },
        record(key),
      );
      const { db } = subject.database;
      const lines = await db
        .selectFrom('document_lines as copy')
        .innerJoin('document_lines as origin', 'origin.id', 'copy.origin_line_id')
        .innerJoin('documents', 'documents.id', 'origin.document_id')
        .select(['documents.number as originNumber', 'copy.position', 'origin.position as originPosition'])
        .execute();
      expect(lines).toEqual(
        [1, 2, 3].map((position) => ({ originNumber: quote.number, position, originPosition: position })),
      );
      const transformation = await db.selectFrom('transformations').selectAll().executeTakeFirstOrThrow();
      expect(transformation).toMatchObject({
        source_number: quote.number,
        target_number: order.number,
        source_type: 'quote',
        target_type: 'order',
      });
      expect((await subject.target.getDocument(order.number))?.payments).toHaveLength(1);
      expect((await subject.target.getDocument(quote.number))?.payments).toHaveLength(0);
      expect((await subject.target.getDocument(order.number))?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('starts a first read of the transformations at a given instant, and keeps its place when none is that recent', async () => {
      const { target } = subject;
      const empty = await target.transformationsSince(undefined, 10, { from: clock.now().toISOString() });
      expect(empty).toEqual({ items: [], cursor: '0' });
      const quoteOf = async (orderId: number) =>
        (await target.importDocument(draft({ shopId: 1, orderId }), record({ shopId: 1, orderId }))).number;
      const old = await quoteOf(31);
      await target.transformDocument(old, { type: 'order', status: 'draft' });
      clock.advance(86_400_000);
      const from = clock.now().toISOString();
      // Nothing since `from`: the cursor passes the history, and what comes later is read from there.
      const none = await target.transformationsSince(undefined, 10, { from });
      expect(none.items).toEqual([]);
      expect(none.cursor).not.toBe('0');
      const recent = await target.transformDocument(await quoteOf(32), { type: 'order', status: 'draft' });
      expect((await target.transformationsSince(none.cursor, 10)).items.map((t) => t.number)).toEqual([
        recent.number,
      ]);
      // The same first read, now with something recent: only that, and the cursor after it.
      const first = await target.transformationsSince(undefined, 10, { from });
      expect(first.items.map((t) => t.number)).toEqual([recent.number]);
      expect((await target.transformationsSince(first.cursor, 10)).items).toEqual([]);
      // `from` is for a first read only: with a cursor, every later transformation counts.
      expect((await target.transformationsSince('0', 10, { from })).items).toHaveLength(2);
    });

    it('lets a cancelled order be imported again after a deliberate reset', async () => {
      const key = { shopId: 1, orderId: 9 };
      const first = await subject.target.importDocument(draft(key), record(key));
      await subject.target.cancelDocument(first.number, 'annulée');
      expect(await subject.store.resetImports({ keys: [key] }, 'réimport après annulation')).toBe(1);
      const second = await subject.target.importDocument(draft(key), record(key));
      expect((await subject.target.findByExternalKey('ps-1-9'))?.number).toBe(second.number);
      const reset = await subject.database.db
        .selectFrom('ledger_resets')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(reset).toMatchObject({
        scope: 'keys',
        order_keys: '["ps-1-9"]',
        reason: 'réimport après annulation',
        forgotten: 1,
      });
      expect(reset.actor).not.toBe('');
      const journal = await subject.database.db
        .selectFrom('journal')
        .selectAll()
        .where('run_id', 'is', null)
        .execute();
      expect(journal[0]?.message).toContain('réimport après annulation');
    });

    it('writes a group of documents together, each whole with its record or not at all, a refused one alone', async () => {
      const { target, store } = subject;
      const existing = await target.importDocument(
        draft({ shopId: 2, orderId: 3 }),
        record({ shopId: 2, orderId: 3 }),
      );
      // A payment mode, a VAT rate and an article the GesCom does not know yet, in the first two documents.
      const withNewThings = (orderId: number) =>
        draft(
          { shopId: 2, orderId },
          {
            lines: [line({ articleReference: 'THE-BLANC', vatRate: amount('7.7') })],
            payments: [
              {
                modeCode: 'TWINT',
                journal: 'BQ1',
                amount: amount('30'),
                date: '2025-03-11',
                transactionId: '',
                label: 'TWINT',
              },
            ],
          },
        );
      const keys = [1, 2, 3, 4].map((orderId) => ({ shopId: 2, orderId }));
      const attempts = await target.importDocuments!([
        // Refused last of all, by the database, on its record: a state change without its state.
        {
          draft: withNewThings(1),
          record: record(keys[0]!, {
            stateChanges: [{ expectedStateId: null as unknown as number, newStateId: 2, sendEmail: false }],
          }),
        },
        { draft: withNewThings(2), record: record(keys[1]!) },
        { draft: draft(keys[2]!), record: record(keys[2]!) },
        { draft: draft(keys[3]!), record: record(keys[3]!) },
      ]);
      expect(attempts.map((attempt) => attempt.ok)).toEqual([false, true, false, true]);
      const duplicate = attempts[2]!;
      expect(!duplicate.ok && isExpectedFailure(duplicate.error) && duplicate.error.code).toBe(
        'already-imported',
      );
      // The refused document took nothing with it: no number, no ledger entry; the others are whole.
      expect(attempts.flatMap((attempt) => (attempt.ok ? [attempt.document.number] : []))).toEqual([
        'DE00002',
        'DE00003',
      ]);
      expect(await target.findByExternalKey('ps-2-1')).toBeUndefined();
      const ledger = await store.findImports(keys);
      expect([...ledger.keys()].sort()).toEqual(['ps-2-2', 'ps-2-3', 'ps-2-4']);
      expect(ledger.get('ps-2-3')?.documentNumber).toBe(existing.number);
      const second = await target.getDocument('DE00002');
      expect(second?.payments.map((payment) => payment.modeCode)).toEqual(['TWINT']);
      expect(second?.lines[0]?.vatCode).toMatch(/^C77/);
    });

    it('in a group, a customer and an article are read once yet stay right: blanks filled by a later order, what a refused document created made again', async () => {
      const { target } = subject;
      // The same customer thrice: first without a phone, then with one; the second order refused.
      const quiet = customer({ code: 'WEB000077', phone: '' });
      const refusedRecord = record(
        { shopId: 4, orderId: 2 },
        { stateChanges: [{ expectedStateId: null as unknown as number, newStateId: 2, sendEmail: false }] },
      );
      const withTea = (orderId: number, account = quiet) =>
        draft(
          { shopId: 4, orderId },
          {
            customer: account,
            lines: [line({ articleReference: `THE-NOIR-${orderId === 2 ? 'NEUF' : 'EARL'}` })],
          },
        );
      const newFriend = customer({ code: 'WEB000078' });
      const attempts = await target.importDocuments!([
        { draft: withTea(1), record: record({ shopId: 4, orderId: 1 }) },
        // Creates the customer WEB000078 and the article THE-NOIR-NEUF, then is refused: both go with it.
        { draft: withTea(2, newFriend), record: refusedRecord },
        { draft: withTea(3, { ...quiet, phone: '0600000000' }), record: record({ shopId: 4, orderId: 3 }) },
        {
          draft: draft(
            { shopId: 4, orderId: 4 },
            { customer: newFriend, lines: [line({ articleReference: 'THE-NOIR-NEUF' })] },
          ),
          record: record({ shopId: 4, orderId: 4 }),
        },
        { draft: withTea(5), record: record({ shopId: 4, orderId: 5 }) },
      ]);
      expect(attempts.map((attempt) => attempt.ok)).toEqual([true, false, true, true, true]);
      // Numbers counted within the group: none lost to the refused one, and the series stored after it.
      const numbers = attempts.flatMap((attempt) => (attempt.ok ? [attempt.document.number] : []));
      const next = await target.importDocument(
        draft({ shopId: 4, orderId: 6 }),
        record({ shopId: 4, orderId: 6 }),
      );
      expect([...numbers, next.number]).toEqual(['DE00001', 'DE00002', 'DE00003', 'DE00004', 'DE00005']);
      expect((await getCustomer(subject.database, 'WEB000077'))?.phone).toBe('0600000000');
      expect(await getCustomer(subject.database, 'WEB000078')).toMatchObject({ code: 'WEB000078' });
      const fourth = attempts[3]!;
      const document = fourth.ok ? await target.getDocument(fourth.document.number) : undefined;
      expect(document?.lines.map((l) => l.articleReference)).toEqual(['THE-NOIR-NEUF']);
      expect(document?.customerCode).toBe('WEB000078');
    });

    it('in a group, an order twice is imported once: the second is already imported as the first', async () => {
      const { target } = subject;
      const earlier = await target.importDocument(
        draft({ shopId: 5, orderId: 1 }),
        record({ shopId: 5, orderId: 1 }),
      );
      const attempts = await target.importDocuments!(
        [1, 2, 2, 3].map((orderId) => ({
          draft: draft({ shopId: 5, orderId }),
          record: record({ shopId: 5, orderId }),
        })),
      );
      expect(attempts.map((attempt) => attempt.ok)).toEqual([false, true, false, true]);
      const reasons = attempts.map((attempt) => (attempt.ok ? '' : String((attempt.error as Error).message)));
      expect(reasons[0]).toContain(earlier.number);
      const second = attempts[1]!;
      expect(reasons[2]).toContain(second.ok ? second.document.number : 'a number');
      const twice = attempts[2]!.ok ? undefined : attempts[2]!.error;
      expect(isExpectedFailure(twice) && twice.code).toBe('already-imported');
      // Told by what the group read and wrote, before any write: not the unique index's refusal.
      expect((twice as Error).cause).toBeUndefined();
    });

    it('lets only one of two simultaneous imports of the same order through', async () => {
      const key = { shopId: 3, orderId: 1 };
      const results = await Promise.allSettled(
        [1, 2, 3].map(() => subject.target.importDocument(draft(key), record(key))),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected')
          expect(isExpectedFailure(result.reason) && result.reason.code).toBe('already-imported');
      }
    });

    it('stores amounts as exact decimals', async () => {
      const created = await subject.target.importDocument(
        draft(
          { shopId: 1, orderId: 10 },
          { totals: { taxExcl: amount('0.1'), tax: amount('0.2'), taxIncl: amount('123456789012.123456') } },
        ),
        record({ shopId: 1, orderId: 10 }),
      );
      const row = await subject.database.db
        .selectFrom('documents')
        .select(['total_tax_excl', 'total_tax_incl'])
        .where('number', '=', created.number)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ total_tax_excl: '0.1', total_tax_incl: '123456789012.123456' });
      expect(created.totals.taxExcl.plus(created.totals.tax).toFixed()).toBe('0.3');
    });

    it('keeps the six-decimal totals, the addresses and the shop line ids exactly as written', async () => {
      const key = { shopId: 1, orderId: 42 };
      const created = await subject.target.importDocument(
        draft(key, { type: 'order', status: 'confirmed' }),
        record(key),
      );
      const document = await subject.target.getDocument(created.number);
      expect(document?.totals.taxExcl.toFixed()).toBe('22.019944');
      expect(document?.totals.tax.toFixed()).toBe('1.930056');
      expect(document?.billingAddress).toEqual(draft(key).billingAddress);
      expect(document?.deliveryAddress?.line2).toBe('');
      expect(document?.lines[0]?.sourceLineId).toBe(501);
      expect(document?.lines[0]?.totalTaxExcl.toFixed()).toBe('18.957346');
    });
  });
}
