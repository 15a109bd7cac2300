import { describe, expect, it } from 'vitest';
import { runSummary } from '../../test/support/sample-runs.js';
import { EXIT } from './exit-codes.js';
import { exitCodeOf, runProgress, summaryText } from './run-progress.js';

describe('the end of a run on the command line', () => {
  it('says what the run cost the shop, resource by resource, the costliest first', () => {
    const text = summaryText(
      runSummary({ webserviceCalls: 4, webserviceCallsByResource: { orders: 1, order_details: 2, '': 1 } }),
    );
    expect(text).toContain('4 appels webservice');
    expect(text).toContain('appels par ressource : order_details 2 · /api/ 1 · orders 1');
    expect(summaryText(runSummary({}))).not.toContain('par ressource');
  });

  it('says what the run cost Dolibarr, resource by resource; nothing for the embedded GesCom', () => {
    const intoDolibarr = summaryText(
      runSummary({
        gescomCalls: { target: 'dolibarr', total: 9, byResource: { orders: 6, thirdparties: 3 } },
      }),
    );
    expect(intoDolibarr).toContain('  9 appels à Dolibarr : orders 6 · thirdparties 3\n');
    const embedded = summaryText(
      runSummary({ gescomCalls: { target: 'embedded', total: 0, byResource: {} } }),
    );
    expect(embedded).not.toMatch(/Dolibarr|gestion commerciale/);
  });

  it('exits 0 only when nothing failed', () => {
    const done = runSummary({});
    expect(exitCodeOf(done)).toBe(EXIT.ok);
    expect(summaryText(done)).toMatch(/^✓ TERMINÉ\n/);
  });

  it.each([
    ['an order failed', { counts: { read: 3, imported: 2, upgraded: 0, skipped: 0, failed: 1, planned: 0 } }],
    ['a state write-back failed', { stateChanges: { sent: 2, skipped: 0, failed: 1 } }],
    ['the store counted the run partial', { status: 'partial' as const }],
  ])('exits 1 with "TERMINÉ AVEC DES ÉCHECS" when %s', (_case, overrides) => {
    const partial = runSummary(overrides);
    expect(summaryText(partial)).toMatch(/TERMINÉ AVEC DES ÉCHECS/);
    expect(exitCodeOf(partial)).toBe(EXIT.someOrdersFailed);
  });

  it('exits 3 for a run that could not run, and strips control characters from its message', () => {
    const fatal = runSummary({
      status: 'failed',
      fatal: { code: 'shop-unreachable', message: 'hors\u001b[31m ligne\u0007' },
    });
    expect(exitCodeOf(fatal)).toBe(EXIT.couldNotRun);
    expect(summaryText(fatal)).toBe("✗ L'import n'a pas pu se faire : hors[31m ligne");
  });
});

describe('a run on the command line speaks French', () => {
  it('gives the period as dd/mm/yyyy and the duration with a decimal comma, never ISO or a point', () => {
    const written: string[] = [];
    const out = { write: (text: string) => written.push(text) } as unknown as NodeJS.WritableStream;
    const show = runProgress(out, false);
    show({
      type: 'started',
      runId: 'run-1',
      dryRun: true,
      period: { from: '2026-09-17 00:00:00', to: '2026-11-17 23:59:59', dateField: 'order' },
      shopIds: [1, 2],
    });
    show({ type: 'finished', summary: runSummary({ durationMs: 1250 }) });
    const text = written.join('');
    expect(text).toContain('Aperçu des commandes du 17/09/2026 au 17/11/2026 (boutiques 1, 2)');
    expect(text).toContain('durée 1,3\u00a0s');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d\.\d/);
  });
});
