import { describe, expect, it } from 'vitest';
import type { JournalEntry, OrderOutcome, RunSummary } from '../../domain/import-report.js';
import { runSummary } from '../../../test/support/sample-runs.js';
import { translator, type Language } from '../i18n.js';
import { RunPage } from './history-page.js';

/** A run's page as a shop owner reads it in each language: its fatal message, notes and customers. */

const summary = (fatal?: RunSummary['fatal']): RunSummary =>
  runSummary({
    counts: { read: 2, imported: 1, upgraded: 0, skipped: 1, failed: 0, planned: 0 },
    fatal,
    status: fatal === undefined ? 'succeeded' : 'failed',
  });

const outcome = (orderId: number, fields: Partial<OrderOutcome>): OrderOutcome => ({
  shopId: 1,
  orderId,
  reference: `REF${orderId}`,
  orderDate: '2026-11-20 10:00:00',
  stateId: 2,
  stateName: 'Paiement accepté',
  customerName: '',
  totalTaxIncl: '59.90',
  currency: 'EUR',
  status: 'skipped',
  document: undefined,
  code: 'state-not-selected',
  reason: undefined,
  notes: [],
  ...fields,
});

const IMPORTED = outcome(1, {
  status: 'imported',
  customerName: 'Jeanne Martin',
  code: undefined,
  notes: [
    'Aucun règlement enregistré dans la boutique pour cette commande payée : un règlement du total payé est créé.',
  ],
  noteData: [{ code: 'payment-not-recorded', data: {} }],
});
const OLD_NOTE = outcome(2, {
  status: 'imported',
  customerName: 'Paul',
  code: undefined,
  notes: ['Note d’avant.'],
});
const SKIPPED_KNOWN = outcome(3, { code: 'already-imported', customerName: 'Zoé L’Hôte' });
const SKIPPED_UNREAD = outcome(4, {});

const TIMEOUT = 'La boutique n’a pas répondu en 30 s à https://shop.example/api/orders.';
const journal: JournalEntry[] = [
  {
    at: '2026-11-27T10:00:01.000Z',
    level: 'error',
    message: TIMEOUT,
    shopId: undefined,
    orderId: undefined,
    note: {
      code: 'run-stopped',
      failureCode: 'timeout',
      data: { url: 'https://shop.example/api/orders', seconds: 30, side: 'shop' },
    },
  },
];

async function page(language: Language, fatal?: RunSummary['fatal']): Promise<string> {
  const context = { t: translator(language), language, csrfToken: 'x', path: '/history/run-1' };
  const html = String(
    await (
      <RunPage
        page={context}
        summary={summary(fatal)}
        journal={fatal === undefined ? [] : journal}
        outcomes={[IMPORTED, OLD_NOTE, SKIPPED_KNOWN, SKIPPED_UNREAD]}
        truncated={false}
        outcome={undefined}
      />
    ),
  );
  return html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

describe('a run’s page in its language', () => {
  it('says the failure that stopped the run in English, from the values its journal line keeps', async () => {
    const english = await page('en', { code: 'timeout', message: TIMEOUT });
    const banner = /<div class="notice error"[^>]*>([^<]*)<\/div>/.exec(english)?.[1];
    expect(banner).toBe(
      'The shop did not answer within 30 s at https://shop.example/api/orders, even after several attempts: ' +
        'try again later or reduce the size of the pages.',
    );
    expect(english).not.toContain('n’a pas répondu');
    expect(await page('fr', { code: 'timeout', message: TIMEOUT })).toContain(TIMEOUT);
  });

  it('says an imported order’s notes in English, and older notes as they were kept', async () => {
    const english = await page('en');
    expect(english).toContain(
      'No payment recorded in the shop for this paid order: a payment of the total paid is created.',
    );
    expect(english).not.toContain('Aucun règlement');
    expect(english).toContain('Note d’avant.');
    expect(await page('fr')).toContain('Aucun règlement enregistré');
  });

  it('names the customer of a skipped order when known, and says it was not read otherwise', async () => {
    const cells = (html: string) =>
      [...html.matchAll(/<tr data-order-key="[^"]+">([\s\S]*?)<\/tr>/g)].map(
        (row) => [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)][3]?.[1] ?? '',
      );
    const english = cells(await page('en'));
    expect(english.slice(0, 3)).toEqual(['Jeanne Martin', 'Paul', 'Zoé L’Hôte']);
    expect(english[3]).toMatch(/^<span class="help" title="Customer not read: [^"]+">not read<\/span>$/);
    expect(cells(await page('fr'))[3]).toMatch(/>non lu<\/span>$/);
  });
});
