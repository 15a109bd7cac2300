import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { addCatalogueArticles, openNavette } from '../../app/compose.js';
import { DEMO_DOLIBARR_URL, DEMO_SHOP_URL, demoCatalogueArticles } from '../../app/demo.js';
import { configSchema, type NavetteConfig } from '../../config/config-schema.js';
import type { Navette } from '../../app/navette.js';
import type { DocumentType, SalesDocument } from '../../domain/sales-document.js';
import { starterConfig } from '../../config/defaults.js';
import { loadConfig, saveConfig } from '../../config/load-config.js';
import { hashPassword } from '../../web/auth/password.js';
import { action } from '../cli-context.js';
import { documentText } from './documents.js';
import { exitCodeOf, runProgress } from '../run-progress.js';

/** The demo shop's orders span the last 60 days; the configured default stays "30 derniers jours". */
const DEMO_DAYS = 61;

/** The demo's web password: the demo runs on this computer only, with made-up data. */
const DEMO_PASSWORD = 'demo';

export function registerDemo(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('demo')
    .description(
      'Importe la boutique de démonstration dans une gestion commerciale intégrée toute neuve, et montre le résultat.',
    )
    .option('--dir <dossier>', 'dossier de la démonstration', '.navette-demo')
    .option(
      '--again',
      'garde la gestion commerciale de la fois précédente (montre que rien n’est importé deux fois)',
    )
    .option(
      '--target <gescom>',
      'embedded (gestion commerciale intégrée) ou dolibarr (un Dolibarr simulé, le temps de la démonstration)',
      'embedded',
    )
    .action(
      action(setExitCode, async (options: { dir: string; again?: boolean; target: string }) => {
        if (options.target !== 'embedded' && options.target !== 'dolibarr') {
          process.stderr.write(
            `navette : --target vaut embedded ou dolibarr (reçu « ${options.target} »).\n`,
          );
          return;
        }
        const dolibarr = options.target === 'dolibarr';
        const dir = resolve(options.dir);
        const configPath = join(dir, 'navette.yaml');
        if (!options.again) await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
        const config = options.again ? await loadConfig(configPath).catch(() => undefined) : undefined;
        const demoConfig = config ?? (await writeDemoConfig(configPath, join(dir, 'gescom.db'), dolibarr));
        // Dolibarr's articles are its products: the simulated one creates those it lacks.
        if (config === undefined && !dolibarr)
          await addCatalogueArticles(demoConfig, demoCatalogueArticles());

        const navette = await openNavette(demoConfig);
        try {
          const today = navette.clock.now();
          const from = new Date(today.getTime() - DEMO_DAYS * 24 * 3600 * 1000);
          const selected = (await navette.shopStates())
            .filter(({ rule }) => rule.selected)
            .map(({ rule, state }) => state?.name ?? rule.name ?? `état ${rule.id}`);
          process.stdout.write(
            [
              dolibarr
                ? 'navette — démonstration : une boutique PrestaShop simulée (2 boutiques) → un Dolibarr 23 simulé dans ce processus (il disparaît à la fin ; "navette demo-dolibarr --port 8082" en garde un)'
                : 'navette — démonstration : une boutique PrestaShop simulée (2 boutiques) → gestion commerciale intégrée (SQLite)',
              `Comme pour une vraie boutique, navette ne lit que les commandes de la période (les ${DEMO_DAYS} derniers jours)`,
              `dont le statut est coché dans le tableau "Import des commandes" (${selected.length} statuts : ${selected.join(', ')}) ;`,
              'les autres commandes de la boutique (annulées, remboursées, en erreur de paiement…) restent de côté.',
              '',
              '',
            ].join('\n'),
          );
          const summary = await navette.runImport({
            trigger: 'demo',
            dryRun: false,
            period: { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) },
            onEvent: runProgress(process.stdout, process.stdout.isTTY === true),
          });
          for (const type of ['order', 'quote'] as const) {
            const example = await showcaseDocument(navette, type, navette.config.articles.generic);
            if (example) process.stdout.write(`\n${documentText(example)}\n`);
          }
          const cli = `navette --config ${configPath}`;
          process.stdout.write(
            [
              '',
              'Pour aller plus loin (la commande navette partout : "npm link" ou "npm install -g ." dans le dossier de navette) :',
              `  ${cli} documents                 tous les documents créés`,
              `  ${cli} runs ${summary.runId}   le détail de cet import, commande par commande`,
              `  ${cli} serve                     la fenêtre "Import des commandes" sur http://127.0.0.1:8080 (mot de passe : ${DEMO_PASSWORD})`,
              `  navette demo --again --dir ${dir}   relance l'import : rien n'est importé deux fois`,
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
  navette: Navette,
  type: DocumentType,
  genericArticle: string,
): Promise<SalesDocument | undefined> {
  const { items } = await navette.listDocuments({ type, limit: 30 });
  const documents = await Promise.all(items.map((item) => navette.document(item.number)));
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

async function writeDemoConfig(path: string, database: string, dolibarr: boolean): Promise<NavetteConfig> {
  const starter = starterConfig(DEMO_SHOP_URL);
  const config = configSchema.parse({
    ...starter,
    ...(dolibarr
      ? {
          gescom: { target: 'dolibarr', database, dolibarr: { url: DEMO_DOLIBARR_URL } },
          // Dolibarr's own payment codes: a payment module navette does not know is paid by card.
          payments: { ...starter.payments, defaultMode: 'CB' },
        }
      : { gescom: { target: 'embedded', database } }),
    web: { passwordHash: await hashPassword(DEMO_PASSWORD), language: 'fr' },
  });
  await saveConfig(path, config);
  return config;
}
