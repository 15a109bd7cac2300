import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { addCatalogueArticles, openNavette } from '../../app/compose.js';
import { DEMO_SHOP_URL, demoCatalogueArticles } from '../../app/demo.js';
import { configSchema, type NavetteConfig } from '../../config/config-schema.js';
import type { DocumentType, SalesDocument } from '../../domain/sales-document.js';
import type { GescomTarget } from '../../ports/gescom-target.js';
import { starterConfig } from '../../config/defaults.js';
import { loadConfig, saveConfig } from '../../config/load-config.js';
import { hashPassword } from '../../web/auth/password.js';
import { action } from '../cli-context.js';
import { documentText } from './documents.js';
import { exitCodeOf } from './import.js';
import { runProgress } from '../run-progress.js';

/** The demo's web password: the demo runs on this computer only, with made-up data. */
const DEMO_PASSWORD = 'demo';

export function registerDemo(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('demo')
    .description(
      'Importe la boutique de démonstration dans une gestion commerciale intégrée toute neuve, et montre le résultat.',
    )
    .option('--dir <dir>', 'dossier de la démonstration', '.navette-demo')
    .option(
      '--again',
      'garde la gestion commerciale de la fois précédente (montre que rien n’est importé deux fois)',
    )
    .action(
      action(setExitCode, async (options: { dir: string; again?: boolean }) => {
        const dir = resolve(options.dir);
        const configPath = join(dir, 'navette.yaml');
        if (!options.again) await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
        const config = options.again ? await loadConfig(configPath).catch(() => undefined) : undefined;
        const demoConfig = config ?? (await writeDemoConfig(configPath, join(dir, 'gescom.db')));
        if (config === undefined) await addCatalogueArticles(demoConfig, demoCatalogueArticles());

        const navette = await openNavette(demoConfig);
        try {
          process.stdout.write(
            'navette — démonstration : une boutique PrestaShop simulée (2 boutiques, ~60 commandes) → gestion commerciale intégrée (SQLite)\n\n',
          );
          const today = navette.clock.now();
          const from = new Date(today.getTime() - 61 * 24 * 3600 * 1000);
          const summary = await navette.runImport({
            trigger: 'demo',
            dryRun: false,
            // The demo shop's orders span the last 60 days; the configured default stays "30 derniers jours".
            period: { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) },
            onEvent: runProgress(process.stdout, process.stdout.isTTY === true),
          });
          for (const type of ['order', 'quote'] as const) {
            const example = await showcaseDocument(navette.target, type, navette.config.articles.generic);
            if (example) process.stdout.write(`\n${documentText(example)}\n`);
          }
          const cli = `npx navette --config ${configPath}`;
          process.stdout.write(
            [
              '',
              'Pour aller plus loin :',
              `  ${cli} documents                 tous les documents créés`,
              `  ${cli} runs ${summary.runId}   le détail de cet import, commande par commande`,
              `  ${cli} serve                     la fenêtre "Import des commandes" sur http://127.0.0.1:8080 (mot de passe : ${DEMO_PASSWORD})`,
              `  npx navette demo --again                  relance l'import : rien n'est importé deux fois`,
              '',
            ].join('\n'),
          );
          setExitCode(exitCodeOf(summary));
        } finally {
          await navette.close();
        }
      }),
    );
}

/** A document worth showing: the one of its type with the most lines on known articles. */
async function showcaseDocument(
  target: GescomTarget,
  type: DocumentType,
  genericArticle: string,
): Promise<SalesDocument | undefined> {
  const { items } = await target.listDocuments({ type, limit: 30 });
  const documents = await Promise.all(items.map((item) => target.getDocument(item.number)));
  const knownLines = (document: SalesDocument): number =>
    document.lines.filter((line) => line.kind === 'product' && line.articleReference !== genericArticle)
      .length;
  return documents
    .filter((document) => document !== undefined)
    .reduce<SalesDocument | undefined>(
      (best, document) => (best && knownLines(best) >= knownLines(document) ? best : document),
      undefined,
    );
}

async function writeDemoConfig(path: string, database: string): Promise<NavetteConfig> {
  const config = configSchema.parse({
    ...starterConfig(DEMO_SHOP_URL),
    gescom: { target: 'embedded', database },
    web: { passwordHash: await hashPassword(DEMO_PASSWORD), language: 'fr' },
  });
  await saveConfig(path, config);
  return config;
}
