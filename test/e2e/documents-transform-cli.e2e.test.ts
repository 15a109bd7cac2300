import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterConfig } from '../../src/config/defaults.js';
import { saveConfig } from '../../src/config/load-config.js';
import { createDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { DocumentSummary } from '../../src/domain/sales-document.js';
import { ensureBuiltCli, navetteCli, ROOT, type CliResult } from '../support/built-cli.js';
import { DEMO_NOW } from '../support/demo-navette.js';

/** SPEC §6 as the tests set it: Livraison → Expédié (4), the tracking number written where empty. */
const STATUS_UPDATES = {
  onOrder: 3,
  onDelivery: 4,
  onInvoice: 5,
  sendEmail: false,
  tracking: { enabled: true, sendEmail: false, setStateTo: null },
};

/**
 * `navette documents transform` and `navette status-updates` as a shop owner types them: the built CLI,
 * a config on the demo shop listening on a port of this process (so every call is asynchronous: the
 * shop answers from here while the command runs).
 */
describe('navette documents transform, then navette status-updates, on the demo shop', () => {
  let shop: DemoShop;
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  let config: string;

  const cli = (args: readonly string[]) =>
    new Promise<CliResult>((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'bin', 'navette.js'), '--config', config, ...args],
        { cwd: dir, env: { ...process.env, NAVETTE_PS_KEY: shop.key }, encoding: 'utf8', timeout: 120_000 },
        (error, stdout, stderr) =>
          resolve({ status: error === null ? 0 : (error.code as number | null), stdout, stderr }),
      );
    });
  const orderIdOf = (item: DocumentSummary) => Number(item.externalKey.split('-')[2]);

  beforeAll(async () => {
    ensureBuiltCli();
    shop = createDemoShop({ now: DEMO_NOW });
    server = await shop.listen(0, '127.0.0.1');
    dir = await mkdtemp(join(tmpdir(), 'navette-transform-'));
    config = join(dir, 'navette.yaml');
    await saveConfig(config, {
      ...starterConfig(server.url),
      gescom: { target: 'embedded', database: join(dir, 'gescom.db') },
      period: { kind: 'custom', from: '2026-09-01', to: '2026-11-30', dateField: 'order' },
      statusUpdates: STATUS_UPDATES,
    });
    const imported = await cli(['import', '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The live bons de commande of paid orders with a carrier, as the GesCom lists them. */
  async function paidOrders(): Promise<DocumentSummary[]> {
    const listed = await cli(['documents', '--json', '--type', 'commande', '--limit', '500']);
    expect(listed.status).toBe(0);
    const { items } = JSON.parse(listed.stdout) as { items: DocumentSummary[] };
    return items.filter(
      (item) =>
        item.transformedInto === undefined &&
        !item.cancelled &&
        shop.data.order(orderIdOf(item))?.currentState === 2 &&
        shop.data.orderCarrier(orderIdOf(item)) !== undefined,
    );
  }

  it('turns a bon de commande into a bon de livraison with its tracking number, and the sweep moves the order in the shop', async () => {
    const [chosen] = await paidOrders();
    expect(chosen).toBeDefined();
    const orderId = orderIdOf(chosen!);
    const carrier = shop.data.orderCarrier(orderId)!;
    shop.data.replaceOrderCarrier(carrier.id, { trackingNumber: '' }, true);

    const transformed = await cli([
      'documents',
      'transform',
      chosen!.number,
      '--to',
      'livraison',
      '--suivi',
      '6A1234567890',
    ]);
    expect(transformed.stderr).toBe('');
    expect(transformed.status).toBe(0);
    const delivery = /Bon de livraison (BL\d{5}) \(suivi 6A1234567890\)/.exec(transformed.stdout)?.[1];
    expect(transformed.stdout, transformed.stdout).toMatch(new RegExp(`^${chosen!.number} → `));
    expect(delivery).toBeDefined();
    expect(transformed.stdout).toContain('navette status-updates');

    const shown = await cli(['documents', delivery!]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('Numéro de suivi : 6A1234567890');
    // Nothing reaches the shop before the sweep.
    expect(shop.data.order(orderId)?.currentState).toBe(2);

    const sweep = await cli(['status-updates', '--journal']);
    expect(sweep.stderr).toBe('');
    expect(sweep.status).toBe(0);
    expect(sweep.stdout).toMatch(/Documents transformés lus : 1 · /);
    // Two sends for the one order: its state, and its tracking number on its carrier.
    expect(sweep.stdout).toMatch(/Envoyés : 2 · non envoyés : 0 · en échec : 0/);
    expect(shop.data.order(orderId)?.currentState).toBe(4);
    expect(shop.data.orderCarrier(orderId)?.trackingNumber).toBe('6A1234567890');
    expect(sweep.stdout).toContain(`commande ${orderId}`);

    // A second sweep: nothing new, nothing sent.
    const again = await cli(['status-updates']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/Documents transformés lus : 0 · /);
    expect(again.stdout).toMatch(/Envoyés : 0 · /);
    expect(shop.data.histories(orderId).filter((history) => history.stateId === 4)).toHaveLength(1);

    // Every text meant for a person: French dates and decimal commas, never ISO days or decimal points.
    for (const [name, text] of Object.entries({
      transform: transformed.stdout,
      document: shown.stdout,
      sweep: sweep.stdout,
      again: again.stdout,
    })) {
      expect(text, name).not.toMatch(/\b\d{4}-\d{2}-\d{2}(?!\d)/);
      expect(text, name).not.toMatch(/(?<![\d.])\d+\.\d{1,2}(?![\d.])/);
    }
    expect(shown.stdout).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(shown.stdout).toMatch(/\d,\d{2}[\u00a0 ]€/);
    expect(sweep.stdout).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  }, 240_000);

  it('refuses a transformation it cannot do with a French message and exit 2, never a stack trace', async () => {
    const [order] = await paidOrders();
    expect(order).toBeDefined();
    const cases: readonly [readonly string[], RegExp][] = [
      [['--to', 'devis'], /est un bon de commande : il ne peut pas devenir un devis/],
      [['--to', 'facture', '--suivi', 'X123'], /le numéro de suivi se met sur un bon de livraison/],
      [['--to', 'livraison', '--suivi', 'X'.repeat(65)], /dépasse 64 caractères/],
      [['--to', 'brouillon'], /type de document inconnu « brouillon »/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(['documents', 'transform', order!.number, ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^navette : /);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(result.stdout, args.join(' ')).toBe('');
    }
    const unknown = await cli(['documents', 'transform', 'BC99999', '--to', 'livraison']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^navette : aucun document BC99999 dans la gestion commerciale/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    // None of the refusals touched the GesCom: the order is still a live bon de commande.
    expect((await paidOrders()).map((item) => item.number)).toContain(order!.number);
    // A document already transformed: said, with the document to transform instead.
    const delivered = await cli(['documents', 'transform', order!.number, '--to', 'livraison']);
    expect(delivered.status).toBe(0);
    const twice = await cli(['documents', 'transform', order!.number, '--to', 'facture']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/est déjà transformé en BL\d{5} : transformez celui-là/);
  }, 240_000);

  it('explains both commands in French', () => {
    for (const args of [
      ['documents', 'transform', '--help'],
      ['status-updates', '--help'],
    ]) {
      const help = navetteCli(args);
      expect(help.status, args.join(' ')).toBe(0);
      expect(help.stdout, args.join(' ')).toMatch(/^Utilisation : /);
      for (const english of [/\bUsage\b/, /\bdefault:/, /display help/, /\bOptions:/, /\bArguments:/])
        expect(help.stdout, args.join(' ')).not.toMatch(english);
    }
  });
});
