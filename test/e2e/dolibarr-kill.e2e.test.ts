import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNavetteWithAdapters } from '../../src/app/compose.js';
import { configSchema, type NavetteConfig } from '../../src/config/config-schema.js';
import { DEFAULT_STATE_TABLE, starterConfig } from '../../src/config/defaults.js';
import { saveConfig } from '../../src/config/load-config.js';
import { createDemoDolibarr, type DemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { createDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import type { OrderOutcome } from '../../src/domain/import-report.js';
import { ensureBuiltCli, ROOT as root } from '../support/built-cli.js';
import { DEMO_NOW } from '../support/demo-navette.js';
import { demoBankAccount } from '../support/demo-bank-account.js';

/**
 * Kills `navette import` into a Dolibarr (the simulator, served over HTTP) with SIGKILL at random
 * moments, again and again, then lets one run finish: every order the last run did not refuse has
 * exactly one Dolibarr document (proposal, order or invoice), each payment is in Dolibarr once, and
 * no run stays "en cours". A kill between Dolibarr's create and navette's ledger write leaves a
 * document the next run must adopt, not write again. `KILL_ROUNDS=20 npx vitest run
 * test/e2e/dolibarr-kill` for the full count; CI runs fewer.
 */
const ROUNDS = Number(process.env['KILL_ROUNDS'] ?? 3);

// "Livré" orders become validated invoices with their payments: the payments are under test too.
const states = DEFAULT_STATE_TABLE.map((rule) =>
  rule.id === 5 ? { ...rule, documentType: 'invoice' as const, documentStatus: 'confirmed' as const } : rule,
);

const keyOf = (outcome: OrderOutcome): string => `ps-${outcome.shopId}-${outcome.orderId}`;
const describeOutcome = (outcome: OrderOutcome): string =>
  `order ${outcome.orderId}: ${outcome.status} ${outcome.code ?? ''} ${outcome.reason ?? ''}`;

/**
 * An order refused for its own data (a VAT rate Dolibarr lacks, a foreign currency, an unreadable
 * order…); a crash, a
 * totals gap or Dolibarr unavailable would be a fault of the import under test.
 */
const refusedForItsData = (outcome: OrderOutcome): boolean =>
  outcome.code === 'gescom-refused'
    ? /taux de TVA|mode de règlement|Multi-devise/.test(outcome.reason ?? '')
    : !['internal-error', 'totals-mismatch', 'gescom-unavailable', 'already-imported'].includes(
        outcome.code ?? '',
      );

describe('an import into Dolibarr killed at random moments', () => {
  let shop: DemoShop;
  let dolibarr: DemoDolibarr;
  const servers: { close(): Promise<void> }[] = [];
  let dir: string;
  let config: NavetteConfig;
  let configPath: string;

  beforeAll(async () => {
    ensureBuiltCli();
    shop = createDemoShop({ now: DEMO_NOW, generated: { seed: 11, count: 150 } });
    dolibarr = createDemoDolibarr({ now: () => DEMO_NOW });
    // Slow enough on both sides that a kill lands in the middle of the work, not before or after it.
    shop.faults.set({ latencyMs: 8 });
    dolibarr.faults.configure({ latencyMs: 8 });
    const shopServer = await shop.listen(0, '127.0.0.1');
    const dolibarrServer = await dolibarr.listen(0, '127.0.0.1');
    servers.push(shopServer, dolibarrServer);
    const bankAccountId = await demoBankAccount(dolibarr, dolibarrServer.url);
    dir = await mkdtemp(join(tmpdir(), 'navette-dolibarr-kill-'));
    configPath = join(dir, 'navette.yaml');
    const starter = starterConfig(shopServer.url);
    config = configSchema.parse({
      ...starter,
      states,
      gescom: {
        target: 'dolibarr',
        database: join(dir, 'navette.db'),
        dolibarr: { url: dolibarrServer.url, bankAccountId },
      },
      period: { kind: 'custom', from: '2026-01-01', to: '2026-12-31', dateField: 'order' },
      // Dolibarr's own payment codes; a module navette does not know is paid by card.
      payments: { ...starter.payments, defaultMode: 'CB' },
    });
    await saveConfig(configPath, config);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * Runs `navette import`, killed (SIGKILL) once Dolibarr has received `killAfterCalls` more calls: a
   * moment in the work itself, wherever the process's start-up time puts it, and anywhere between a
   * create, its read-back, its validation, its payments and the ledger write.
   */
  const runImport = (killAfterCalls: number | undefined): Promise<number | null> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(root, 'bin', 'navette.js'), '--config', configPath, 'import'],
        {
          env: { ...process.env, NAVETTE_PS_KEY: shop.key, NAVETTE_DOLIBARR_KEY: dolibarr.key },
          stdio: 'ignore',
        },
      );
      const start = dolibarr.calls.total();
      const timer =
        killAfterCalls === undefined
          ? undefined
          : setInterval(() => {
              if (dolibarr.calls.total() - start >= killAfterCalls) child.kill('SIGKILL');
            }, 5);
      child.on('error', reject);
      child.on('exit', (code) => {
        if (timer) clearInterval(timer);
        resolve(code);
      });
    });

  /** Dolibarr's documents carrying a shop order's key, by key, over the three kinds. */
  const documentsByKey = (): Map<string, string[]> => {
    const byKey = new Map<string, string[]>();
    for (const kind of ['propal', 'commande', 'facture'] as const)
      for (const doc of dolibarr.store.documents[kind].values()) {
        const key = doc.row['ref_ext'];
        if (typeof key !== 'string' || !key.startsWith('ps-')) continue;
        byKey.set(key, [...(byKey.get(key) ?? []), `${kind} ${String(doc.row['ref'])}`]);
      }
    return byKey;
  };

  it(`leaves exactly one Dolibarr document per order after ${ROUNDS} kills`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) await runImport(10 + Math.floor(Math.random() * 150));
    // The run after the last kill may find the lock of a killed run: it is taken over once its ttl is over.
    let exit: number | null = 3;
    for (let attempt = 0; attempt < 5 && exit === 3; attempt += 1) exit = await runImport(undefined);
    expect([0, 1]).toContain(exit);

    const navette = await openNavetteWithAdapters(config, {
      shopKey: shop.key,
      dolibarr: { fetch: dolibarr.fetch, key: dolibarr.key },
    });
    try {
      const runs = await navette.store.listRuns({ limit: 1_000 });
      const last = runs[0];
      if (last === undefined) throw new Error('no run recorded');
      const outcomes: OrderOutcome[] = [];
      for await (const outcome of navette.store.runOutcomes(last.runId)) outcomes.push(outcome);
      const failed = outcomes.filter((outcome) => outcome.status === 'failed');
      expect(failed.filter((outcome) => !refusedForItsData(outcome)).map(describeOutcome)).toEqual([]);

      // The last run read every order of the period: those written before say so, and each of them and
      // of those it wrote has exactly one document; an order never written has none.
      const byKey = documentsByKey();
      expect([...byKey.entries()].filter(([, docs]) => docs.length > 1)).toEqual([]);
      const written = outcomes.filter(
        (outcome) =>
          outcome.status === 'imported' ||
          (outcome.status === 'skipped' && outcome.code === 'already-imported'),
      );
      expect(written.length).toBeGreaterThan(50);
      // The killed runs had written some: the kills landed in the work, not before it.
      expect(outcomes.filter((outcome) => outcome.status === 'imported').length).toBeLessThan(written.length);
      for (const outcome of written)
        expect(byKey.get(keyOf(outcome))?.length, describeOutcome(outcome)).toBe(1);
      for (const outcome of outcomes.filter((outcome) => !written.includes(outcome)))
        expect(byKey.get(keyOf(outcome)), describeOutcome(outcome)).toBeUndefined();
      expect(byKey.size).toBe(written.length);

      // Payments once: each payment's own key is in Dolibarr once.
      const paymentKeys = dolibarr.store.payments.map((payment) => payment.refExt);
      expect(paymentKeys.length).toBeGreaterThan(0);
      expect(new Set(paymentKeys).size).toBe(paymentKeys.length);

      // Customers once: one third party per shop customer (a kill between its create and its account
      // link is adopted by its ref_ext), one link per customer, one contact per delivery address.
      const customerKeys = [...dolibarr.store.thirdparties.values()]
        .map((row) => row['ref_ext'])
        .filter((key) => typeof key === 'string' && key !== '');
      expect(customerKeys.length).toBeGreaterThan(0);
      expect(new Set(customerKeys).size).toBe(customerKeys.length);
      const links = dolibarr.store.accounts.map((account) => `${account.site}/${account.key}`);
      expect(new Set(links).size).toBe(links.length);
      const contactKeys = [...dolibarr.store.contacts.values()].map(
        (row) => `${String(row['socid'])} ${String(row['ref_ext'])}`,
      );
      expect(new Set(contactKeys).size).toBe(contactKeys.length);

      // The history: no run stays "en cours" after its process was killed; each killed one says so.
      expect(runs.filter((run) => run.status === 'running').map((run) => run.runId)).toEqual([]);
      // (Their outcomes are kept by page: a run killed within its first page shows none.)
      expect(runs.filter((run) => run.fatal?.code === 'run-interrupted').length).toBeGreaterThan(0);
    } finally {
      await navette.close();
    }
  }, 600_000);
});
