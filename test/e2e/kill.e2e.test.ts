import { spawn } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNavetteWithAdapters } from '../../src/app/compose.js';
import { configSchema } from '../../src/config/config-schema.js';
import { DEFAULT_STATE_TABLE, starterConfig } from '../../src/config/defaults.js';
import { saveConfig } from '../../src/config/load-config.js';
import { createDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { ensureBuiltCli, ROOT as root } from '../support/built-cli.js';
import { DEMO_NOW } from '../support/demo-navette.js';

/**
 * Kills `navette import` (SIGKILL) at random moments, again and again, then lets one run finish: every
 * selected order must end with exactly one document, every state change sent exactly once, nothing half
 * written. `KILL_ROUNDS=20 npx vitest run test/e2e/kill` for the full count; CI runs fewer.
 */
const ROUNDS = Number(process.env['KILL_ROUNDS'] ?? 6);

// "Paiement accepté" orders are moved to "En cours de préparation" after import: the write-back under test.
const states = DEFAULT_STATE_TABLE.map((rule) => (rule.id === 2 ? { ...rule, changeStateTo: 3 } : rule));

describe('an import killed at random moments', () => {
  let shop: DemoShop;
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  let configPath: string;

  beforeAll(async () => {
    ensureBuiltCli();
    shop = createDemoShop({ now: DEMO_NOW, generated: { seed: 7, count: 300 } });
    // Slow enough that a kill lands in the middle of the work, not before or after it.
    shop.faults.set({ latencyMs: 8 });
    server = await shop.listen(0, '127.0.0.1');
    dir = await mkdtemp(join(tmpdir(), 'navette-kill-'));
    configPath = join(dir, 'navette.yaml');
    await saveConfig(
      configPath,
      configSchema.parse({
        ...starterConfig(server.url),
        states,
        gescom: { target: 'embedded', database: join(dir, 'gescom.db') },
        period: { kind: 'custom', from: '2026-01-01', to: '2026-12-31', dateField: 'order' },
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** True once a run is recorded "running" with outcomes already kept: the middle of a run. */
  const midRun = (): boolean => {
    try {
      const db = new BetterSqlite3(join(dir, 'gescom.db'), { readonly: true, fileMustExist: true });
      try {
        const row = db
          .prepare(
            "select count(*) as n from run_outcomes o join runs r on r.id = o.run_id where r.status = 'running'",
          )
          .get() as { n: number };
        return row.n > 0;
      } finally {
        db.close();
      }
    } catch {
      return false; // no file or no tables yet
    }
  };

  const runImport = (killAfterMs: number | 'mid-run' | undefined): Promise<number | null> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(root, 'bin', 'navette.js'), '--config', configPath, 'import'],
        {
          env: { ...process.env, NAVETTE_PS_KEY: shop.key },
          stdio: 'ignore',
        },
      );
      const timer =
        killAfterMs === undefined
          ? undefined
          : killAfterMs === 'mid-run'
            ? setInterval(() => {
                if (midRun()) child.kill('SIGKILL');
              }, 25)
            : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.on('error', reject);
      child.on('exit', (code) => {
        if (timer) clearInterval(timer);
        resolve(code);
      });
    });

  it(`leaves exactly one document per order and one state change per order after ${ROUNDS} kills`, async () => {
    const paidBefore = new Set(
      [...shop.data.orders()].filter((order) => order.currentState === 2).map((order) => order.id),
    );
    // One kill surely in the middle of a run (a loaded machine may take longer to start than the random
    // delays below), made slower so that the kill lands before the run's end.
    shop.faults.set({ latencyMs: 40 });
    await runImport('mid-run');
    shop.faults.set({ latencyMs: 8 });
    for (let round = 0; round < ROUNDS; round += 1) await runImport(200 + Math.floor(Math.random() * 2500));
    // The run after the last kill may find the lock of a killed run: it is taken over once its ttl is over.
    let exit: number | null = 3;
    for (let attempt = 0; attempt < 5 && exit === 3; attempt += 1) exit = await runImport(undefined);
    expect(exit).toBe(0);

    const config = configSchema.parse({
      ...starterConfig(server.url),
      states,
      gescom: { target: 'embedded', database: join(dir, 'gescom.db') },
    });
    const navette = await openNavetteWithAdapters(config, { shopKey: shop.key });
    try {
      const selected = [...shop.data.orders()].filter((order) =>
        states.some(
          (rule) =>
            rule.selected && (rule.id === order.currentState || (rule.id === 2 && paidBefore.has(order.id))),
        ),
      );
      const { items } = await navette.target.listDocuments({ limit: 100_000 });
      const live = items.filter((item) => item.transformedInto === undefined && !item.cancelled);
      const byKey = new Map<string, number>();
      for (const item of live) byKey.set(item.externalKey, (byKey.get(item.externalKey) ?? 0) + 1);
      expect([...byKey.values()].filter((count) => count > 1)).toEqual([]);
      for (const order of selected)
        expect(byKey.get(`ps-${order.shopId}-${order.id}`), `order ${order.id}`).toBe(1);

      for (const item of live.slice(0, 50)) {
        const document = await navette.target.getDocument(item.number);
        expect(document?.lines.length).toBeGreaterThan(0);
      }
      for (const orderId of paidBefore) {
        const moves = shop.data.histories(orderId).filter((history) => history.stateId === 3);
        expect({ orderId, moves: moves.length }).toEqual({ orderId, moves: 1 });
      }
      expect(await navette.store.countPendingStateChanges()).toBe(0);

      // The history: no run stays "en cours" after its process was killed; each killed one says so,
      // with the counts of the orders it had handled.
      const runs = await navette.store.listRuns({ limit: 1_000 });
      expect(runs.filter((run) => run.status === 'running').map((run) => run.runId)).toEqual([]);
      const interrupted = runs.filter((run) => run.fatal?.code === 'run-interrupted');
      expect(interrupted.length).toBeGreaterThan(0);
      for (const run of interrupted) {
        let outcomes = 0;
        for await (const _ of navette.store.runOutcomes(run.runId)) outcomes += 1;
        expect(run.counts.read).toBe(outcomes);
      }
      expect(interrupted.some((run) => run.counts.imported > 0)).toBe(true);
    } finally {
      await navette.close();
    }
  }, 600_000);
});
