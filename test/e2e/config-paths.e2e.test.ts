import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoShop, type DemoShop } from '../../src/demo-shop/index.js';
import { ensureBuiltCli, navetteCli, ROOT } from '../support/built-cli.js';
import { DEMO_NOW } from '../support/demo-navette.js';

/**
 * `navette -c /elsewhere/navette.yaml import` run from two different folders: the relative database
 * `init` wrote is the config folder's, so the second run finds the first run's documents and imports
 * nothing again (it used to create a second, empty database in the current directory).
 */
describe('a config used from another folder', () => {
  let shop: DemoShop;
  let server: { url: string; close(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    ensureBuiltCli();
    shop = createDemoShop({ now: DEMO_NOW, generated: { seed: 3, count: 20 } });
    server = await shop.listen(0, '127.0.0.1');
    dir = await mkdtemp(join(tmpdir(), 'navette-paths-'));
    for (const folder of ['shop', 'first', 'second']) await mkdir(join(dir, folder));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Asynchronous: the demo shop answers from this very process. */
  const importFrom = (cwd: string) =>
    new Promise<{ counts: { read: number; imported: number } }>((resolve, reject) => {
      const args = ['--config', join(dir, 'shop', 'navette.yaml'), 'import', '--json'];
      execFile(
        process.execPath,
        [join(ROOT, 'bin', 'navette.js'), ...args, '--from', '2026-01-01', '--to', '2026-12-31'],
        { cwd, env: { ...process.env, NAVETTE_PS_KEY: shop.key }, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error !== null) reject(new Error(`navette import: ${stderr}`, { cause: error }));
          else resolve(JSON.parse(stdout) as { counts: { read: number; imported: number } });
        },
      );
    });

  it('uses the database beside the config, whatever the current directory', async () => {
    const init = navetteCli(['--config', join(dir, 'shop', 'navette.yaml'), 'init', '--url', server.url], {
      cwd: join(dir, 'first'),
      env: { NAVETTE_PS_KEY: '', NAVETTE_WEB_PASSWORD: '' },
    });
    expect(init.status).toBe(0);
    const yaml = await readFile(join(dir, 'shop', 'navette.yaml'), 'utf8');
    expect(yaml).toContain('database: navette.db');
    // A YAML 1.1 reader (PyYAML, Ansible) would read an unquoted 21:00 as the number 1260.
    expect(yaml).toContain('to: "21:00"');

    const first = await importFrom(join(dir, 'first'));
    expect(first.counts.imported).toBeGreaterThan(0);
    const second = await importFrom(join(dir, 'second'));
    expect(second.counts).toMatchObject({ read: first.counts.read, imported: 0 });

    expect(existsSync(join(dir, 'shop', 'navette.db'))).toBe(true);
    expect(existsSync(join(dir, 'first', 'navette.db'))).toBe(false);
    expect(existsSync(join(dir, 'second', 'navette.db'))).toBe(false);
  }, 120_000);
});
