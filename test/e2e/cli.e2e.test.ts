import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, navetteCli } from '../support/built-cli.js';

describe('the navette command', () => {
  let dir: string;
  let config: string;

  beforeAll(async () => {
    ensureBuiltCli();
    dir = await mkdtemp(join(tmpdir(), 'navette-cli-'));
    config = join(dir, 'demo', 'navette.yaml');
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('runs the demo: the demo shop imported into a fresh GesCom, with documents to show', () => {
    const demo = navetteCli(['demo', '--dir', join(dir, 'demo')]);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/✓ TERMINÉ/);
    expect(demo.stdout).toMatch(/\d+ lues · \d+ importées/);
    expect(demo.stdout).toMatch(/Bon de commande BC\d{5}/);
    expect(demo.stdout).toMatch(/Total HT [\d.]+ {3}TVA [\d.]+ {3}Total TTC [\d.]+ EUR/);
    expect(demo.stdout).toContain('serve');
  });

  it('prints the whole report as JSON, one outcome per order, and imports nothing twice', () => {
    const result = navetteCli([
      '--config',
      config,
      'import',
      '--json',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
    ]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      counts: { imported: number; read: number };
      outcomes: {
        orderId: number;
        shopId: number;
        status: string;
        document?: { number: string };
        reason?: string;
      }[];
    };
    expect(report.counts.imported).toBe(0);
    expect(report.outcomes.length).toBe(report.counts.read);
    expect(report.outcomes.length).toBeGreaterThan(0);
    for (const outcome of report.outcomes) {
      expect([typeof outcome.orderId, typeof outcome.shopId, outcome.status]).toEqual([
        'number',
        'number',
        'skipped',
      ]);
      expect(outcome.reason).toBeTruthy();
    }
  });

  it('lists and shows documents, and the runs with their outcomes', () => {
    const list = JSON.parse(navetteCli(['--config', config, 'documents', '--json']).stdout) as {
      total: number;
      items: { number: string }[];
    };
    expect(list.total).toBeGreaterThan(0);
    const shown = navetteCli(['--config', config, 'documents', list.items[0]!.number]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/Total TTC/);
    const runs = navetteCli(['--config', config, 'runs']);
    expect(runs.status).toBe(0);
    expect(runs.stdout).toMatch(/démonstration/);
    const runs_ = JSON.parse(navetteCli(['--config', config, 'runs', '--json']).stdout) as {
      runId: string;
    }[];
    const csv = navetteCli(['--config', config, 'runs', runs_.at(-1)!.runId, '--csv']);
    expect(csv.stdout.startsWith('\uFEFFBoutique;Commande;Référence')).toBe(true);
    expect(csv.stdout.split('\r\n').length).toBeGreaterThan(10);
  });

  it('reads the shop’s states live', () => {
    const states = navetteCli(['--config', config, 'states']);
    expect(states.status).toBe(0);
    expect(states.stdout).toMatch(/Paiement accepté/);
    expect(states.stdout).toMatch(/Ne pas modifier le statut/);
  });

  it('answers with exit codes a scheduler can act on', () => {
    const missing = navetteCli(['--config', join(dir, 'nope.yaml'), 'import']);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/navette init/);
    expect(navetteCli(['--config', config, 'import', '--from', '2026-01-01']).status).toBe(2);
    expect(navetteCli(['no-such-command']).status).toBe(2);
  });
});
