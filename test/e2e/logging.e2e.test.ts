import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNavette } from '../../src/app/compose.js';
import { createLogger } from '../../src/app/logger.js';
import { configSchema } from '../../src/config/config-schema.js';
import { starterConfig } from '../../src/config/defaults.js';
import { createDemoShop } from '../../src/demo-shop/index.js';
import { DEMO_NOW, fixedClock } from '../support/demo-navette.js';

describe('the technical log', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('tells every webservice call and retry at debug level, and never the key, even when it travels in the URL', async () => {
    // A hosting that strips the Authorization header: the key then goes as ?ws_key=… in every URL.
    const shop = createDemoShop({ now: DEMO_NOW, stripAuthorizationHeader: true });
    shop.faults.failNext('order_details', 1, 503);
    dir = await mkdtemp(join(tmpdir(), 'navette-log-'));
    const lines: string[] = [];
    const logger = createLogger({
      level: 'debug',
      secrets: [shop.key],
      destination: { write: (line) => lines.push(line) },
    });
    const config = configSchema.parse({
      ...starterConfig(shop.url),
      gescom: { target: 'embedded', database: join(dir, 'gescom.db') },
      period: { kind: 'custom', from: '2026-09-01', to: '2026-11-30', dateField: 'order' },
    });
    const navette = await openNavette(config, {
      fetch: shop.fetch,
      shopKey: shop.key,
      clock: fixedClock(),
      logger,
    });
    try {
      const summary = await navette.runImport({ trigger: 'cli', dryRun: false });
      expect(summary.counts.imported).toBeGreaterThan(0);
    } finally {
      await navette.close();
    }
    const records = lines.map(
      (line) => JSON.parse(line) as { level: number; msg: string; webservice?: { url: string } },
    );
    expect(records.filter((record) => record.webservice).length).toBeGreaterThan(5);
    expect(
      records.some((record) => record.level === 40 && record.webservice?.url.includes('order_details')),
    ).toBe(true);
    expect(records.some((record) => record.msg === 'import')).toBe(true);
    expect(lines.join('\n')).not.toContain(shop.key);
  });

  it('masks a secret wherever it appears in a line', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      secrets: ['SECRETKEY0123456789'],
      destination: { write: (line) => lines.push(line) },
    });
    logger.info({ detail: 'url?ws_key=SECRETKEY0123456789' }, 'SECRETKEY0123456789 in a message');
    expect(lines.join('')).not.toContain('SECRETKEY0123456789');
    expect(lines.join('')).toContain('[secret masqué]');
  });
});
