import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNavetteWithAdapters } from '../../src/app/compose.js';
import { configSchema, type NavetteConfig } from '../../src/config/config-schema.js';
import { starterConfig } from '../../src/config/defaults.js';
import { saveConfig } from '../../src/config/load-config.js';
import { createDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { ensureBuiltCli, ROOT as root } from '../support/built-cli.js';
import { DEMO_NOW } from '../support/demo-navette.js';

/**
 * Kills `navette status-updates` (SIGKILL) at random moments, again and again, then lets one sweep
 * finish: every transformed order gets "Expédié" at most once (exactly once where it was due) and its
 * tracking number where it had none. `KILL_ROUNDS=20` for more rounds.
 */
const ROUNDS = Number(process.env['KILL_ROUNDS'] ?? 5);

describe('a status sweep killed at random moments', () => {
  let shop: DemoShop;
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  let configPath: string;
  let config: NavetteConfig;

  beforeAll(async () => {
    ensureBuiltCli();
    shop = createDemoShop({ now: DEMO_NOW, generated: { seed: 11, count: 200 } });
    server = await shop.listen(0, '127.0.0.1');
    dir = await mkdtemp(join(tmpdir(), 'navette-sweep-kill-'));
    configPath = join(dir, 'navette.yaml');
    config = configSchema.parse({
      ...starterConfig(server.url),
      gescom: { target: 'embedded', database: join(dir, 'gescom.db') },
      period: { kind: 'custom', from: '2026-01-01', to: '2026-12-31', dateField: 'order' },
      statusUpdates: {
        onDelivery: 4,
        sendEmail: false,
        tracking: { enabled: true, sendEmail: false, setStateTo: null },
      },
    });
    await saveConfig(configPath, config);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const sweep = (killAfterMs: number | undefined): Promise<number | null> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(root, 'bin', 'navette.js'), '--config', configPath, 'status-updates'],
        { env: { ...process.env, NAVETTE_PS_KEY: shop.key }, stdio: 'ignore' },
      );
      const timer =
        killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.on('error', reject);
      child.on('exit', (code) => {
        if (timer) clearTimeout(timer);
        resolve(code);
      });
    });

  it(`sets each state and tracking number once after ${ROUNDS} kills`, async () => {
    const navette = await openNavetteWithAdapters(config, { shopKey: shop.key });
    const moved = new Map<number, { due: boolean; tracking: string; hadTracking: string }>();
    try {
      expect((await navette.runImport({ trigger: 'cli', dryRun: false })).fatal).toBeUndefined();
      const { items } = await navette.listDocuments({ type: 'order', limit: 10_000 });
      for (const item of items.filter((document) => document.transformedInto === undefined)) {
        const orderId = Number(item.externalKey.split('-')[2]);
        const order = shop.data.order(orderId);
        const carrier = shop.data.orderCarrier(orderId);
        if (!order || !carrier) continue;
        const tracking = `6A${String(orderId).padStart(11, '0')}`;
        const states = shop.data.histories(orderId).map((history) => history.stateId);
        moved.set(orderId, {
          due: order.currentState === 2 && !states.includes(4),
          tracking,
          hadTracking: carrier.trackingNumber,
        });
        await navette.transformDocument(item.number, { to: 'delivery', trackingNumber: tracking });
      }
    } finally {
      await navette.close();
    }
    expect([...moved.values()].filter((order) => order.due).length).toBeGreaterThan(10);

    // Slow enough that a kill lands in the middle of the sending.
    shop.faults.set({ latencyMs: 30 });
    for (let round = 0; round < ROUNDS; round += 1) await sweep(300 + Math.floor(Math.random() * 1500));
    shop.faults.set({ latencyMs: 0 });
    // The sweep after the last kill may find the lock of a killed one: taken over once its ttl is over.
    let exit: number | null = 3;
    for (let attempt = 0; attempt < 5 && exit !== 0; attempt += 1) exit = await sweep(undefined);
    expect(exit).toBe(0);

    for (const [orderId, expected] of moved) {
      const shipped = shop.data.histories(orderId).filter((history) => history.stateId === 4).length;
      expect({ orderId, shipped: shipped <= 1 || !expected.due }).toEqual({ orderId, shipped: true });
      if (expected.due) expect({ orderId, shipped }).toEqual({ orderId, shipped: 1 });
      const tracking = shop.data.orderCarrier(orderId)?.trackingNumber;
      expect({ orderId, tracking }).toEqual({
        orderId,
        tracking: expected.hadTracking === '' ? expected.tracking : expected.hadTracking,
      });
    }
    const reopened = await openNavetteWithAdapters(config, { shopKey: shop.key });
    try {
      expect(await reopened.store.countPendingStateChanges()).toBe(0);
      expect(await reopened.sweepStatuses()).toMatchObject({ transformations: 0, sent: 0 });
    } finally {
      await reopened.close();
    }
  }, 600_000);
});
