import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATE_TABLE } from '../../src/config/defaults.js';
import { PRODUCTS } from '../../src/demo-shop/data/catalogue.js';
import type { ArticleImport } from '../../src/app/navette.js';
import { ensureBuiltCli, navetteCli } from '../support/built-cli.js';
import { openDemoNavette, type DemoNavette } from '../support/demo-navette.js';

/**
 * A real shop's first import into a new embedded GesCom: without articles every line lands on DIVERS;
 * `navette articles import` loads the shop's catalogue first, a page at a time.
 */
describe('navette articles import, against the demo shop', () => {
  let demo: DemoNavette;
  let first: ArticleImport;
  let callsByResource: Record<string, number>;
  const states = DEFAULT_STATE_TABLE.map((rule) => ({ ...rule, selected: true, changeStateTo: null }));

  beforeAll(async () => {
    demo = await openDemoNavette({ config: { states } });
    expect(await demo.navette.articleCount()).toBe(0);
    demo.shop.calls.reset();
    first = await demo.navette.importArticles();
    callsByResource = demo.shop.calls.byResource();
  });
  afterAll(async () => demo?.close());

  const simple = PRODUCTS.filter((product) => product.combinations.length === 0);
  const combinations = PRODUCTS.flatMap((product) => product.combinations);

  it('reads every product and combination, and adds each one that has a reference', async () => {
    const withoutReference =
      simple.filter((product) => product.reference === '').length +
      combinations.filter((combination) => combination.reference === '').length;
    expect(withoutReference).toBeGreaterThan(0);
    expect(first).toMatchObject({
      read: simple.length + combinations.length,
      added: simple.length + combinations.length - withoutReference,
      alreadyKnown: 0,
      skippedWithoutReference: withoutReference,
    });
    expect(await demo.navette.articleCount()).toBe(first.added);
  });

  it('reads the catalogue by pages, never a call per product', () => {
    expect(callsByResource['products']).toBe(1);
    expect(callsByResource['combinations']).toBe(1);
    expect(callsByResource['tax_rules']).toBe(1);
    expect(first.webserviceCalls).toBe(demo.shop.calls.total());
    expect(first.webserviceCalls).toBeLessThanOrEqual(10);
  });

  it('names each article as the shop does', async () => {
    const book = PRODUCTS.find((product) => product.reference !== '' && product.combinations.length === 0);
    if (book === undefined) throw new Error('the demo catalogue has no simple product');
    const [article] = await demo.navette.target.findArticles({ references: [book.reference], ean13s: [] });
    expect(article?.label).toBe(book.name);
  });

  it('adds nothing the second time', async () => {
    const second = await demo.navette.importArticles();
    expect(second).toMatchObject({ read: first.read, added: 0, alreadyKnown: first.added });
  });

  it('lets the orders’ lines find their articles instead of DIVERS', async () => {
    const summary = await demo.navette.runImport({ trigger: 'cli', dryRun: false });
    expect(summary.counts.failed).toBe(0);
    const known = new Set(
      [...simple, ...combinations].map((item) => item.reference).filter((reference) => reference !== ''),
    );
    let productLines = 0;
    let divers = 0;
    const { items } = await demo.navette.listDocuments({ limit: 1000 });
    for (const summaryItem of items) {
      const document = await demo.navette.document(summaryItem.number);
      for (const line of document?.lines ?? []) {
        if (line.kind !== 'product') continue;
        productLines += 1;
        if (line.articleReference === 'DIVERS') divers += 1;
        else expect(known.has(line.articleReference)).toBe(true);
      }
    }
    expect(productLines).toBeGreaterThan(0);
    // Only the product without a reference still goes to DIVERS.
    expect(divers).toBeLessThan(productLines / 10);
  });
});

describe('the articles command line', () => {
  let dir: string;
  beforeAll(async () => {
    ensureBuiltCli();
    dir = await mkdtemp(join(tmpdir(), 'navette-articles-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('is offered by init while the GesCom has no articles, and adds nothing the second time', () => {
    const env = { NAVETTE_PS_KEY: '', NAVETTE_WEB_PASSWORD: '' };
    const init = navetteCli(['init', '--url', 'demo://boutique'], { cwd: dir, env });
    expect([init.status, init.stderr]).toEqual([0, '']);
    expect(init.stdout).toMatch(/aucun[^\n]*"navette articles import"/);
    const first = navetteCli(['articles', 'import'], { cwd: dir, env });
    expect([first.status, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toMatch(
      /lus : 25\nArticles ajoutés : 24\nDéjà connus : 0\nIgnorés \(sans référence\) : 1\nAppels au webservice : \d+/,
    );
    const second = navetteCli(['articles', 'import', '--json'], { cwd: dir, env });
    expect(JSON.parse(second.stdout)).toMatchObject({ read: 25, added: 0, alreadyKnown: 24 });
    const again = navetteCli(['init', '--url', 'demo://boutique', '--force'], { cwd: dir, env });
    expect(again.stdout).not.toMatch(/articles import/);
  }, 120_000);
});
