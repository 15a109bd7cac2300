import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../domain/import-report.js';
import { runSummary } from '../../../test/support/sample-runs.js';
import { translator, type Language } from '../i18n.js';
import { RunPage } from './history-page.js';

const summary = (gescomCalls: RunSummary['gescomCalls']): RunSummary =>
  runSummary({
    counts: { read: 2, imported: 2, upgraded: 0, skipped: 0, failed: 0, planned: 0 },
    webserviceCallsByResource: { orders: 4 },
    ...(gescomCalls && { gescomCalls }),
  });

async function facts(calls: RunSummary['gescomCalls'], language: Language): Promise<string> {
  const page = { t: translator(language), language, csrfToken: 'x', path: '/history/run-1' };
  const html = String(
    await (
      <RunPage
        page={page}
        summary={summary(calls)}
        journal={[]}
        outcomes={[]}
        truncated={false}
        outcome={undefined}
      />
    ),
  );
  // The run's facts, tags dropped: "label : value" lines.
  const list = /<dl class="facts">([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '';
  return list
    .replace(/<dt>/g, '\n')
    .replace(/<\/dt>\s*<dd[^>]*>/g, ' : ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&rsquo;|’/g, '’');
}

describe('the run page says what the run cost the GesCom', () => {
  const dolibarr = {
    target: 'dolibarr' as const,
    total: 7,
    byResource: { orders: 4, thirdparties: 2, products: 1 },
  };

  it('Dolibarr: its calls in all and by resource, the costliest first, in French and in English', async () => {
    const french = await facts(dolibarr, 'fr');
    expect(french).toContain('Appels à Dolibarr : 7');
    expect(french).toContain('Appels à Dolibarr par ressource : orders 4 · thirdparties 2 · products 1');
    const english = await facts(dolibarr, 'en');
    expect(english).toContain('Calls to Dolibarr : 7');
    expect(english).toContain('Calls to Dolibarr by resource : orders 4 · thirdparties 2 · products 1');
  });

  it('the embedded GesCom: none, and why', async () => {
    const embedded = { target: 'embedded' as const, total: 0, byResource: {} };
    expect(await facts(embedded, 'fr')).toContain(
      'Appels à la gestion commerciale : aucun : la gestion commerciale intégrée est dans la base de navette',
    );
    expect(await facts(embedded, 'en')).toContain(
      'Calls to the sales management : none: the embedded sales management lives in navette’s own database',
    );
    expect(await facts(embedded, 'fr')).not.toContain('Dolibarr');
  });

  it('a run recorded before they were counted: a dash', async () => {
    expect(await facts(undefined, 'fr')).toContain('Appels à la gestion commerciale : —');
  });
});
