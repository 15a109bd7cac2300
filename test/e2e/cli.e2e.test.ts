import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ensureBuiltCli, navetteCli } from '../support/built-cli.js';

interface RunRow {
  readonly runId: string;
  readonly trigger: string;
}

interface ReportJson {
  readonly outcomes: readonly {
    readonly shopId: number;
    readonly orderId: number;
    readonly status: string;
    readonly document?: { readonly number?: string };
  }[];
}

describe('the navette command', () => {
  let dir: string;
  let config: string;
  let demoOutput = '';

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
    expect(demo.stdout).toMatch(
      /Total HT [\d\u202f]+,\d{2}\u00a0€ {3}TVA [\d\u202f]+,\d{2}\u00a0€ {3}Total TTC [\d\u202f]+,\d{2}\u00a0€/,
    );
    expect(demo.stdout).toMatch(/Import des commandes du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4}/);
    demoOutput = demo.stdout;
    expect(demo.stdout).toContain('serve');
    expect(demo.stdout).toMatch(/ne lit que les commandes de la période \(les 61 derniers jours\)/);
    expect(demo.stdout).toMatch(/\d+ statuts : [^\n]*Paiement accepté/);
    expect(demo.stdout).not.toMatch(/npx navette|~60/);
  }, 120_000);

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

  it('resets an order through the use case, and the next import really imports it again', () => {
    const runs = JSON.parse(navetteCli(['--config', config, 'runs', '--json']).stdout) as RunRow[];
    const demoRun = runs.find((run) => run.trigger === 'demo');
    expect(demoRun).toBeDefined();
    const report = JSON.parse(
      navetteCli(['--config', config, 'runs', demoRun!.runId, '--json']).stdout,
    ) as ReportJson;
    const chosen = report.outcomes.find((outcome) => outcome.status === 'imported');
    expect(chosen?.document?.number).toBeDefined();
    const reset = navetteCli([
      '--config',
      config,
      'reset',
      '--shop',
      String(chosen!.shopId),
      '--orders',
      String(chosen!.orderId),
    ]);
    expect(reset.stderr).toBe('');
    expect(reset.stdout).toMatch(/^1 commande\(s\) seront importées de nouveau/);
    const again = navetteCli([
      '--config',
      config,
      'import',
      '--json',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
    ]);
    expect(again.status).toBe(0);
    const next = JSON.parse(again.stdout) as ReportJson & { counts: { imported: number } };
    expect(next.counts.imported).toBe(1);
    const reimported = next.outcomes.find(
      (outcome) => outcome.shopId === chosen!.shopId && outcome.orderId === chosen!.orderId,
    );
    expect(reimported?.status).toBe('imported');
    expect(reimported?.document?.number).toBeDefined();
    expect(reimported?.document?.number).not.toBe(chosen!.document!.number);
  }, 240_000);

  it('reads navette’s own data without a webservice key, and says so when the shop is needed', async () => {
    // Beside the demo's config: its relative database path is read from the config's folder.
    const keyless = join(dir, 'demo', 'keyless.yaml');
    const settings = parseYaml(await readFile(config, 'utf8')) as { shop: { url: string } };
    settings.shop.url = 'https://boutique.invalid';
    await writeFile(keyless, stringifyYaml(settings));
    const env = { NAVETTE_PS_KEY: '' };
    const documents = navetteCli(['--config', keyless, 'documents'], { env });
    expect([documents.status, documents.stderr]).toEqual([0, '']);
    expect(documents.stdout).toMatch(/BC\d{5}/);
    const runs = navetteCli(['--config', keyless, 'runs'], { env });
    expect([runs.status, runs.stderr]).toEqual([0, '']);
    const reset = navetteCli(['--config', keyless, 'reset', '--orders', '999999'], { env });
    expect([reset.status, reset.stderr]).toEqual([0, '']);
    const imported = navetteCli(['--config', keyless, 'import'], { env });
    expect(imported.status).toBe(3);
    expect(imported.stdout + imported.stderr).toMatch(/Aucune clé webservice/);
  }, 240_000);

  it('refuses bad command-line values with a French message and exit 2, never a stack trace', () => {
    const cases = [
      ['documents', '--limit', 'abc'],
      ['runs', '--limit', '0'],
      ['import', '--shop', 'abc'],
      ['import', '--from', '2026-13-45', '--to', '2026-12-31'],
      ['import', '--from', '2026-02-30', '--to', '2026-03-01'],
      ['import', '--from', '2026-12-31', '--to', '2026-01-01'],
      ['import', '--shop', '7', '--dry-run'],
      ['documents', '--type', 'bon'],
      ['reset', '--orders', 'abc'],
      ['no-such-command'],
      ['import', '--shopp', '1'],
    ];
    for (const args of cases) {
      const result = navetteCli(['--config', config, ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^navette : /);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect(navetteCli(['--config', config, 'import', '--shop', '7', '--dry-run']).stderr).toMatch(
      /boutique inconnue : 7/,
    );
    expect(navetteCli(['--config', config, 'documents', '--limit', 'abc']).stderr).toMatch(/--limit/);
    expect(
      navetteCli(['--config', config, 'import', '--from', '2026-02-30', '--to', '2026-03-01']).stderr,
    ).toMatch(/2026-02-30 n'existe pas/);
    const quotes = navetteCli(['--config', config, 'documents', '--type', 'devis']);
    expect(quotes.status).toBe(0);
    expect(quotes.stdout).toMatch(/Devis/);
    expect(quotes.stdout).not.toMatch(/Bon de commande/);
    const orders = navetteCli([
      '--config',
      config,
      'documents',
      '--type',
      'Bon de Commande',
      '--status',
      'confirmé',
    ]);
    expect(orders.status).toBe(0);
    expect(orders.stdout).toMatch(/Bon de commande\s+Confirmé/);
    expect(navetteCli(['--config', config, 'documents', '--status', 'saisi']).status).toBe(0);
  }, 600_000);

  it('speaks French only: help, errors, the history and the CSV report', () => {
    const commands = ['demo', 'init', 'import', 'states', 'check-connection', 'documents', 'runs', 'reset'];
    const runs = JSON.parse(navetteCli(['--config', config, 'runs', '--json']).stdout) as RunRow[];
    const demoRun = runs.find((run) => run.trigger === 'demo')!;
    const texts = [
      navetteCli(['--help']).stdout,
      ...commands.map((command) => navetteCli([command, '--help']).stdout),
      navetteCli(['imprt']).stderr,
      navetteCli(['import', '--shopp', '1']).stderr,
      navetteCli(['documents', '--limit']).stderr,
      navetteCli(['--config', config, 'runs']).stdout,
      navetteCli(['--config', config, 'runs', demoRun.runId]).stdout,
      navetteCli(['--config', config, 'documents']).stdout,
    ];
    const english = [
      /\bUsage\b/,
      /\bdefault:/,
      /display help/,
      /\berror:/,
      /\bunknown\b/,
      /Did you mean/,
      /\bcommand\b/,
      /\bimported\b/,
      /\bsucceeded\b/,
      /\bpartial\b/,
      /would-import/,
      /\bskipped\b/,
      /\bconfirmed\b/,
      /\bdraft\b/,
      /\border\b/,
      /\bquote\b/,
    ];
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(0);
      for (const word of english) expect(text, text.slice(0, 80)).not.toMatch(word);
    }
    const csv = navetteCli(['--config', config, 'runs', demoRun.runId, '--csv'])
      .stdout.split('\r\n')
      .slice(1, -1);
    expect(csv.length).toBeGreaterThan(0);
    for (const row of csv) {
      const cells = row.split(';');
      // Résultat, Type, Statut du document: labels, never the codes (the Code column keeps those).
      expect([cells[8], cells[10], cells[11]].join(' ')).not.toMatch(
        /imported|skipped|failed|order|quote|draft|confirmed/,
      );
    }
    expect(navetteCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  }, 600_000);

  it('writes amounts and dates the French way in every output meant for a person', () => {
    const list = JSON.parse(navetteCli(['--config', config, 'documents', '--json']).stdout) as {
      items: { number: string }[];
    };
    const runs = JSON.parse(navetteCli(['--config', config, 'runs', '--json']).stdout) as RunRow[];
    const outputs: Record<string, string> = {
      demo: demoOutput,
      documents: navetteCli(['--config', config, 'documents']).stdout,
      document: navetteCli(['--config', config, 'documents', list.items[0]!.number]).stdout,
      runs: navetteCli(['--config', config, 'runs']).stdout,
      run: navetteCli(['--config', config, 'runs', runs[0]!.runId]).stdout,
      preview: navetteCli(['--config', config, 'import', '--dry-run']).stdout,
      states: navetteCli(['--config', config, 'states']).stdout,
      articles: navetteCli(['--config', config, 'articles', 'import']).stdout,
      reset: navetteCli(['--config', config, 'reset', '--orders', '999999']).stdout,
    };
    for (const [name, text] of Object.entries(outputs)) {
      expect(text.length, name).toBeGreaterThan(0);
      // ISO days (2026-11-17) and point decimals (132.60, 1.2 s) are for machines: --json and --csv.
      expect(text, name).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(text, name).not.toMatch(/(?<![\d.])\d+\.\d{1,2}(?![\d.])/);
    }
    for (const name of ['documents', 'document']) expect(outputs[name], name).toMatch(/\d,\d{2}[\u00a0 ]€/);
    for (const name of ['documents', 'document', 'runs', 'run', 'preview'])
      expect(outputs[name], name).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  }, 240_000);

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
    // Five processes one after the other: more than the default 30 s on a loaded machine.
  }, 120_000);

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
