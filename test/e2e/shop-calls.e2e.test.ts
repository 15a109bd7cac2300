import { afterEach, describe, expect, it } from 'vitest';
import { openDemoNavette, type DemoNavette } from '../support/demo-navette.js';

/**
 * What a run costs the shop, counted by the demo shop itself (counts, not times): SPEC §8 "nothing but
 * one call when nothing is new", and a handful of calls per hundred orders.
 */
describe('webservice calls of a run', () => {
  let demo: DemoNavette | undefined;
  afterEach(async () => {
    await demo?.close();
    demo = undefined;
  });

  it('makes exactly one call when the period holds only orders already imported and unchanged', async () => {
    demo = await openDemoNavette({ shop: { generated: { seed: 5, count: 600 } } });
    const first = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(first.counts.failed).toBe(0);
    demo.shop.calls.reset();
    const again = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(again.counts.imported + again.counts.upgraded + again.counts.failed).toBe(0);
    expect(again.counts.skipped).toBe(first.counts.read);
    expect(demo.shop.calls.byResourceAndMethod()).toEqual({ orders: { GET: 1 } });
    expect(again.webserviceCalls).toBe(1);
  }, 120_000);

  it('imports a fresh shop with messages in at most 3 calls per 100 orders', async () => {
    demo = await openDemoNavette({
      shop: { generated: { seed: 6, count: 2000 } },
      config: { document: { messages: 'all' } },
    });
    const run = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(run.counts.imported).toBeGreaterThan(1000);
    expect(demo.shop.calls.total()).toBe(run.webserviceCalls);
    // The run's report says the same, resource by resource, as the shop counted them.
    expect(run.webserviceCallsByResource).toEqual(demo.shop.calls.byResource());
    expect((await demo.navette.run(run.runId))?.webserviceCallsByResource).toEqual(
      demo.shop.calls.byResource(),
    );
    expect(demo.shop.calls.total() / run.counts.read).toBeLessThanOrEqual(3 / 100);
  }, 180_000);
});
