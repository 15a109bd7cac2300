import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { starterConfig } from '../../src/config/defaults.js';
import { saveConfig } from '../../src/config/load-config.js';
import { createDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { mountSmallVolume, type SmallVolume } from '../embedded-storage-faults.js';
import { ensureBuiltCli, ROOT } from '../support/built-cli.js';
import { DEMO_NOW } from '../support/demo-navette.js';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Asynchronous: the demo shop answers from this very process. */
function navette(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'navette.js'), ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
          stdout,
          stderr,
        }),
    );
  });
}

/** One message for the user: no stack trace, no driver follow-up ("cannot rollback"). */
function expectOneClearMessage(run: Run, naming: string): void {
  expect(run.code).toBe(3);
  expect(run.stderr).toContain(naming);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/rollback|SqliteError|SQLITE_/);
}

describe('the CLI on a database it cannot use', () => {
  let shop: DemoShop;
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  let volume: SmallVolume | undefined;

  beforeAll(async () => {
    ensureBuiltCli();
    shop = createDemoShop({ now: DEMO_NOW, generated: { seed: 11, count: 300 } });
    server = await shop.listen(0, '127.0.0.1');
    dir = mkdtempSync(join(tmpdir(), 'navette-storage-e2e-'));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    volume?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const writeConfig = async (path: string, database: string) =>
    saveConfig(
      path,
      configSchema.parse({
        ...starterConfig(server.url),
        gescom: { target: 'embedded', database },
        period: { kind: 'custom', from: '2026-01-01', to: '2026-12-31', dateField: 'order' },
      }),
    );

  it('exits 3 with one message naming a directory given as the database', async () => {
    mkdirSync(join(dir, 'a-folder'));
    await writeConfig(join(dir, 'folder.yaml'), join(dir, 'a-folder'));
    const run = await navette(['--config', join(dir, 'folder.yaml'), 'runs'], { NAVETTE_PS_KEY: shop.key });
    expectOneClearMessage(run, `${join(dir, 'a-folder')} est un dossier`);
  });

  it('stops an import on a full disk with exit 3, half-writes nothing, and finishes once there is room', async () => {
    volume = mountSmallVolume(16 * 1024);
    // The CI machines run as root and may mount; without that right this scenario cannot be staged.
    if (volume === undefined) throw new Error('this test needs the right to mount a tmpfs (root)');
    const config = join(dir, 'full.yaml');
    const database = join(volume.dir, 'gescom.db');
    await writeConfig(config, database);
    // Errors only on stderr: a retried webservice call on a loaded machine is a warning, not a failure.
    const env = { NAVETTE_PS_KEY: shop.key, NAVETTE_LOG_LEVEL: 'error' };
    expect((await navette(['--config', config, 'runs'], env)).code).toBe(0);
    // Leave a little room: enough for a few documents, not for 300 orders.
    const free = () => {
      const stats = statfsSync(volume!.dir);
      return stats.bavail * stats.bsize;
    };
    writeFileSync(join(volume.dir, 'filler'), Buffer.alloc(Math.max(0, free() - 96 * 1024)));

    const full = await navette(['--config', config, 'import'], env);
    expectOneClearMessage(
      full,
      `La gestion commerciale ${database} ne peut plus s'écrire : le disque est plein`,
    );

    const counts = () => {
      const sqlite = new BetterSqlite3(database, { readonly: true });
      try {
        const one = (query: string) => (sqlite.prepare(query).get() as { n: number }).n;
        return {
          documents: one('select count(*) as n from documents'),
          ledger: one('select count(*) as n from import_ledger'),
        };
      } finally {
        sqlite.close();
      }
    };
    const afterFull = counts();
    expect(afterFull.ledger).toBe(afterFull.documents);

    unlinkSync(join(volume.dir, 'filler'));
    const again = await navette(['--config', config, 'import', '--json'], env);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { counts: { imported: number } };
    const afterRoom = counts();
    expect(afterRoom.ledger).toBe(afterRoom.documents);
    expect(afterRoom.documents).toBe(afterFull.documents + report.counts.imported);
    expect(report.counts.imported).toBeGreaterThan(0);

    const history = await navette(['--config', config, 'runs'], env);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/interrompu/i);
  }, 300_000);
});
