import { describe, expect, it } from 'vitest';
import { configSchema, type NavetteConfigInput } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { ExpectedFailure } from '../domain/failure.js';
import type { OrderOutcome } from '../domain/import-report.js';
import type { ImportRules } from '../domain/rules.js';
import type { ShopOrder, SourcedOrder } from '../domain/shop-order.js';
import type { OrderHeader } from '../ports/order-source.js';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { openMemoryGescom } from '../../test/fakes/memory-gescom-and-store.js';
import { MemoryOrderSource } from '../../test/fakes/memory-order-source.js';
import { ORDER_STATES_8_1_2, expectedShopOrder } from '../../test/support/expected-orders.js';
import type { ImportAttempt, ImportItem } from '../ports/gescom-target.js';
import { IMPORT_GROUP, importPage, type PageContext } from './import-page.js';

/**
 * One slim page imported on its own, over the in-memory shop, GesCom and store. Order 7 of the recorded
 * shop has three lines: `demo_12`, `CARN-RENARD-QUAD` and `MAG-DECO-128`, none with an EAN13.
 */

const SHOP_URL = 'https://shop.example';
const BASE = expectedShopOrder(7);
const stateOf = (stateId: number) => ORDER_STATES_8_1_2.find((state) => state.id === stateId)!;
const REFERENCES = BASE.lines.map((line) => line.reference);

const order = (orderId: number, stateId = 2): ShopOrder => ({
  ...BASE,
  key: { shopId: 1, orderId },
  dateAdd: `2026-11-20 10:00:${String(orderId).padStart(2, '0')}`,
  state: stateOf(stateId),
});

function rulesWith(overrides: Partial<NavetteConfigInput> = {}): ImportRules {
  return configSchema.parse({ ...starterConfig(SHOP_URL), ...overrides });
}

function setup(orders: readonly ShopOrder[], config: ImportRules = rulesWith()) {
  const clock = new ManualClock('2026-11-27T10:00:00.000Z');
  const { target, store } = openMemoryGescom(clock);
  const source = new MemoryOrderSource({ states: ORDER_STATES_8_1_2, orders });
  /** What `completeOrders` was asked, batch by batch. */
  const asked: { keys: number[]; withMessages: boolean }[] = [];
  const context = (change: Partial<PageContext> = {}): PageContext => ({
    source: {
      completeOrders: (headers, options) => {
        asked.push({ keys: headers.map((header) => header.key.orderId), withMessages: options.withMessages });
        return source.completeOrders(headers);
      },
    },
    withMessages: false,
    target,
    store,
    config,
    rules: new Map(config.states.map((rule) => [rule.id, rule])),
    statesById: new Map(ORDER_STATES_8_1_2.map((state) => [state.id, state])),
    excluded: new Set(),
    dryRun: false,
    runId: 'run-1',
    today: '2026-11-27',
    ...change,
  });
  const headers = async (): Promise<OrderHeader[]> => {
    const page: OrderHeader[] = [];
    for await (const part of source.readOrderHeaders({
      shopIds: [1],
      stateIds: ORDER_STATES_8_1_2.map((state) => state.id),
      dateField: 'date_add',
      from: '2026-11-01 00:00:00',
      to: '2026-11-30 23:59:59',
      withMessages: false,
    }))
      page.push(...part);
    return page;
  };
  return { source, target, store, asked, context, headers };
}

const statusOf = (outcomes: readonly (OrderOutcome | undefined)[]) =>
  outcomes.map(
    (outcome) => outcome && `${outcome.orderId}:${outcome.status}${outcome.code ? `:${outcome.code}` : ''}`,
  );

describe('importPage', () => {
  it('reads whole, in one batch, only the orders left to do, with the messages when asked', async () => {
    const { asked, context, headers, target } = setup([order(1), order(2), order(3, 3)]);
    target.addArticles(REFERENCES.map((reference) => ({ reference, ean13: '', label: reference })));
    const first = await importPage(await headers(), context({ withMessages: true }));
    expect(statusOf(first)).toEqual(['1:imported', '2:imported', '3:skipped:state-not-selected']);
    expect(asked).toEqual([{ keys: [1, 2], withMessages: true }]);
    // Nothing left to do: no order is read whole.
    const again = await importPage(await headers(), context());
    expect(statusOf(again)).toEqual([
      '1:skipped:already-imported',
      '2:skipped:already-imported',
      '3:skipped:state-not-selected',
    ]);
    expect(asked).toHaveLength(1);
  });

  it('puts each line on the article the GesCom knows, a lower-case reference (demo_12) included', async () => {
    const { context, headers, target } = setup([order(1)]);
    target.addArticles(REFERENCES.map((reference) => ({ reference, ean13: '', label: reference })));
    const [outcome] = await importPage(await headers(), context());
    const document = await target.getDocument(outcome!.document!.number!);
    expect(
      document?.lines.filter((line) => line.kind === 'product').map((line) => line.articleReference),
    ).toEqual(REFERENCES);
    expect(outcome?.notes).toEqual([]);
  });

  it('puts a line on the generic article when the GesCom does not know its reference', async () => {
    const { context, headers, target } = setup([order(1)]);
    target.addArticles(REFERENCES.slice(1).map((reference) => ({ reference, ean13: '', label: reference })));
    const [outcome] = await importPage(await headers(), context());
    const document = await target.getDocument(outcome!.document!.number!);
    expect(
      document?.lines.filter((line) => line.kind === 'product').map((line) => line.articleReference),
    ).toEqual(['DIVERS', ...REFERENCES.slice(1)]);
  });

  it('finds an article by its EAN13 only when the setting asks', async () => {
    const withEan = {
      ...order(1),
      lines: BASE.lines.map((line, index) =>
        index === 0 ? { ...line, reference: 'INCONNU', ean13: '3760000000017' } : line,
      ),
    };
    const articles = [
      { reference: 'MUG-AVENTURE', ean13: '3760000000017', label: 'Mug' },
      { reference: 'SANS-EAN', ean13: '', label: 'Sans EAN' },
      ...REFERENCES.slice(1).map((reference) => ({ reference, ean13: '', label: reference })),
    ];
    const lineArticles = async (matchByEan13: boolean) => {
      const config = rulesWith();
      const { context, headers, target } = setup([withEan], {
        ...config,
        articles: { ...config.articles, matchByEan13 },
      });
      target.addArticles(articles);
      const [outcome] = await importPage(await headers(), context());
      const document = await target.getDocument(outcome!.document!.number!);
      return document?.lines.filter((line) => line.kind === 'product').map((line) => line.articleReference);
    };
    expect(await lineArticles(true)).toEqual(['MUG-AVENTURE', ...REFERENCES.slice(1)]);
    expect(await lineArticles(false)).toEqual(['DIVERS', ...REFERENCES.slice(1)]);
  });

  it('asks the GesCom once a page for the references and EAN13 codes of the lines read whole, never for blanks', async () => {
    const mixed = {
      ...order(1),
      lines: BASE.lines.map((line, index) =>
        index === 0 ? { ...line, reference: '' } : index === 1 ? { ...line, ean13: '3760000000017' } : line,
      ),
    };
    const asked = async (matchByEan13: boolean) => {
      const config = rulesWith();
      const { context, headers, target } = setup([mixed, order(2)], {
        ...config,
        articles: { ...config.articles, matchByEan13 },
      });
      const queries: unknown[] = [];
      const findArticles = target.findArticles.bind(target);
      target.findArticles = async (query) => {
        queries.push(query);
        return findArticles(query);
      };
      await importPage(await headers(), context());
      // Read again: both imported, nothing is read whole and the GesCom is not asked.
      await importPage(await headers(), context());
      return queries;
    };
    const references = [...REFERENCES.slice(1), ...REFERENCES];
    expect(await asked(true)).toEqual([{ references, ean13s: ['3760000000017'] }]);
    expect(await asked(false)).toEqual([{ references, ean13s: [] }]);
  });

  describe('an order the shop’s answer does not let read', () => {
    it('fails when of a selected state, with the shop’s reason and the state’s name', async () => {
      const { source, context, headers } = setup([order(1)]);
      source.refuse({ shopId: 1, orderId: 1 }, 'shop-read-failed', 'Réponse illisible.');
      const [outcome] = await importPage(await headers(), context());
      expect(outcome).toMatchObject({
        orderId: 1,
        stateId: 2,
        stateName: 'Paiement accepté',
        status: 'failed',
        code: 'shop-read-failed',
        reason: 'Réponse illisible.',
      });
    });

    it('of a state the run does not know: a cancellation says nothing unless imported before', async () => {
      const { source, context, headers, target } = setup([order(1), order(2), order(3)]);
      target.addArticles(REFERENCES.map((reference) => ({ reference, ean13: '', label: reference })));
      await importPage((await headers()).slice(0, 1), context());
      for (const orderId of [1, 2]) {
        source.moveOrder({ shopId: 1, orderId }, 6);
        source.refuse({ shopId: 1, orderId }, 'shop-read-failed', 'Réponse illisible.');
      }
      source.refuse({ shopId: 1, orderId: 3 }, 'shop-read-failed', 'Réponse illisible.');
      // States read before 2 and 6 existed (created in the shop since).
      const older = new Map(
        ORDER_STATES_8_1_2.filter((state) => state.id !== 6 && state.id !== 2).map((state) => [
          state.id,
          state,
        ]),
      );
      const outcomes = await importPage(await headers(), context({ statesById: older }));
      expect(statusOf(outcomes)).toEqual([
        '1:failed:shop-read-failed',
        undefined,
        '3:failed:shop-read-failed',
      ]);
      expect(outcomes[0]).toMatchObject({ stateId: 6, stateName: '' });
      expect(outcomes[2]).toMatchObject({ stateId: 2, stateName: '' });
      // Nor when the state table does not know it either.
      const rules = new Map(
        rulesWith()
          .states.filter((rule) => rule.id !== 6)
          .map((rule) => [rule.id, rule]),
      );
      const unknown = await importPage(await headers(), context({ statesById: older, rules }));
      expect(unknown[1]).toBeUndefined();
    });

    it('without a readable state: failed, state 0', async () => {
      const { context, headers } = setup([order(1)]);
      const unreadable: SourcedOrder = {
        ok: false,
        key: { shopId: 1, orderId: 1 },
        reference: 'XKBKNABJK',
        stateId: undefined,
        code: 'shop-read-failed',
        message: 'Réponse illisible.',
      };
      const page = (await headers()).map((header) => ({ ...header, stateId: 99 }));
      const outcomes = await importPage(
        page,
        context({ source: { completeOrders: async () => [unreadable] } }),
      );
      expect(outcomes).toEqual([
        expect.objectContaining({
          orderId: 1,
          stateId: 0,
          stateName: '',
          status: 'failed',
          code: 'shop-read-failed',
        }),
      ]);
    });
  });

  describe('a GesCom that refuses a write', () => {
    it('stops the page when it is out of reach: the order fails nothing', async () => {
      const { context, headers, target } = setup([order(1)]);
      target.failNextWrite = new ExpectedFailure(
        'gescom-unavailable',
        'La gestion commerciale ne répond pas.',
      );
      await expect(importPage(await headers(), context())).rejects.toThrow(
        'La gestion commerciale ne répond pas.',
      );
    });

    it('fails the order alone on a bug, saying so', async () => {
      const { context, headers, target } = setup([order(1), order(2)]);
      target.addArticles(REFERENCES.map((reference) => ({ reference, ean13: '', label: reference })));
      target.failNextWrite = new Error('boom');
      const outcomes = await importPage(await headers(), context());
      expect(statusOf(outcomes)).toEqual(['1:failed:internal-error', '2:imported']);
      expect(outcomes[0]?.reason).toBe(
        'Erreur interne de navette (boom) : la commande sera reprise au prochain import ; signalez-la si elle persiste.',
      );
    });
  });
  describe('a GesCom that takes several writes at once (lanes)', () => {
    it('keeps the page’s order with settled, unreadable, imported and failed orders', async () => {
      const { source, context, headers, target } = setup([
        order(1),
        order(2),
        order(3),
        order(4),
        order(5, 3),
      ]);
      target.addArticles(REFERENCES.map((reference) => ({ reference, ean13: '', label: reference })));
      await importPage((await headers()).slice(0, 1), context());
      target.writeConcurrency = 4;
      source.refuse({ shopId: 1, orderId: 2 }, 'shop-read-failed', 'Réponse illisible.');
      target.failNextWrite = new Error('boom');
      const outcomes = await importPage(await headers(), context());
      expect(statusOf(outcomes)).toEqual([
        '1:skipped:already-imported',
        '2:failed:shop-read-failed',
        '3:failed:internal-error',
        '4:imported',
        '5:skipped:state-not-selected',
      ]);
      expect(target.writes.importDocument).toBe(3);
    });

    it('stops the page when the GesCom is out of reach, starting no further order', async () => {
      const { context, headers, target } = setup([order(1), order(2)]);
      target.writeConcurrency = 4;
      target.failNextWrite = new ExpectedFailure(
        'gescom-unavailable',
        'La gestion commerciale ne répond pas.',
      );
      await expect(importPage(await headers(), context())).rejects.toThrow(
        'La gestion commerciale ne répond pas.',
      );
    });
  });

  describe('the new documents written in groups', () => {
    /** Gives the GesCom a group write that records the size of each group. */
    function withGroupWrite(target: ReturnType<typeof setup>['target']): number[] {
      const groups: number[] = [];
      Object.assign(target, {
        importDocuments: async (items: readonly ImportItem[]): Promise<ImportAttempt[]> => {
          groups.push(items.length);
          const attempts: ImportAttempt[] = [];
          for (const { draft, record } of items)
            attempts.push({ ok: true, document: await target.importDocument(draft, record) });
          return attempts;
        },
      });
      return groups;
    }

    it('uses the GesCom’s group write, in groups of IMPORT_GROUP cut at each batch, never empty', async () => {
      const orders = Array.from({ length: 501 }, (_, index) => order(index + 1));
      const { asked, context, headers, target } = setup(orders);
      const groups = withGroupWrite(target);
      const outcomes = await importPage(await headers(), context());
      expect(asked.map((batch) => batch.keys.length)).toEqual([251, 250]);
      expect(IMPORT_GROUP).toBe(100);
      expect(groups).toEqual([100, 100, 51, 100, 100, 50]);
      expect(outcomes.filter((outcome) => outcome?.status === 'imported')).toHaveLength(501);
      expect(outcomes.map((outcome) => outcome?.orderId)).toEqual(
        (await headers()).map((header) => header.key.orderId),
      );
    });

    it('not in lanes for a GesCom that takes one write at a time, in lanes (one by one) for more', async () => {
      const one = setup([order(1), order(2)]);
      const oneGroups = withGroupWrite(one.target);
      expect(statusOf(await importPage(await one.headers(), one.context()))).toEqual([
        '1:imported',
        '2:imported',
      ]);
      expect(oneGroups).toEqual([2]);
      const four = setup([order(1), order(2)]);
      const fourGroups = withGroupWrite(four.target);
      four.target.writeConcurrency = 4;
      expect(statusOf(await importPage(await four.headers(), four.context()))).toEqual([
        '1:imported',
        '2:imported',
      ]);
      expect(fourGroups).toEqual([]);
      expect(four.target.writes.importDocument).toBe(2);
    });

    it('fails alone the cancellation of a draft the GesCom refuses on a bug', async () => {
      const { source, context, headers, target } = setup(
        [order(1, 1), order(2)],
        rulesWith({ document: { cancelDraftWhenOrderCancelled: true } }),
      );
      target.addArticles(REFERENCES.map((reference) => ({ reference, ean13: '', label: reference })));
      await importPage((await headers()).slice(0, 1), context());
      source.moveOrder({ shopId: 1, orderId: 1 }, 6);
      target.cancelDocument = async () => {
        throw new Error('boom');
      };
      const outcomes = await importPage(await headers(), context());
      expect(statusOf(outcomes)).toEqual(['1:failed:internal-error', '2:imported']);
      expect(outcomes[0]?.reason).toContain('boom');
    });

    it('does not ask the GesCom for articles when no order of the page could be read', async () => {
      const { source, context, headers, target } = setup([order(1)]);
      source.refuse({ shopId: 1, orderId: 1 }, 'shop-read-failed', 'Réponse illisible.');
      const queries: unknown[] = [];
      target.findArticles = async (query) => {
        queries.push(query);
        return [];
      };
      expect(statusOf(await importPage(await headers(), context()))).toEqual(['1:failed:shop-read-failed']);
      expect(queries).toEqual([]);
    });
  });
});
